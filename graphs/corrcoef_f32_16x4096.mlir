// corrcoef: (f32[16,4096]) -> (f32[16,16])
// fingerprint 727607750a9428a59ac2e9a9a8cab2cfa5d5f137d539575b4f757afd9d1cb29c
module @corrcoef {
  func.func public @main(%arg0: tensor<16x4096xf32>) -> (tensor<16x16xf32>) {
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v1 = "stablehlo.reduce"(%arg0, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x4096xf32>, tensor<f32>) -> tensor<16xf32>
    %v2 = stablehlo.constant dense<4.096e3> : tensor<f32>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v4 = "stablehlo.divide"(%v1, %v3) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v5 = "stablehlo.reshape"(%v4) : (tensor<16xf32>) -> tensor<16x1xf32>
    %v6 = "stablehlo.broadcast_in_dim"(%v5) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xf32>) -> tensor<16x4096xf32>
    %v7 = "stablehlo.subtract"(%arg0, %v6) : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x4096xf32>
    %v8 = "stablehlo.multiply"(%v7, %v7) : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x4096xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v9 = "stablehlo.reduce"(%v8, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x4096xf32>, tensor<f32>) -> tensor<16xf32>
    %v10 = stablehlo.constant dense<4.095e3> : tensor<f32>
    %v11 = "stablehlo.broadcast_in_dim"(%v10) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v12 = "stablehlo.divide"(%v9, %v11) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v13 = "stablehlo.sqrt"(%v12) : (tensor<16xf32>) -> tensor<16xf32>
    %v14 = "stablehlo.reshape"(%v13) : (tensor<16xf32>) -> tensor<16x1xf32>
    %v15 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xf32>) -> tensor<16x4096xf32>
    %v16 = "stablehlo.divide"(%v7, %v15) : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x4096xf32>
    %v17 = "stablehlo.dot_general"(%v16, %v16) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x16xf32>
    %v18 = "stablehlo.broadcast_in_dim"(%v10) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x16xf32>
    %v19 = "stablehlo.divide"(%v17, %v18) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
    %v20 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x16xf32>
    %v22 = "stablehlo.maximum"(%v19, %v21) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
    %v23 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v24 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x16xf32>
    %v25 = "stablehlo.minimum"(%v22, %v24) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
    "func.return"(%v25) : (tensor<16x16xf32>) -> ()
  }
}
