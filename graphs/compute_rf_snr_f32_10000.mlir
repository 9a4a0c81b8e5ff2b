// compute_rf_snr: (f32[10000], f32[10000]) -> (f32[], i32[])
// fingerprint 73784c3b28c380b9d0317c8c4414ceb4c80998f8e14c44623cf563106e264b63
module @compute_rf_snr {
  func.func public @main(%arg0: tensor<10000xf32>, %arg1: tensor<10000xf32>) -> (tensor<f32>, tensor<i32>) {
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v2 = "stablehlo.reduce"(%arg0, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v3 = "stablehlo.convert"(%v2) : (tensor<f32>) -> tensor<f64>
    %v4 = "stablehlo.compare"(%v3, %v3) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v5 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v6 = stablehlo.constant dense<1.0e4> : tensor<f64>
    %v7 = "stablehlo.select"(%v4, %v5, %v6) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v8 = "stablehlo.divide"(%v3, %v7) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v9 = "stablehlo.convert"(%v8) : (tensor<f64>) -> tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v11 = "stablehlo.subtract"(%arg0, %v10) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v12 = "stablehlo.reduce"(%arg1, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v13 = "stablehlo.convert"(%v12) : (tensor<f32>) -> tensor<f64>
    %v14 = "stablehlo.compare"(%v13, %v13) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v15 = "stablehlo.select"(%v14, %v5, %v6) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v16 = "stablehlo.divide"(%v13, %v15) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v17 = "stablehlo.convert"(%v16) : (tensor<f64>) -> tensor<f32>
    %v18 = "stablehlo.broadcast_in_dim"(%v17) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v19 = "stablehlo.subtract"(%arg1, %v18) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v20 = "stablehlo.multiply"(%v11, %v11) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v21 = "stablehlo.reduce"(%v20, %t3) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v22 = "stablehlo.convert"(%v21) : (tensor<f32>) -> tensor<f64>
    %v23 = "stablehlo.compare"(%v22, %v22) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v24 = "stablehlo.select"(%v23, %v5, %v6) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v25 = "stablehlo.divide"(%v22, %v24) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v26 = "stablehlo.convert"(%v25) : (tensor<f64>) -> tensor<f32>
    %v27 = "stablehlo.multiply"(%v19, %v19) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v28 = "stablehlo.reduce"(%v27, %t4) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v29 = "stablehlo.convert"(%v28) : (tensor<f32>) -> tensor<f64>
    %v30 = "stablehlo.compare"(%v29, %v29) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v31 = "stablehlo.select"(%v30, %v5, %v6) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v32 = "stablehlo.divide"(%v29, %v31) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v33 = "stablehlo.convert"(%v32) : (tensor<f64>) -> tensor<f32>
    %v34 = "stablehlo.divide"(%v26, %v33) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v35 = "stablehlo.log"(%v34) : (tensor<f32>) -> tensor<f32>
    %v36 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v37 = "stablehlo.divide"(%v35, %v36) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v38 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v39 = "stablehlo.multiply"(%v37, %v38) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v40 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v41 = "stablehlo.compare"(%v33, %v40) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v42 = stablehlo.constant dense<1> : tensor<i32>
    %v43 = stablehlo.constant dense<0> : tensor<i32>
    %v44 = "stablehlo.select"(%v41, %v42, %v43) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    "func.return"(%v39, %v44) : (tensor<f32>, tensor<i32>) -> ()
  }
}
