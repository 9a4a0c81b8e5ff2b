// pairwise_corrcoef: (c64[8,64,64], i64[16,2]) -> (c64[16])
// fingerprint f33702ff291b009b6391525b9596d67bf7b93848abd4533591474b306dbda91b
module @pairwise_corrcoef {
  func.func public @main(%arg0: tensor<8x64x64xcomplex<f32>>, %arg1: tensor<16x2xi64>) -> (tensor<16xcomplex<f32>>) {
    %v2 = "stablehlo.reshape"(%arg0) : (tensor<8x64x64xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v3 = "stablehlo.real"(%v2) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v4 = "stablehlo.imag"(%v2) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v5 = "stablehlo.convert"(%v3) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %v6 = "stablehlo.convert"(%v4) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v7:2 = "stablehlo.reduce"(%v5, %v6, %t1, %t2) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf64>, tensor<8x4096xf64>, tensor<f64>, tensor<f64>) -> (tensor<8xf64>, tensor<8xf64>)
    %v8 = stablehlo.constant dense<4.096e3> : tensor<f64>
    %v9 = "stablehlo.broadcast_in_dim"(%v8) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v10 = "stablehlo.divide"(%v7#0, %v9) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v11 = "stablehlo.convert"(%v10) : (tensor<8xf64>) -> tensor<8xf32>
    %v12 = "stablehlo.divide"(%v7#1, %v9) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v13 = "stablehlo.convert"(%v12) : (tensor<8xf64>) -> tensor<8xf32>
    %v14 = "stablehlo.complex"(%v11, %v13) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xcomplex<f32>>
    %v15 = "stablehlo.reshape"(%v14) : (tensor<8xcomplex<f32>>) -> tensor<8x1xcomplex<f32>>
    %v16 = "stablehlo.broadcast_in_dim"(%v15) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v17 = "stablehlo.subtract"(%v2, %v16) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v18 = "stablehlo.real"(%v17) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v19 = "stablehlo.imag"(%v17) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v20 = "stablehlo.multiply"(%v18, %v18) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v21 = "stablehlo.multiply"(%v19, %v19) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v22 = "stablehlo.add"(%v20, %v21) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v23 = "stablehlo.convert"(%v22) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %v24 = "stablehlo.compare"(%v23, %v23) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x4096xf64>, tensor<8x4096xf64>) -> tensor<8x4096xi1>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t4 = stablehlo.constant dense<false> : tensor<i1>
    %v25:2 = "stablehlo.reduce"(%v23, %v24, %t3, %t4) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<i1>, %b0: tensor<f64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf64>, tensor<8x4096xi1>, tensor<f64>, tensor<i1>) -> (tensor<8xf64>, tensor<8xi1>)
    %v26 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v27 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v28 = "stablehlo.select"(%v25#1, %v27, %v25#0) : (tensor<8xi1>, tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v29 = stablehlo.constant dense<4.095e3> : tensor<f64>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v31 = "stablehlo.divide"(%v28, %v30) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v32 = "stablehlo.sqrt"(%v31) : (tensor<8xf64>) -> tensor<8xf64>
    %v33 = "stablehlo.convert"(%v32) : (tensor<8xf64>) -> tensor<8xf32>
    %v34 = "stablehlo.reshape"(%v33) : (tensor<8xf32>) -> tensor<8x1xf32>
    %v35 = "stablehlo.convert"(%v34) : (tensor<8x1xf32>) -> tensor<8x1xcomplex<f32>>
    %v36 = "stablehlo.broadcast_in_dim"(%v35) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v37 = "stablehlo.divide"(%v17, %v36) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v38 = "stablehlo.real"(%v37) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v39 = "stablehlo.is_finite"(%v38) : (tensor<8x4096xf32>) -> tensor<8x4096xi1>
    %v40 = "stablehlo.imag"(%v37) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v41 = "stablehlo.is_finite"(%v40) : (tensor<8x4096xf32>) -> tensor<8x4096xi1>
    %v42 = "stablehlo.and"(%v39, %v41) : (tensor<8x4096xi1>, tensor<8x4096xi1>) -> tensor<8x4096xi1>
    %v43 = "stablehlo.not"(%v42) : (tensor<8x4096xi1>) -> tensor<8x4096xi1>
    %t5 = stablehlo.constant dense<false> : tensor<i1>
    %v44 = "stablehlo.reduce"(%v43, %t5) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xi1>, tensor<i1>) -> tensor<8xi1>
    %v45 = "stablehlo.reshape"(%v44) : (tensor<8xi1>) -> tensor<8x1xi1>
    %v46 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v47 = "stablehlo.broadcast_in_dim"(%v46) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v48 = "stablehlo.broadcast_in_dim"(%v45) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xi1>) -> tensor<8x4096xi1>
    %v49 = "stablehlo.select"(%v48, %v47, %v37) : (tensor<8x4096xi1>, tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v50 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<16x8xi64>
    %v51 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 16, 1>, strides = array<i64: 1, 1>} : (tensor<16x2xi64>) -> tensor<16x1xi64>
    %v52 = "stablehlo.broadcast_in_dim"(%v51) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xi64>) -> tensor<16x8xi64>
    %v53 = "stablehlo.compare"(%v52, %v50) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<16x8xi64>, tensor<16x8xi64>) -> tensor<16x8xi1>
    %v54 = stablehlo.constant dense<(1.0e0, 0.0e0)> : tensor<complex<f32>>
    %v55 = "stablehlo.broadcast_in_dim"(%v54) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v56 = "stablehlo.broadcast_in_dim"(%v46) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v57 = "stablehlo.select"(%v53, %v55, %v56) : (tensor<16x8xi1>, tensor<16x8xcomplex<f32>>, tensor<16x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v58 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 16, 2>, strides = array<i64: 1, 1>} : (tensor<16x2xi64>) -> tensor<16x1xi64>
    %v59 = "stablehlo.broadcast_in_dim"(%v58) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xi64>) -> tensor<16x8xi64>
    %v60 = "stablehlo.compare"(%v59, %v50) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<16x8xi64>, tensor<16x8xi64>) -> tensor<16x8xi1>
    %v61 = "stablehlo.select"(%v60, %v55, %v56) : (tensor<16x8xi1>, tensor<16x8xcomplex<f32>>, tensor<16x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %t6 = "stablehlo.real"(%v49) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t7 = "stablehlo.imag"(%v49) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t8 = "stablehlo.negate"(%t7) : (tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v62 = "stablehlo.complex"(%t6, %t8) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xcomplex<f32>>
    %v63 = "stablehlo.dot_general"(%v49, %v62) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v64 = "stablehlo.dot_general"(%v57, %v63) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<16x8xcomplex<f32>>, tensor<8x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v65 = "stablehlo.multiply"(%v64, %v61) : (tensor<16x8xcomplex<f32>>, tensor<16x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %t9 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v66 = "stablehlo.reduce"(%v65, %t9) ({
    ^bb0(%a0: tensor<complex<f32>>, %b0: tensor<complex<f32>>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<complex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
      "stablehlo.return"(%r0) : (tensor<complex<f32>>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x8xcomplex<f32>>, tensor<complex<f32>>) -> tensor<16xcomplex<f32>>
    %v67 = stablehlo.constant dense<(4.095e3, 0.0e0)> : tensor<complex<f32>>
    %v68 = "stablehlo.broadcast_in_dim"(%v67) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16xcomplex<f32>>
    %v69 = "stablehlo.divide"(%v66, %v68) : (tensor<16xcomplex<f32>>, tensor<16xcomplex<f32>>) -> tensor<16xcomplex<f32>>
    %v70 = "stablehlo.real"(%v69) : (tensor<16xcomplex<f32>>) -> tensor<16xf32>
    %v71 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v72 = "stablehlo.broadcast_in_dim"(%v71) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v73 = "stablehlo.maximum"(%v70, %v72) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v74 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v75 = "stablehlo.broadcast_in_dim"(%v74) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v76 = "stablehlo.minimum"(%v73, %v75) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v77 = "stablehlo.imag"(%v69) : (tensor<16xcomplex<f32>>) -> tensor<16xf32>
    %v78 = "stablehlo.maximum"(%v77, %v72) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v79 = "stablehlo.minimum"(%v78, %v75) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v80 = "stablehlo.complex"(%v76, %v79) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xcomplex<f32>>
    %v81 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v82 = "stablehlo.broadcast_in_dim"(%v74) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v83 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v84 = "stablehlo.select"(%v44, %v82, %v83) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v85 = "stablehlo.broadcast_in_dim"(%v74) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x8xf32>
    %v86 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x8xf32>
    %v87 = "stablehlo.select"(%v53, %v85, %v86) : (tensor<16x8xi1>, tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x8xf32>
    %v88 = "stablehlo.dot_general"(%v87, %v84) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<16x8xf32>, tensor<8xf32>) -> tensor<16xf32>
    %v89 = "stablehlo.select"(%v60, %v85, %v86) : (tensor<16x8xi1>, tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x8xf32>
    %v90 = "stablehlo.dot_general"(%v89, %v84) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<16x8xf32>, tensor<8xf32>) -> tensor<16xf32>
    %v91 = "stablehlo.add"(%v88, %v90) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v92 = stablehlo.constant dense<5.0e-1> : tensor<f32>
    %v93 = "stablehlo.broadcast_in_dim"(%v92) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v94 = "stablehlo.compare"(%v91, %v93) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xi1>
    %v95 = stablehlo.constant dense<(0x7FC00000, 0.0e0)> : tensor<complex<f32>>
    %v96 = "stablehlo.broadcast_in_dim"(%v95) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16xcomplex<f32>>
    %v97 = "stablehlo.select"(%v94, %v96, %v80) : (tensor<16xi1>, tensor<16xcomplex<f32>>, tensor<16xcomplex<f32>>) -> tensor<16xcomplex<f32>>
    "func.return"(%v97) : (tensor<16xcomplex<f32>>) -> ()
  }
}
