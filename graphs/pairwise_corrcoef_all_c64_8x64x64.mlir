// pairwise_corrcoef: (c64[8,64,64]) -> (c64[28], i64[28,2])
// fingerprint 161117500714955202570bed11d5b136ccfcecdad1046368f8afa68ebc0ec81d
module @pairwise_corrcoef {
  func.func public @main(%arg0: tensor<8x64x64xcomplex<f32>>) -> (tensor<28xcomplex<f32>>, tensor<28x2xi64>) {
    %v1 = "stablehlo.reshape"(%arg0) : (tensor<8x64x64xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v2 = "stablehlo.real"(%v1) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v3 = "stablehlo.imag"(%v1) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v4 = "stablehlo.convert"(%v2) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %v5 = "stablehlo.convert"(%v3) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v6:2 = "stablehlo.reduce"(%v4, %v5, %t1, %t2) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf64>, tensor<8x4096xf64>, tensor<f64>, tensor<f64>) -> (tensor<8xf64>, tensor<8xf64>)
    %v7 = stablehlo.constant dense<4.096e3> : tensor<f64>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v9 = "stablehlo.divide"(%v6#0, %v8) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v10 = "stablehlo.convert"(%v9) : (tensor<8xf64>) -> tensor<8xf32>
    %v11 = "stablehlo.divide"(%v6#1, %v8) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v12 = "stablehlo.convert"(%v11) : (tensor<8xf64>) -> tensor<8xf32>
    %v13 = "stablehlo.complex"(%v10, %v12) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xcomplex<f32>>
    %v14 = "stablehlo.reshape"(%v13) : (tensor<8xcomplex<f32>>) -> tensor<8x1xcomplex<f32>>
    %v15 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v16 = "stablehlo.subtract"(%v1, %v15) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v17 = "stablehlo.real"(%v16) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v18 = "stablehlo.imag"(%v16) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v19 = "stablehlo.multiply"(%v17, %v17) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v20 = "stablehlo.multiply"(%v18, %v18) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v21 = "stablehlo.add"(%v19, %v20) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v22 = "stablehlo.convert"(%v21) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %v23 = "stablehlo.compare"(%v22, %v22) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x4096xf64>, tensor<8x4096xf64>) -> tensor<8x4096xi1>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t4 = stablehlo.constant dense<false> : tensor<i1>
    %v24:2 = "stablehlo.reduce"(%v22, %v23, %t3, %t4) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<i1>, %b0: tensor<f64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf64>, tensor<8x4096xi1>, tensor<f64>, tensor<i1>) -> (tensor<8xf64>, tensor<8xi1>)
    %v25 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v26 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v27 = "stablehlo.select"(%v24#1, %v26, %v24#0) : (tensor<8xi1>, tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v28 = stablehlo.constant dense<4.095e3> : tensor<f64>
    %v29 = "stablehlo.broadcast_in_dim"(%v28) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v30 = "stablehlo.divide"(%v27, %v29) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v31 = "stablehlo.sqrt"(%v30) : (tensor<8xf64>) -> tensor<8xf64>
    %v32 = "stablehlo.convert"(%v31) : (tensor<8xf64>) -> tensor<8xf32>
    %v33 = "stablehlo.reshape"(%v32) : (tensor<8xf32>) -> tensor<8x1xf32>
    %v34 = "stablehlo.convert"(%v33) : (tensor<8x1xf32>) -> tensor<8x1xcomplex<f32>>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v36 = "stablehlo.divide"(%v16, %v35) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %t5 = "stablehlo.real"(%v36) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t6 = "stablehlo.imag"(%v36) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t7 = "stablehlo.negate"(%t6) : (tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v37 = "stablehlo.complex"(%t5, %t7) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xcomplex<f32>>
    %v38 = "stablehlo.dot_general"(%v36, %v37) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v39 = stablehlo.constant dense<(4.095e3, 0.0e0)> : tensor<complex<f32>>
    %v40 = "stablehlo.broadcast_in_dim"(%v39) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v41 = "stablehlo.divide"(%v38, %v40) : (tensor<8x8xcomplex<f32>>, tensor<8x8xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v42 = "stablehlo.real"(%v41) : (tensor<8x8xcomplex<f32>>) -> tensor<8x8xf32>
    %v43 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v44 = "stablehlo.broadcast_in_dim"(%v43) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8xf32>
    %v45 = "stablehlo.maximum"(%v42, %v44) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v46 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v47 = "stablehlo.broadcast_in_dim"(%v46) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8xf32>
    %v48 = "stablehlo.minimum"(%v45, %v47) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v49 = "stablehlo.imag"(%v41) : (tensor<8x8xcomplex<f32>>) -> tensor<8x8xf32>
    %v50 = "stablehlo.maximum"(%v49, %v44) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v51 = "stablehlo.minimum"(%v50, %v47) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v52 = "stablehlo.complex"(%v48, %v51) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xcomplex<f32>>
    %v53 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<28x7xi64>
    %v54 = stablehlo.constant dense<2> : tensor<i64>
    %v55 = "stablehlo.broadcast_in_dim"(%v54) {broadcast_dimensions = array<i64>} : (tensor<i64>) -> tensor<28x7xi64>
    %v56 = "stablehlo.multiply"(%v53, %v55) : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v57 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<28x7xi64>
    %v58 = stablehlo.constant dense<1> : tensor<i64>
    %v59 = "stablehlo.broadcast_in_dim"(%v58) {broadcast_dimensions = array<i64>} : (tensor<i64>) -> tensor<28x7xi64>
    %v60 = "stablehlo.add"(%v57, %v59) : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v61 = stablehlo.constant dense<0> : tensor<i64>
    %v62 = "stablehlo.subtract"(%v60, %v59) : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v63 = "stablehlo.multiply"(%v60, %v62) : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v64 = "stablehlo.compare"(%v63, %v56) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi1>
    %v65 = "stablehlo.broadcast_in_dim"(%v61) {broadcast_dimensions = array<i64>} : (tensor<i64>) -> tensor<28x7xi64>
    %v66 = "stablehlo.select"(%v64, %v59, %v65) : (tensor<28x7xi1>, tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v67 = "stablehlo.add"(%v60, %v59) : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v68 = "stablehlo.multiply"(%v60, %v67) : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %v69 = "stablehlo.compare"(%v68, %v56) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi1>
    %v70 = "stablehlo.select"(%v69, %v60, %v65) : (tensor<28x7xi1>, tensor<28x7xi64>, tensor<28x7xi64>) -> tensor<28x7xi64>
    %t8 = stablehlo.constant dense<0> : tensor<i64>
    %t9 = stablehlo.constant dense<0> : tensor<i64>
    %v71:2 = "stablehlo.reduce"(%v66, %v70, %t8, %t9) ({
    ^bb0(%a0: tensor<i64>, %a1: tensor<i64>, %b0: tensor<i64>, %b1: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0, %r1) : (tensor<i64>, tensor<i64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<28x7xi64>, tensor<28x7xi64>, tensor<i64>, tensor<i64>) -> (tensor<28xi64>, tensor<28xi64>)
    %v72 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<28xi64>
    %v73 = "stablehlo.subtract"(%v72, %v71#1) : (tensor<28xi64>, tensor<28xi64>) -> tensor<28xi64>
    %v74 = "stablehlo.reshape"(%v71#0) : (tensor<28xi64>) -> tensor<28x1xi64>
    %v75 = "stablehlo.reshape"(%v73) : (tensor<28xi64>) -> tensor<28x1xi64>
    %v76 = "stablehlo.concatenate"(%v74, %v75) {dimension = 1 : i64} : (tensor<28x1xi64>, tensor<28x1xi64>) -> tensor<28x2xi64>
    %v77 = "stablehlo.reshape"(%v52) : (tensor<8x8xcomplex<f32>>) -> tensor<64xcomplex<f32>>
    %v78 = "stablehlo.slice"(%v77) {start_indices = array<i64: 0>, limit_indices = array<i64: 64>, strides = array<i64: 9>} : (tensor<64xcomplex<f32>>) -> tensor<8xcomplex<f32>>
    %v79 = "stablehlo.real"(%v78) : (tensor<8xcomplex<f32>>) -> tensor<8xf32>
    %v80 = "stablehlo.compare"(%v79, %v79) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v81 = "stablehlo.imag"(%v78) : (tensor<8xcomplex<f32>>) -> tensor<8xf32>
    %v82 = "stablehlo.compare"(%v81, %v81) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xi1>
    %v83 = "stablehlo.or"(%v80, %v82) : (tensor<8xi1>, tensor<8xi1>) -> tensor<8xi1>
    %v84 = "stablehlo.real"(%v52) : (tensor<8x8xcomplex<f32>>) -> tensor<8x8xf32>
    %v85 = "stablehlo.compare"(%v84, %v84) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xi1>
    %v86 = "stablehlo.imag"(%v52) : (tensor<8x8xcomplex<f32>>) -> tensor<8x8xf32>
    %v87 = "stablehlo.compare"(%v86, %v86) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xi1>
    %v88 = "stablehlo.or"(%v85, %v87) : (tensor<8x8xi1>, tensor<8x8xi1>) -> tensor<8x8xi1>
    %v89 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v90 = "stablehlo.broadcast_in_dim"(%v89) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v91 = "stablehlo.select"(%v88, %v90, %v52) : (tensor<8x8xi1>, tensor<8x8xcomplex<f32>>, tensor<8x8xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v92 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<28x8xi64>
    %v93 = "stablehlo.slice"(%v76) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 28, 1>, strides = array<i64: 1, 1>} : (tensor<28x2xi64>) -> tensor<28x1xi64>
    %v94 = "stablehlo.broadcast_in_dim"(%v93) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<28x1xi64>) -> tensor<28x8xi64>
    %v95 = "stablehlo.compare"(%v94, %v92) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<28x8xi64>, tensor<28x8xi64>) -> tensor<28x8xi1>
    %v96 = "stablehlo.slice"(%v76) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 28, 2>, strides = array<i64: 1, 1>} : (tensor<28x2xi64>) -> tensor<28x1xi64>
    %v97 = "stablehlo.broadcast_in_dim"(%v96) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<28x1xi64>) -> tensor<28x8xi64>
    %v98 = "stablehlo.compare"(%v97, %v92) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<28x8xi64>, tensor<28x8xi64>) -> tensor<28x8xi1>
    %v99 = stablehlo.constant dense<(1.0e0, 0.0e0)> : tensor<complex<f32>>
    %v100 = "stablehlo.broadcast_in_dim"(%v99) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<28x8xcomplex<f32>>
    %v101 = "stablehlo.broadcast_in_dim"(%v89) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<28x8xcomplex<f32>>
    %v102 = "stablehlo.select"(%v95, %v100, %v101) : (tensor<28x8xi1>, tensor<28x8xcomplex<f32>>, tensor<28x8xcomplex<f32>>) -> tensor<28x8xcomplex<f32>>
    %v103 = "stablehlo.dot_general"(%v102, %v91) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<28x8xcomplex<f32>>, tensor<8x8xcomplex<f32>>) -> tensor<28x8xcomplex<f32>>
    %v104 = "stablehlo.select"(%v98, %v103, %v101) : (tensor<28x8xi1>, tensor<28x8xcomplex<f32>>, tensor<28x8xcomplex<f32>>) -> tensor<28x8xcomplex<f32>>
    %v105 = "stablehlo.or"(%v95, %v98) : (tensor<28x8xi1>, tensor<28x8xi1>) -> tensor<28x8xi1>
    %v106 = "stablehlo.reshape"(%v83) : (tensor<8xi1>) -> tensor<1x8xi1>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x8xi1>) -> tensor<28x8xi1>
    %v108 = "stablehlo.and"(%v105, %v107) : (tensor<28x8xi1>, tensor<28x8xi1>) -> tensor<28x8xi1>
    %v109 = "stablehlo.real"(%v104) : (tensor<28x8xcomplex<f32>>) -> tensor<28x8xf32>
    %v110 = "stablehlo.imag"(%v104) : (tensor<28x8xcomplex<f32>>) -> tensor<28x8xf32>
    %t10 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t11 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t12 = stablehlo.constant dense<false> : tensor<i1>
    %v111:3 = "stablehlo.reduce"(%v109, %v110, %v108, %t10, %t11, %t12) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<i1>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.or"(%a2, %b2) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f32>, tensor<f32>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<28x8xf32>, tensor<28x8xf32>, tensor<28x8xi1>, tensor<f32>, tensor<f32>, tensor<i1>) -> (tensor<28xf32>, tensor<28xf32>, tensor<28xi1>)
    %v112 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v113 = "stablehlo.broadcast_in_dim"(%v112) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<28xf32>
    %v114 = "stablehlo.select"(%v111#2, %v113, %v111#0) : (tensor<28xi1>, tensor<28xf32>, tensor<28xf32>) -> tensor<28xf32>
    %v115 = "stablehlo.select"(%v111#2, %v113, %v111#1) : (tensor<28xi1>, tensor<28xf32>, tensor<28xf32>) -> tensor<28xf32>
    %v116 = "stablehlo.complex"(%v114, %v115) : (tensor<28xf32>, tensor<28xf32>) -> tensor<28xcomplex<f32>>
    "func.return"(%v116, %v76) : (tensor<28xcomplex<f32>>, tensor<28x2xi64>) -> ()
  }
}
