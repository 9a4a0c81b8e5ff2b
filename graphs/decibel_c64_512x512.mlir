// decibel: (c64[512,512]) -> (f32[512,512])
// fingerprint 0b48e3a8aa82bc09bd8f1b2e0ac86bec8a6e8bc70684aa286c1e73fcbc81eed3
module @decibel {
  func.func public @main(%arg0: tensor<512x512xcomplex<f32>>) -> (tensor<512x512xf32>) {
    %v1 = "stablehlo.abs"(%arg0) : (tensor<512x512xcomplex<f32>>) -> tensor<512x512xf32>
    %v2 = stablehlo.constant dense<1.1920929e-7> : tensor<f32>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v4 = "stablehlo.add"(%v1, %v3) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v5 = "stablehlo.log"(%v4) : (tensor<512x512xf32>) -> tensor<512x512xf32>
    %v6 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v7 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v8 = "stablehlo.divide"(%v5, %v7) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v9 = stablehlo.constant dense<2.0e1> : tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v11 = "stablehlo.multiply"(%v8, %v10) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    "func.return"(%v11) : (tensor<512x512xf32>) -> ()
  }
}
