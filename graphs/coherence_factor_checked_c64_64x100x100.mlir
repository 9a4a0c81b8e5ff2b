// coherence_factor: (c64[64,100,100]) -> (f32[100,100], f32[])
// fingerprint 5a1873d96b20c753aba3e4bf133df37f99f8039cfd60c8e122bf15327b2e1f0d
module @coherence_factor {
  func.func public @main(%arg0: tensor<64x100x100xcomplex<f32>>) -> (tensor<100x100xf32>, tensor<f32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v2 = "stablehlo.imag"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v3 = "stablehlo.multiply"(%v1, %v1) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v4 = "stablehlo.multiply"(%v2, %v2) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v5 = "stablehlo.add"(%v3, %v4) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v6 = "stablehlo.subtract"(%v1, %v1) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v7 = "stablehlo.subtract"(%v2, %v2) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v8 = "stablehlo.add"(%v6, %v7) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v9:4 = "stablehlo.reduce"(%v1, %v2, %v5, %v8, %t1, %t2, %t3, %t4) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<f32>, %a3: tensor<f32>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<f32>, %b3: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.add"(%a2, %b2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r3 = "stablehlo.add"(%a3, %b3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0, %r1, %r2, %r3) : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>)
    %v10 = "stablehlo.multiply"(%v9#0, %v9#0) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v11 = "stablehlo.multiply"(%v9#1, %v9#1) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v12 = "stablehlo.add"(%v10, %v11) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v13 = stablehlo.constant dense<6.4e1> : tensor<f32>
    %v14 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v15 = "stablehlo.multiply"(%v9#2, %v14) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v16 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v18 = "stablehlo.compare"(%v15, %v17) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xi1>
    %v19 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v21 = "stablehlo.select"(%v18, %v15, %v20) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v22 = "stablehlo.divide"(%v12, %v21) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v23 = "stablehlo.select"(%v18, %v22, %v17) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %t5 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v24 = "stablehlo.reduce"(%v9#3, %t5) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<100x100xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v23, %v24) : (tensor<100x100xf32>, tensor<f32>) -> ()
  }
}
