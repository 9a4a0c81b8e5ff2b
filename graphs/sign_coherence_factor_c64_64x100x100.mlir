// sign_coherence_factor: (c64[64,100,100]) -> (f32[100,100])
// fingerprint dc9a957afa0904f66b7c7660d601b49cf620eadeac8a737609124fa35d80f871
module @sign_coherence_factor {
  func.func public @main(%arg0: tensor<64x100x100xcomplex<f32>>) -> (tensor<100x100xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v2 = "stablehlo.sign"(%v1) : (tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v3 = "stablehlo.reduce"(%v2, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<64x100x100xf32>, tensor<f32>) -> tensor<100x100xf32>
    %v4 = stablehlo.constant dense<6.4e1> : tensor<f32>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v6 = "stablehlo.divide"(%v3, %v5) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v7 = "stablehlo.multiply"(%v6, %v6) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v8 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v9 = "stablehlo.broadcast_in_dim"(%v8) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v10 = "stablehlo.subtract"(%v9, %v7) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v11 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v12 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v13 = "stablehlo.maximum"(%v10, %v12) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v14 = "stablehlo.sqrt"(%v13) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v15 = "stablehlo.subtract"(%v9, %v14) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v16 = "stablehlo.abs"(%v15) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v17 = "stablehlo.power"(%v16, %v9) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    "func.return"(%v17) : (tensor<100x100xf32>) -> ()
  }
}
