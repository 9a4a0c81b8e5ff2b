// contrast: (f32[10000], f32[10000]) -> (f32[])
// fingerprint 2f7bdd0263b5fe9ed468d90c569e13e9cccd5a3484fd555dc12ad828107360c4
module @contrast {
  func.func public @main(%arg0: tensor<10000xf32>, %arg1: tensor<10000xf32>) -> (tensor<f32>) {
    %v2 = "stablehlo.multiply"(%arg0, %arg0) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v3 = "stablehlo.reduce"(%v2, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v4 = "stablehlo.convert"(%v3) : (tensor<f32>) -> tensor<f64>
    %v5 = "stablehlo.compare"(%v4, %v4) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v6 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v7 = stablehlo.constant dense<1.0e4> : tensor<f64>
    %v8 = "stablehlo.select"(%v5, %v6, %v7) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v9 = "stablehlo.divide"(%v4, %v8) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v10 = "stablehlo.convert"(%v9) : (tensor<f64>) -> tensor<f32>
    %v11 = "stablehlo.multiply"(%arg1, %arg1) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v12 = "stablehlo.reduce"(%v11, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v13 = "stablehlo.convert"(%v12) : (tensor<f32>) -> tensor<f64>
    %v14 = "stablehlo.compare"(%v13, %v13) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v15 = "stablehlo.select"(%v14, %v6, %v7) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v16 = "stablehlo.divide"(%v13, %v15) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v17 = "stablehlo.convert"(%v16) : (tensor<f64>) -> tensor<f32>
    %v18 = "stablehlo.divide"(%v10, %v17) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v18) : (tensor<f32>) -> ()
  }
}
