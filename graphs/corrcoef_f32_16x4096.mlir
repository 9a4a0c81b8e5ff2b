// corrcoef: (f32[16,4096]) -> (f32[16,16])
// fingerprint 8bf035e8f4369720ec271fa73f4a9ac4127d0fc2f039d2e61caa0875b0c95e40
module @corrcoef {
  func.func public @main(%arg0: tensor<16x4096xf32>) -> (tensor<16x16xf32>) {
    %v1 = "stablehlo.convert"(%arg0) : (tensor<16x4096xf32>) -> tensor<16x4096xf64>
    %v2 = "stablehlo.compare"(%v1, %v1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16x4096xf64>, tensor<16x4096xf64>) -> tensor<16x4096xi1>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t2 = stablehlo.constant dense<false> : tensor<i1>
    %v3:2 = "stablehlo.reduce"(%v1, %v2, %t1, %t2) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<i1>, %b0: tensor<f64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x4096xf64>, tensor<16x4096xi1>, tensor<f64>, tensor<i1>) -> (tensor<16xf64>, tensor<16xi1>)
    %v4 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<16xf64>
    %v6 = "stablehlo.select"(%v3#1, %v5, %v3#0) : (tensor<16xi1>, tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v7 = stablehlo.constant dense<4.096e3> : tensor<f64>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<16xf64>
    %v9 = "stablehlo.divide"(%v6, %v8) : (tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v10 = "stablehlo.convert"(%v9) : (tensor<16xf64>) -> tensor<16xf32>
    %v11 = "stablehlo.reshape"(%v10) : (tensor<16xf32>) -> tensor<16x1xf32>
    %v12 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xf32>) -> tensor<16x4096xf32>
    %v13 = "stablehlo.subtract"(%arg0, %v12) : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x4096xf32>
    %v14 = "stablehlo.multiply"(%v13, %v13) : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x4096xf32>
    %v15 = "stablehlo.convert"(%v14) : (tensor<16x4096xf32>) -> tensor<16x4096xf64>
    %v16 = "stablehlo.compare"(%v15, %v15) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16x4096xf64>, tensor<16x4096xf64>) -> tensor<16x4096xi1>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t4 = stablehlo.constant dense<false> : tensor<i1>
    %v17:2 = "stablehlo.reduce"(%v15, %v16, %t3, %t4) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<i1>, %b0: tensor<f64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x4096xf64>, tensor<16x4096xi1>, tensor<f64>, tensor<i1>) -> (tensor<16xf64>, tensor<16xi1>)
    %v18 = "stablehlo.select"(%v17#1, %v5, %v17#0) : (tensor<16xi1>, tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v19 = stablehlo.constant dense<4.095e3> : tensor<f64>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<16xf64>
    %v21 = "stablehlo.divide"(%v18, %v20) : (tensor<16xf64>, tensor<16xf64>) -> tensor<16xf64>
    %v22 = "stablehlo.sqrt"(%v21) : (tensor<16xf64>) -> tensor<16xf64>
    %v23 = "stablehlo.convert"(%v22) : (tensor<16xf64>) -> tensor<16xf32>
    %v24 = "stablehlo.reshape"(%v23) : (tensor<16xf32>) -> tensor<16x1xf32>
    %v25 = "stablehlo.broadcast_in_dim"(%v24) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xf32>) -> tensor<16x4096xf32>
    %v26 = "stablehlo.divide"(%v13, %v25) : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x4096xf32>
    %v27 = "stablehlo.dot_general"(%v26, %v26) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<16x4096xf32>, tensor<16x4096xf32>) -> tensor<16x16xf32>
    %v28 = stablehlo.constant dense<4.095e3> : tensor<f32>
    %v29 = "stablehlo.broadcast_in_dim"(%v28) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x16xf32>
    %v30 = "stablehlo.divide"(%v27, %v29) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
    %v31 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v32 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x16xf32>
    %v33 = "stablehlo.maximum"(%v30, %v32) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
    %v34 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x16xf32>
    %v36 = "stablehlo.minimum"(%v33, %v35) : (tensor<16x16xf32>, tensor<16x16xf32>) -> tensor<16x16xf32>
    "func.return"(%v36) : (tensor<16x16xf32>) -> ()
  }
}
