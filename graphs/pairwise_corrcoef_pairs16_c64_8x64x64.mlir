// pairwise_corrcoef: (c64[8,64,64], i64[16,2]) -> (c64[16])
// fingerprint 4bec611bd3eac8c2ea392f284327be848492609d507a5bffcd00fc288ee44ad4
module @pairwise_corrcoef {
  func.func public @main(%arg0: tensor<8x64x64xcomplex<f32>>, %arg1: tensor<16x2xi64>) -> (tensor<16xcomplex<f32>>) {
    %v2 = "stablehlo.reshape"(%arg0) : (tensor<8x64x64xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %t1 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v3 = "stablehlo.reduce"(%v2, %t1) ({
    ^bb0(%a0: tensor<complex<f32>>, %b0: tensor<complex<f32>>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<complex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
      "stablehlo.return"(%r0) : (tensor<complex<f32>>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xcomplex<f32>>, tensor<complex<f32>>) -> tensor<8xcomplex<f32>>
    %v4 = stablehlo.constant dense<(4.096e3, 0.0e0)> : tensor<complex<f32>>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8xcomplex<f32>>
    %v6 = "stablehlo.divide"(%v3, %v5) : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>>
    %v7 = "stablehlo.reshape"(%v6) : (tensor<8xcomplex<f32>>) -> tensor<8x1xcomplex<f32>>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v9 = "stablehlo.subtract"(%v2, %v8) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v10 = "stablehlo.real"(%v9) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v11 = "stablehlo.imag"(%v9) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v12 = "stablehlo.multiply"(%v10, %v10) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v13 = "stablehlo.multiply"(%v11, %v11) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v14 = "stablehlo.add"(%v12, %v13) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v15 = "stablehlo.reduce"(%v14, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf32>, tensor<f32>) -> tensor<8xf32>
    %v16 = stablehlo.constant dense<4.095e3> : tensor<f32>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v18 = "stablehlo.divide"(%v15, %v17) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v19 = "stablehlo.sqrt"(%v18) : (tensor<8xf32>) -> tensor<8xf32>
    %v20 = "stablehlo.reshape"(%v19) : (tensor<8xf32>) -> tensor<8x1xf32>
    %v21 = "stablehlo.convert"(%v20) : (tensor<8x1xf32>) -> tensor<8x1xcomplex<f32>>
    %v22 = "stablehlo.broadcast_in_dim"(%v21) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v23 = "stablehlo.divide"(%v9, %v22) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v24 = "stablehlo.real"(%v23) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v25 = "stablehlo.is_finite"(%v24) : (tensor<8x4096xf32>) -> tensor<8x4096xi1>
    %v26 = "stablehlo.imag"(%v23) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v27 = "stablehlo.is_finite"(%v26) : (tensor<8x4096xf32>) -> tensor<8x4096xi1>
    %v28 = "stablehlo.and"(%v25, %v27) : (tensor<8x4096xi1>, tensor<8x4096xi1>) -> tensor<8x4096xi1>
    %v29 = "stablehlo.not"(%v28) : (tensor<8x4096xi1>) -> tensor<8x4096xi1>
    %t3 = stablehlo.constant dense<false> : tensor<i1>
    %v30 = "stablehlo.reduce"(%v29, %t3) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xi1>, tensor<i1>) -> tensor<8xi1>
    %v31 = "stablehlo.reshape"(%v30) : (tensor<8xi1>) -> tensor<8x1xi1>
    %v32 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v33 = "stablehlo.broadcast_in_dim"(%v32) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v34 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xi1>) -> tensor<8x4096xi1>
    %v35 = "stablehlo.select"(%v34, %v33, %v23) : (tensor<8x4096xi1>, tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v36 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<16x8xi64>
    %v37 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 16, 1>, strides = array<i64: 1, 1>} : (tensor<16x2xi64>) -> tensor<16x1xi64>
    %v38 = "stablehlo.broadcast_in_dim"(%v37) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xi64>) -> tensor<16x8xi64>
    %v39 = "stablehlo.compare"(%v38, %v36) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<16x8xi64>, tensor<16x8xi64>) -> tensor<16x8xi1>
    %v40 = stablehlo.constant dense<(1.0e0, 0.0e0)> : tensor<complex<f32>>
    %v41 = "stablehlo.broadcast_in_dim"(%v40) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v42 = "stablehlo.broadcast_in_dim"(%v32) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v43 = "stablehlo.select"(%v39, %v41, %v42) : (tensor<16x8xi1>, tensor<16x8xcomplex<f32>>, tensor<16x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v44 = "stablehlo.slice"(%arg1) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 16, 2>, strides = array<i64: 1, 1>} : (tensor<16x2xi64>) -> tensor<16x1xi64>
    %v45 = "stablehlo.broadcast_in_dim"(%v44) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<16x1xi64>) -> tensor<16x8xi64>
    %v46 = "stablehlo.compare"(%v45, %v36) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<16x8xi64>, tensor<16x8xi64>) -> tensor<16x8xi1>
    %v47 = "stablehlo.select"(%v46, %v41, %v42) : (tensor<16x8xi1>, tensor<16x8xcomplex<f32>>, tensor<16x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %t4 = "stablehlo.real"(%v35) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t5 = "stablehlo.imag"(%v35) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t6 = "stablehlo.negate"(%t5) : (tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v48 = "stablehlo.complex"(%t4, %t6) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xcomplex<f32>>
    %v49 = "stablehlo.dot_general"(%v35, %v48) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v50 = "stablehlo.dot_general"(%v43, %v49) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<16x8xcomplex<f32>>, tensor<8x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %v51 = "stablehlo.multiply"(%v50, %v47) : (tensor<16x8xcomplex<f32>>, tensor<16x8xcomplex<f32>>) -> tensor<16x8xcomplex<f32>>
    %t7 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v52 = "stablehlo.reduce"(%v51, %t7) ({
    ^bb0(%a0: tensor<complex<f32>>, %b0: tensor<complex<f32>>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<complex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
      "stablehlo.return"(%r0) : (tensor<complex<f32>>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x8xcomplex<f32>>, tensor<complex<f32>>) -> tensor<16xcomplex<f32>>
    %v53 = stablehlo.constant dense<(4.095e3, 0.0e0)> : tensor<complex<f32>>
    %v54 = "stablehlo.broadcast_in_dim"(%v53) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16xcomplex<f32>>
    %v55 = "stablehlo.divide"(%v52, %v54) : (tensor<16xcomplex<f32>>, tensor<16xcomplex<f32>>) -> tensor<16xcomplex<f32>>
    %v56 = "stablehlo.real"(%v55) : (tensor<16xcomplex<f32>>) -> tensor<16xf32>
    %v57 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v58 = "stablehlo.broadcast_in_dim"(%v57) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v59 = "stablehlo.maximum"(%v56, %v58) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v60 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v61 = "stablehlo.broadcast_in_dim"(%v60) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v62 = "stablehlo.minimum"(%v59, %v61) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v63 = "stablehlo.imag"(%v55) : (tensor<16xcomplex<f32>>) -> tensor<16xf32>
    %v64 = "stablehlo.maximum"(%v63, %v58) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v65 = "stablehlo.minimum"(%v64, %v61) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v66 = "stablehlo.complex"(%v62, %v65) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xcomplex<f32>>
    %v67 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v68 = "stablehlo.broadcast_in_dim"(%v60) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v69 = "stablehlo.broadcast_in_dim"(%v67) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v70 = "stablehlo.select"(%v30, %v68, %v69) : (tensor<8xi1>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v71 = "stablehlo.broadcast_in_dim"(%v60) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x8xf32>
    %v72 = "stablehlo.broadcast_in_dim"(%v67) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x8xf32>
    %v73 = "stablehlo.select"(%v39, %v71, %v72) : (tensor<16x8xi1>, tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x8xf32>
    %v74 = "stablehlo.dot_general"(%v73, %v70) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<16x8xf32>, tensor<8xf32>) -> tensor<16xf32>
    %v75 = "stablehlo.select"(%v46, %v71, %v72) : (tensor<16x8xi1>, tensor<16x8xf32>, tensor<16x8xf32>) -> tensor<16x8xf32>
    %v76 = "stablehlo.dot_general"(%v75, %v70) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<16x8xf32>, tensor<8xf32>) -> tensor<16xf32>
    %v77 = "stablehlo.add"(%v74, %v76) : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xf32>
    %v78 = stablehlo.constant dense<5.0e-1> : tensor<f32>
    %v79 = "stablehlo.broadcast_in_dim"(%v78) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16xf32>
    %v80 = "stablehlo.compare"(%v77, %v79) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16xf32>, tensor<16xf32>) -> tensor<16xi1>
    %v81 = stablehlo.constant dense<(0x7FC00000, 0.0e0)> : tensor<complex<f32>>
    %v82 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<16xcomplex<f32>>
    %v83 = "stablehlo.select"(%v80, %v82, %v66) : (tensor<16xi1>, tensor<16xcomplex<f32>>, tensor<16xcomplex<f32>>) -> tensor<16xcomplex<f32>>
    "func.return"(%v83) : (tensor<16xcomplex<f32>>) -> ()
  }
}
