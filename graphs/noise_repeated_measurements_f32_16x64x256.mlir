// noise_repeated_measurements: (f32[16,64,256]) -> (f32[], f32[], f32[])
// fingerprint 7dbf8b5b2687a0de347f04cf7ad06b131d02cc51d675184017385aa85d82d783
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
    %v6 = "stablehlo.convert"(%v5) : (tensor<64x256xf32>) -> tensor<64x256xf64>
    %v7 = stablehlo.constant dense<1.6e1> : tensor<f64>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x256xf64>
    %v9 = "stablehlo.divide"(%v6, %v8) : (tensor<64x256xf64>, tensor<64x256xf64>) -> tensor<64x256xf64>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<64x256xf64>) -> tensor<16x64x256xf64>
    %v11 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<64x256xf32>) -> tensor<16x64x256xf32>
    %v12 = "stablehlo.subtract"(%arg0, %v11) : (tensor<16x64x256xf32>, tensor<16x64x256xf32>) -> tensor<16x64x256xf32>
    %v13 = "stablehlo.multiply"(%v12, %v12) : (tensor<16x64x256xf32>, tensor<16x64x256xf32>) -> tensor<16x64x256xf32>
    %v14 = "stablehlo.convert"(%v13) : (tensor<16x64x256xf32>) -> tensor<16x64x256xf64>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v15:2 = "stablehlo.reduce"(%v10, %v14, %t2, %t3) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<16x64x256xf64>, tensor<16x64x256xf64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
    %v16 = "stablehlo.convert"(%v15#0) : (tensor<f64>) -> tensor<f32>
    %v17 = "stablehlo.divide"(%v15#1, %v7) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v18 = "stablehlo.convert"(%v17) : (tensor<f64>) -> tensor<f32>
    %v19 = "stablehlo.divide"(%v16, %v18) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v20 = "stablehlo.log"(%v19) : (tensor<f32>) -> tensor<f32>
    %v21 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v22 = "stablehlo.divide"(%v20, %v21) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v23 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v24 = "stablehlo.multiply"(%v22, %v23) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v24, %v16, %v18) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
  }
}
