// sign_coherence_factor: (c64[64,100,100]) -> (f32[100,100])
// fingerprint ce46833beaf050c97df712311339fad71fd458ef6406c8f37d1ed7b99bf76ae1
module @sign_coherence_factor {
  func.func public @main(%arg0: tensor<64x100x100xcomplex<f32>>) -> (tensor<100x100xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v2 = "stablehlo.sign"(%v1) : (tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v3 = "stablehlo.compare"(%v2, %v2) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xi1>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t2 = stablehlo.constant dense<false> : tensor<i1>
    %v4:2 = "stablehlo.reduce"(%v2, %v3, %t1, %t2) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<i1>, %b0: tensor<f32>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f32>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<64x100x100xf32>, tensor<64x100x100xi1>, tensor<f32>, tensor<i1>) -> (tensor<100x100xf32>, tensor<100x100xi1>)
    %v5 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v6 = "stablehlo.broadcast_in_dim"(%v5) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v7 = "stablehlo.select"(%v4#1, %v6, %v4#0) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v8 = "stablehlo.multiply"(%v7, %v7) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v9 = stablehlo.constant dense<4.096e3> : tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v11 = "stablehlo.subtract"(%v10, %v8) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v12 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v13 = "stablehlo.broadcast_in_dim"(%v12) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v14 = "stablehlo.maximum"(%v11, %v13) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v15 = "stablehlo.sqrt"(%v14) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v16 = stablehlo.constant dense<6.4e1> : tensor<f32>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v18 = "stablehlo.multiply"(%v15, %v17) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v19 = "stablehlo.add"(%v18, %v10) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v20 = "stablehlo.divide"(%v8, %v19) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v21 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v22 = "stablehlo.broadcast_in_dim"(%v21) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v23 = "stablehlo.power"(%v20, %v22) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    "func.return"(%v23) : (tensor<100x100xf32>) -> ()
  }
}
