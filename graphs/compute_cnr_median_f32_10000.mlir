// compute_cnr: (f32[10000], f32[10000]) -> (f32[])
// fingerprint d5d76a6d3789795be5606eab5b38add7298b7a12aaa60c16fc83409a13e6c6c3
module @compute_cnr {
  func.func public @main(%arg0: tensor<10000xf32>, %arg1: tensor<10000xf32>) -> (tensor<f32>) {
    %v2 = "stablehlo.multiply"(%arg0, %arg0) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v3 = "stablehlo.multiply"(%arg1, %arg1) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v4 = "stablehlo.sort"(%v2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type TOTALORDER>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = true} : (tensor<10000xf32>) -> tensor<10000xf32>
    %v5 = "stablehlo.slice"(%v4) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v6 = "stablehlo.reshape"(%v5) : (tensor<1xf32>) -> tensor<f32>
    %v7 = "stablehlo.slice"(%v4) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v8 = "stablehlo.reshape"(%v7) : (tensor<1xf32>) -> tensor<f32>
    %v9 = "stablehlo.add"(%v6, %v8) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v10 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %v11 = "stablehlo.divide"(%v9, %v10) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v12 = "stablehlo.compare"(%v2, %v2) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xi1>
    %t1 = stablehlo.constant dense<false> : tensor<i1>
    %v13 = "stablehlo.reduce"(%v12, %t1) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xi1>, tensor<i1>) -> tensor<i1>
    %v14 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v15 = "stablehlo.select"(%v13, %v14, %v11) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v16 = "stablehlo.broadcast_in_dim"(%v15) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v17 = "stablehlo.subtract"(%v2, %v16) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v18 = "stablehlo.multiply"(%v17, %v17) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v19 = "stablehlo.sort"(%v18) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type TOTALORDER>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = true} : (tensor<10000xf32>) -> tensor<10000xf32>
    %v20 = "stablehlo.slice"(%v19) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v21 = "stablehlo.reshape"(%v20) : (tensor<1xf32>) -> tensor<f32>
    %v22 = "stablehlo.slice"(%v19) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v23 = "stablehlo.reshape"(%v22) : (tensor<1xf32>) -> tensor<f32>
    %v24 = "stablehlo.add"(%v21, %v23) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v25 = "stablehlo.divide"(%v24, %v10) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v26 = "stablehlo.compare"(%v18, %v18) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xi1>
    %t2 = stablehlo.constant dense<false> : tensor<i1>
    %v27 = "stablehlo.reduce"(%v26, %t2) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xi1>, tensor<i1>) -> tensor<i1>
    %v28 = "stablehlo.select"(%v27, %v14, %v25) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v29 = "stablehlo.sort"(%v3) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type TOTALORDER>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = true} : (tensor<10000xf32>) -> tensor<10000xf32>
    %v30 = "stablehlo.slice"(%v29) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v31 = "stablehlo.reshape"(%v30) : (tensor<1xf32>) -> tensor<f32>
    %v32 = "stablehlo.slice"(%v29) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v33 = "stablehlo.reshape"(%v32) : (tensor<1xf32>) -> tensor<f32>
    %v34 = "stablehlo.add"(%v31, %v33) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v35 = "stablehlo.divide"(%v34, %v10) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v36 = "stablehlo.compare"(%v3, %v3) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xi1>
    %t3 = stablehlo.constant dense<false> : tensor<i1>
    %v37 = "stablehlo.reduce"(%v36, %t3) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xi1>, tensor<i1>) -> tensor<i1>
    %v38 = "stablehlo.select"(%v37, %v14, %v35) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v39 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v40 = "stablehlo.subtract"(%v3, %v39) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v41 = "stablehlo.multiply"(%v40, %v40) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v42 = "stablehlo.sort"(%v41) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type TOTALORDER>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = true} : (tensor<10000xf32>) -> tensor<10000xf32>
    %v43 = "stablehlo.slice"(%v42) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v44 = "stablehlo.reshape"(%v43) : (tensor<1xf32>) -> tensor<f32>
    %v45 = "stablehlo.slice"(%v42) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %v46 = "stablehlo.reshape"(%v45) : (tensor<1xf32>) -> tensor<f32>
    %v47 = "stablehlo.add"(%v44, %v46) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v48 = "stablehlo.divide"(%v47, %v10) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v49 = "stablehlo.compare"(%v41, %v41) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xi1>
    %t4 = stablehlo.constant dense<false> : tensor<i1>
    %v50 = "stablehlo.reduce"(%v49, %t4) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xi1>, tensor<i1>) -> tensor<i1>
    %v51 = "stablehlo.select"(%v50, %v14, %v48) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v52 = "stablehlo.subtract"(%v15, %v38) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v53 = "stablehlo.add"(%v28, %v51) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v54 = "stablehlo.sqrt"(%v53) : (tensor<f32>) -> tensor<f32>
    %v55 = "stablehlo.divide"(%v52, %v54) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v55) : (tensor<f32>) -> ()
  }
}
