// noise_repeated_measurements: (f32[16,64,256]) -> (f32[], f32[], f32[])
// fingerprint 0e103ff77a7b2a34fe6d3d8fee00bb5a44c548738d17bcc03844d35c0b7a60b6
module @noise_repeated_measurements {
  func.func public @main(%arg0: tensor<16x64x256xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>) {
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v1 = "stablehlo.reduce"(%arg0, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<16x64x256xf32>, tensor<f32>) -> tensor<64x256xf32>
    %v2 = stablehlo.constant dense<1.6e1> : tensor<f32>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x256xf32>
    %v4 = "stablehlo.divide"(%v1, %v3) : (tensor<64x256xf32>, tensor<64x256xf32>) -> tensor<64x256xf32>
    %v5 = "stablehlo.multiply"(%v4, %v4) : (tensor<64x256xf32>, tensor<64x256xf32>) -> tensor<64x256xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v6 = "stablehlo.reduce"(%v5, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<64x256xf32>, tensor<f32>) -> tensor<f32>
    %v7 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<64x256xf32>) -> tensor<16x64x256xf32>
    %v8 = "stablehlo.subtract"(%arg0, %v7) : (tensor<16x64x256xf32>, tensor<16x64x256xf32>) -> tensor<16x64x256xf32>
    %v9 = "stablehlo.multiply"(%v8, %v8) : (tensor<16x64x256xf32>, tensor<16x64x256xf32>) -> tensor<16x64x256xf32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v10 = "stablehlo.reduce"(%v9, %t3) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<16x64x256xf32>, tensor<f32>) -> tensor<f32>
    %v11 = "stablehlo.divide"(%v10, %v2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v12 = "stablehlo.divide"(%v6, %v11) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v13 = "stablehlo.log"(%v12) : (tensor<f32>) -> tensor<f32>
    %v14 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v15 = "stablehlo.divide"(%v13, %v14) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v16 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v17 = "stablehlo.multiply"(%v15, %v16) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v17, %v6, %v11) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
  }
}
