// compute_cnr: (f32[10000], f32[10000]) -> (f32[])
// fingerprint 75e457e04b15b72771c75aa33ff1005e95401bce5b71993818a001896d7d53c4
module @compute_cnr {
  func.func public @main(%arg0: tensor<10000xf32>, %arg1: tensor<10000xf32>) -> (tensor<f32>) {
    %v2 = "stablehlo.multiply"(%arg0, %arg0) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v3 = "stablehlo.multiply"(%arg1, %arg1) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v4 = "stablehlo.reduce"(%v2, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v5 = "stablehlo.convert"(%v4) : (tensor<f32>) -> tensor<f64>
    %v6 = "stablehlo.compare"(%v5, %v5) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v7 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v8 = stablehlo.constant dense<1.0e4> : tensor<f64>
    %v9 = "stablehlo.select"(%v6, %v7, %v8) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v10 = "stablehlo.divide"(%v5, %v9) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v11 = "stablehlo.convert"(%v10) : (tensor<f64>) -> tensor<f32>
    %v12 = "stablehlo.broadcast_in_dim"(%v11) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v13 = "stablehlo.subtract"(%v2, %v12) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v14 = "stablehlo.multiply"(%v13, %v13) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v15 = "stablehlo.reduce"(%v14, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v16 = "stablehlo.convert"(%v15) : (tensor<f32>) -> tensor<f64>
    %v17 = "stablehlo.compare"(%v16, %v16) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v18 = "stablehlo.select"(%v17, %v7, %v8) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v19 = "stablehlo.divide"(%v16, %v18) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v20 = "stablehlo.convert"(%v19) : (tensor<f64>) -> tensor<f32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v21 = "stablehlo.reduce"(%v3, %t3) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v22 = "stablehlo.convert"(%v21) : (tensor<f32>) -> tensor<f64>
    %v23 = "stablehlo.compare"(%v22, %v22) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v24 = "stablehlo.select"(%v23, %v7, %v8) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v25 = "stablehlo.divide"(%v22, %v24) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v26 = "stablehlo.convert"(%v25) : (tensor<f64>) -> tensor<f32>
    %v27 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v28 = "stablehlo.subtract"(%v3, %v27) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v29 = "stablehlo.multiply"(%v28, %v28) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v30 = "stablehlo.reduce"(%v29, %t4) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v31 = "stablehlo.convert"(%v30) : (tensor<f32>) -> tensor<f64>
    %v32 = "stablehlo.compare"(%v31, %v31) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v33 = "stablehlo.select"(%v32, %v7, %v8) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v34 = "stablehlo.divide"(%v31, %v33) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v35 = "stablehlo.convert"(%v34) : (tensor<f64>) -> tensor<f32>
    %v36 = "stablehlo.subtract"(%v11, %v26) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v37 = "stablehlo.add"(%v20, %v35) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v38 = "stablehlo.sqrt"(%v37) : (tensor<f32>) -> tensor<f32>
    %v39 = "stablehlo.divide"(%v36, %v38) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v39) : (tensor<f32>) -> ()
  }
}
