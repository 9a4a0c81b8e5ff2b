// noise_repeated_measurements: (f32[16,64,256]) -> (f32[], f32[], f32[])
// fingerprint 57698aa3444c16e4c0f632644ff1d80f2e93784ce6b084e1b8ad74029db371c9
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
    %v6 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<64x256xf32>) -> tensor<16x64x256xf32>
    %v7 = "stablehlo.subtract"(%arg0, %v6) : (tensor<16x64x256xf32>, tensor<16x64x256xf32>) -> tensor<16x64x256xf32>
    %v8 = "stablehlo.multiply"(%v7, %v7) : (tensor<16x64x256xf32>, tensor<16x64x256xf32>) -> tensor<16x64x256xf32>
    %v9 = "stablehlo.convert"(%v8) : (tensor<16x64x256xf32>) -> tensor<16x64x256xf64>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v10 = "stablehlo.reduce"(%v9, %t2) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<16x64x256xf64>, tensor<f64>) -> tensor<64x256xf64>
    %v11 = "stablehlo.convert"(%v5) : (tensor<64x256xf32>) -> tensor<64x256xf64>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v12:2 = "stablehlo.reduce"(%v10, %v11, %t3, %t4) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<64x256xf64>, tensor<64x256xf64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
    %v13 = "stablehlo.convert"(%v12#1) : (tensor<f64>) -> tensor<f32>
    %v14 = stablehlo.constant dense<1.6e1> : tensor<f64>
    %v15 = "stablehlo.divide"(%v12#0, %v14) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v16 = "stablehlo.convert"(%v15) : (tensor<f64>) -> tensor<f32>
    %v17 = "stablehlo.divide"(%v13, %v16) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v18 = "stablehlo.log"(%v17) : (tensor<f32>) -> tensor<f32>
    %v19 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v20 = "stablehlo.divide"(%v18, %v19) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v21 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v22 = "stablehlo.multiply"(%v20, %v21) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v22, %v13, %v16) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
  }
}
