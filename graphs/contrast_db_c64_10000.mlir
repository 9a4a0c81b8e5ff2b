// contrast: (c64[10000], c64[10000]) -> (f32[])
// fingerprint cd30438d546655a873873a08f70f114b952af5989588bc1959bef1ff6be126ec
module @contrast {
  func.func public @main(%arg0: tensor<10000xcomplex<f32>>, %arg1: tensor<10000xcomplex<f32>>) -> (tensor<f32>) {
    %v2 = "stablehlo.abs"(%arg0) : (tensor<10000xcomplex<f32>>) -> tensor<10000xf32>
    %v3 = "stablehlo.multiply"(%v2, %v2) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v4 = "stablehlo.reduce"(%v3, %t1) ({
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
    %v12 = "stablehlo.abs"(%arg1) : (tensor<10000xcomplex<f32>>) -> tensor<10000xf32>
    %v13 = "stablehlo.multiply"(%v12, %v12) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v14 = "stablehlo.reduce"(%v13, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf32>, tensor<f32>) -> tensor<f32>
    %v15 = "stablehlo.convert"(%v14) : (tensor<f32>) -> tensor<f64>
    %v16 = "stablehlo.compare"(%v15, %v15) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v17 = "stablehlo.select"(%v16, %v7, %v8) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v18 = "stablehlo.divide"(%v15, %v17) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v19 = "stablehlo.convert"(%v18) : (tensor<f64>) -> tensor<f32>
    %v20 = "stablehlo.divide"(%v11, %v19) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v21 = "stablehlo.is_finite"(%v20) : (tensor<f32>) -> tensor<i1>
    %v22 = "stablehlo.log"(%v20) : (tensor<f32>) -> tensor<f32>
    %v23 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v24 = "stablehlo.divide"(%v22, %v23) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v25 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v26 = "stablehlo.multiply"(%v24, %v25) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v27 = "stablehlo.select"(%v21, %v26, %v20) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v27) : (tensor<f32>) -> ()
  }
}
