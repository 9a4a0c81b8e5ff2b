// generalized_coherence_factor: (c64[64,100,100]) -> (f32[100,100])
// fingerprint 4581069bc73aa24f4251af44b2a6bd29ea7e75df4233b361a4280e920df6959f
module @generalized_coherence_factor {
  func.func public @main(%arg0: tensor<64x100x100xcomplex<f32>>) -> (tensor<100x100xf32>) {
    %v1 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<3x64xf64>
    %v2 = stablehlo.constant dense<1.0e0> : tensor<f64>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x64xf64>
    %v4 = "stablehlo.subtract"(%v1, %v3) : (tensor<3x64xf64>, tensor<3x64xf64>) -> tensor<3x64xf64>
    %v5 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<3x64xf64>
    %v6 = "stablehlo.multiply"(%v4, %v5) : (tensor<3x64xf64>, tensor<3x64xf64>) -> tensor<3x64xf64>
    %v7 = stablehlo.constant dense<6.4e1> : tensor<f64>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x64xf64>
    %v9 = "stablehlo.divide"(%v6, %v8) : (tensor<3x64xf64>, tensor<3x64xf64>) -> tensor<3x64xf64>
    %v10 = "stablehlo.floor"(%v9) : (tensor<3x64xf64>) -> tensor<3x64xf64>
    %v11 = "stablehlo.multiply"(%v10, %v8) : (tensor<3x64xf64>, tensor<3x64xf64>) -> tensor<3x64xf64>
    %v12 = "stablehlo.subtract"(%v6, %v11) : (tensor<3x64xf64>, tensor<3x64xf64>) -> tensor<3x64xf64>
    %v13 = stablehlo.constant dense<-9.817477042468103e-2> : tensor<f64>
    %v14 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<3x64xf64>
    %v15 = "stablehlo.multiply"(%v12, %v14) : (tensor<3x64xf64>, tensor<3x64xf64>) -> tensor<3x64xf64>
    %v16 = "stablehlo.cosine"(%v15) : (tensor<3x64xf64>) -> tensor<3x64xf64>
    %v17 = "stablehlo.convert"(%v16) : (tensor<3x64xf64>) -> tensor<3x64xf32>
    %v18 = "stablehlo.sine"(%v15) : (tensor<3x64xf64>) -> tensor<3x64xf64>
    %v19 = "stablehlo.convert"(%v18) : (tensor<3x64xf64>) -> tensor<3x64xf32>
    %v20 = "stablehlo.real"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v21 = "stablehlo.imag"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v22 = "stablehlo.dot_general"(%v17, %v20) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<3x64xf32>, tensor<64x100x100xf32>) -> tensor<3x100x100xf32>
    %v23 = "stablehlo.dot_general"(%v19, %v21) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<3x64xf32>, tensor<64x100x100xf32>) -> tensor<3x100x100xf32>
    %v24 = "stablehlo.subtract"(%v22, %v23) : (tensor<3x100x100xf32>, tensor<3x100x100xf32>) -> tensor<3x100x100xf32>
    %v25 = "stablehlo.dot_general"(%v17, %v21) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<3x64xf32>, tensor<64x100x100xf32>) -> tensor<3x100x100xf32>
    %v26 = "stablehlo.dot_general"(%v19, %v20) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<3x64xf32>, tensor<64x100x100xf32>) -> tensor<3x100x100xf32>
    %v27 = "stablehlo.add"(%v25, %v26) : (tensor<3x100x100xf32>, tensor<3x100x100xf32>) -> tensor<3x100x100xf32>
    %v28 = "stablehlo.multiply"(%v24, %v24) : (tensor<3x100x100xf32>, tensor<3x100x100xf32>) -> tensor<3x100x100xf32>
    %v29 = "stablehlo.multiply"(%v27, %v27) : (tensor<3x100x100xf32>, tensor<3x100x100xf32>) -> tensor<3x100x100xf32>
    %v30 = "stablehlo.add"(%v28, %v29) : (tensor<3x100x100xf32>, tensor<3x100x100xf32>) -> tensor<3x100x100xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v31 = "stablehlo.reduce"(%v30, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<3x100x100xf32>, tensor<f32>) -> tensor<100x100xf32>
    %v32 = "stablehlo.multiply"(%v20, %v20) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v33 = "stablehlo.multiply"(%v21, %v21) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v34 = "stablehlo.add"(%v32, %v33) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v35 = "stablehlo.reduce"(%v34, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<64x100x100xf32>, tensor<f32>) -> tensor<100x100xf32>
    %v36 = stablehlo.constant dense<6.4e1> : tensor<f32>
    %v37 = "stablehlo.broadcast_in_dim"(%v36) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v38 = "stablehlo.multiply"(%v35, %v37) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v39 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v40 = "stablehlo.broadcast_in_dim"(%v39) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v41 = "stablehlo.compare"(%v38, %v40) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xi1>
    %v42 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v43 = "stablehlo.broadcast_in_dim"(%v42) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v44 = "stablehlo.select"(%v41, %v38, %v43) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v45 = "stablehlo.divide"(%v31, %v44) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v46 = "stablehlo.select"(%v41, %v45, %v40) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    "func.return"(%v46) : (tensor<100x100xf32>) -> ()
  }
}
