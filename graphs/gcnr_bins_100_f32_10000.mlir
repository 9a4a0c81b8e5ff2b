// gcnr: (f32[10000], f32[10000]) -> (f32[], i32[])
// fingerprint 47e569fc61926d884eb1144cc8e078703a9eb9193c83834ce9837b72a703a3f4
module @gcnr {
  func.func public @main(%arg0: tensor<10000xf32>, %arg1: tensor<10000xf32>) -> (tensor<f32>, tensor<i32>) {
    %v2 = "stablehlo.convert"(%arg0) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v3 = "stablehlo.convert"(%arg1) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v4 = "stablehlo.compare"(%v2, %v2) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %t1 = stablehlo.constant dense<0x7FF0000000000000> : tensor<f64>
    %t2 = stablehlo.constant dense<0xFFF0000000000000> : tensor<f64>
    %t3 = stablehlo.constant dense<false> : tensor<i1>
    %v5:3 = "stablehlo.reduce"(%v2, %v2, %v4, %t1, %t2, %t3) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %a2: tensor<i1>, %b0: tensor<f64>, %b1: tensor<f64>, %b2: tensor<i1>):
      %m0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %na0 = "stablehlo.compare"(%a0, %a0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %nb0 = "stablehlo.compare"(%b0, %b0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %n0 = "stablehlo.or"(%na0, %nb0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r0 = "stablehlo.select"(%n0, %s0, %m0) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
      %m1 = "stablehlo.maximum"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %na1 = "stablehlo.compare"(%a1, %a1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %nb1 = "stablehlo.compare"(%b1, %b1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %n1 = "stablehlo.or"(%na1, %nb1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.select"(%n1, %s1, %m1) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
      %r2 = "stablehlo.or"(%a2, %b2) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f64>, tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf64>, tensor<10000xf64>, tensor<10000xi1>, tensor<f64>, tensor<f64>, tensor<i1>) -> (tensor<f64>, tensor<f64>, tensor<i1>)
    %v6 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v7 = "stablehlo.select"(%v5#2, %v6, %v5#0) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v8 = "stablehlo.select"(%v5#2, %v6, %v5#1) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v9 = "stablehlo.compare"(%v3, %v3) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %t4 = stablehlo.constant dense<0x7FF0000000000000> : tensor<f64>
    %t5 = stablehlo.constant dense<0xFFF0000000000000> : tensor<f64>
    %t6 = stablehlo.constant dense<false> : tensor<i1>
    %v10:3 = "stablehlo.reduce"(%v3, %v3, %v9, %t4, %t5, %t6) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %a2: tensor<i1>, %b0: tensor<f64>, %b1: tensor<f64>, %b2: tensor<i1>):
      %m0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %na0 = "stablehlo.compare"(%a0, %a0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %nb0 = "stablehlo.compare"(%b0, %b0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %n0 = "stablehlo.or"(%na0, %nb0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r0 = "stablehlo.select"(%n0, %s0, %m0) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
      %m1 = "stablehlo.maximum"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %na1 = "stablehlo.compare"(%a1, %a1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %nb1 = "stablehlo.compare"(%b1, %b1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
      %n1 = "stablehlo.or"(%na1, %nb1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.select"(%n1, %s1, %m1) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
      %r2 = "stablehlo.or"(%a2, %b2) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f64>, tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xf64>, tensor<10000xf64>, tensor<10000xi1>, tensor<f64>, tensor<f64>, tensor<i1>) -> (tensor<f64>, tensor<f64>, tensor<i1>)
    %v11 = "stablehlo.select"(%v10#2, %v6, %v10#0) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v12 = "stablehlo.select"(%v10#2, %v6, %v10#1) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v13 = "stablehlo.compare"(%v11, %v7) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v14 = "stablehlo.select"(%v13, %v11, %v7) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v15 = "stablehlo.compare"(%v12, %v8) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v16 = "stablehlo.select"(%v15, %v12, %v8) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v17 = "stablehlo.is_finite"(%v14) : (tensor<f64>) -> tensor<i1>
    %v18 = "stablehlo.is_finite"(%v16) : (tensor<f64>) -> tensor<i1>
    %v19 = "stablehlo.and"(%v17, %v18) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %v20 = "stablehlo.compare"(%v14, %v16) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v21 = stablehlo.constant dense<5.0e-1> : tensor<f64>
    %v22 = "stablehlo.subtract"(%v14, %v21) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v23 = "stablehlo.select"(%v20, %v22, %v14) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v24 = "stablehlo.add"(%v16, %v21) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v25 = "stablehlo.select"(%v20, %v24, %v16) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v26 = "stablehlo.subtract"(%v25, %v23) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v27 = "stablehlo.compare"(%v23, %v23) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v28 = stablehlo.constant dense<1.01e2> : tensor<f64>
    %v29 = stablehlo.constant dense<1.0e2> : tensor<f64>
    %v30 = "stablehlo.select"(%v27, %v28, %v29) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v31 = "stablehlo.divide"(%v26, %v30) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v32 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<101xf64>
    %v33 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v34 = "stablehlo.multiply"(%v32, %v33) : (tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v35 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v36 = "stablehlo.broadcast_in_dim"(%v35) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v37 = "stablehlo.maximum"(%v34, %v36) : (tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v38 = "stablehlo.compare"(%v31, %v35) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f64>, tensor<f64>) -> tensor<i1>
    %v39 = "stablehlo.broadcast_in_dim"(%v30) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v40 = "stablehlo.divide"(%v32, %v39) : (tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v41 = "stablehlo.broadcast_in_dim"(%v26) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v42 = "stablehlo.multiply"(%v40, %v41) : (tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v43 = "stablehlo.broadcast_in_dim"(%v38) {broadcast_dimensions = array<i64>} : (tensor<i1>) -> tensor<101xi1>
    %v44 = "stablehlo.select"(%v43, %v42, %v37) : (tensor<101xi1>, tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v45 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v46 = "stablehlo.add"(%v45, %v44) : (tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v47 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v48 = "stablehlo.compare"(%v32, %v47) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<101xf64>, tensor<101xf64>) -> tensor<101xi1>
    %v49 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<101xf64>
    %v50 = "stablehlo.select"(%v48, %v49, %v46) : (tensor<101xi1>, tensor<101xf64>, tensor<101xf64>) -> tensor<101xf64>
    %v51 = "stablehlo.convert"(%v50) : (tensor<101xf64>) -> tensor<101xf32>
    %v52 = "stablehlo.convert"(%v51) : (tensor<101xf32>) -> tensor<101xf64>
    %v53 = "stablehlo.slice"(%v52) {start_indices = array<i64: 1>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<100xf64>
    %v54 = "stablehlo.slice"(%v52) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<100xf64>
    %v55 = "stablehlo.compare"(%v53, %v54) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xi1>
    %t7 = stablehlo.constant dense<true> : tensor<i1>
    %v56 = "stablehlo.reduce"(%v55, %t7) ({
    ^bb0(%a0: tensor<i1>, %b0: tensor<i1>):
      %r0 = "stablehlo.and"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0) : (tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xi1>, tensor<i1>) -> tensor<i1>
    %v57 = "stablehlo.not"(%v19) : (tensor<i1>) -> tensor<i1>
    %v58 = stablehlo.constant dense<1> : tensor<i32>
    %v59 = "stablehlo.not"(%v56) : (tensor<i1>) -> tensor<i1>
    %v60 = stablehlo.constant dense<2> : tensor<i32>
    %v61 = stablehlo.constant dense<0> : tensor<i32>
    %v62 = "stablehlo.select"(%v59, %v60, %v61) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v63 = "stablehlo.select"(%v57, %v58, %v62) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v64 = "stablehlo.reshape"(%v54) : (tensor<100xf64>) -> tensor<100x1xf64>
    %v65 = "stablehlo.slice"(%v52) {start_indices = array<i64: 100>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<1xf64>
    %v66 = "stablehlo.reshape"(%v65) : (tensor<1xf64>) -> tensor<f64>
    %v67 = "stablehlo.slice"(%v2) {start_indices = array<i64: 0>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf64>) -> tensor<10000xf64>
    %v68 = "stablehlo.reshape"(%v67) : (tensor<10000xf64>) -> tensor<1x10000xf64>
    %v69 = "stablehlo.broadcast_in_dim"(%v68) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x10000xf64>) -> tensor<100x10000xf64>
    %v70 = "stablehlo.broadcast_in_dim"(%v64) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<100x1xf64>) -> tensor<100x10000xf64>
    %v71 = "stablehlo.compare"(%v69, %v70) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x10000xf64>, tensor<100x10000xf64>) -> tensor<100x10000xi1>
    %v72 = "stablehlo.convert"(%v71) : (tensor<100x10000xi1>) -> tensor<100x10000xi64>
    %t8 = stablehlo.constant dense<0> : tensor<i64>
    %v73 = "stablehlo.reduce"(%v72, %t8) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0) : (tensor<i64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<100x10000xi64>, tensor<i64>) -> tensor<100xi64>
    %v74 = "stablehlo.broadcast_in_dim"(%v66) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v75 = "stablehlo.compare"(%v67, %v74) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v76 = "stablehlo.convert"(%v75) : (tensor<10000xi1>) -> tensor<10000xi64>
    %t9 = stablehlo.constant dense<0> : tensor<i64>
    %v77 = "stablehlo.reduce"(%v76, %t9) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0) : (tensor<i64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xi64>, tensor<i64>) -> tensor<i64>
    %v78 = "stablehlo.reshape"(%v77) : (tensor<i64>) -> tensor<1xi64>
    %v79 = "stablehlo.concatenate"(%v73, %v78) {dimension = 0 : i64} : (tensor<100xi64>, tensor<1xi64>) -> tensor<101xi64>
    %v80 = "stablehlo.slice"(%v3) {start_indices = array<i64: 0>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf64>) -> tensor<10000xf64>
    %v81 = "stablehlo.reshape"(%v80) : (tensor<10000xf64>) -> tensor<1x10000xf64>
    %v82 = "stablehlo.broadcast_in_dim"(%v81) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x10000xf64>) -> tensor<100x10000xf64>
    %v83 = "stablehlo.compare"(%v82, %v70) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x10000xf64>, tensor<100x10000xf64>) -> tensor<100x10000xi1>
    %v84 = "stablehlo.convert"(%v83) : (tensor<100x10000xi1>) -> tensor<100x10000xi64>
    %t10 = stablehlo.constant dense<0> : tensor<i64>
    %v85 = "stablehlo.reduce"(%v84, %t10) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0) : (tensor<i64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<100x10000xi64>, tensor<i64>) -> tensor<100xi64>
    %v86 = "stablehlo.compare"(%v80, %v74) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v87 = "stablehlo.convert"(%v86) : (tensor<10000xi1>) -> tensor<10000xi64>
    %t11 = stablehlo.constant dense<0> : tensor<i64>
    %v88 = "stablehlo.reduce"(%v87, %t11) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0) : (tensor<i64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<10000xi64>, tensor<i64>) -> tensor<i64>
    %v89 = "stablehlo.reshape"(%v88) : (tensor<i64>) -> tensor<1xi64>
    %v90 = "stablehlo.concatenate"(%v85, %v89) {dimension = 0 : i64} : (tensor<100xi64>, tensor<1xi64>) -> tensor<101xi64>
    %v91 = "stablehlo.slice"(%v79) {start_indices = array<i64: 1>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %v92 = "stablehlo.slice"(%v79) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %v93 = "stablehlo.subtract"(%v91, %v92) : (tensor<100xi64>, tensor<100xi64>) -> tensor<100xi64>
    %v94 = "stablehlo.slice"(%v79) {start_indices = array<i64: 100>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<1xi64>
    %v95 = "stablehlo.reshape"(%v94) : (tensor<1xi64>) -> tensor<i64>
    %v96 = "stablehlo.slice"(%v79) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<1xi64>
    %v97 = "stablehlo.reshape"(%v96) : (tensor<1xi64>) -> tensor<i64>
    %v98 = "stablehlo.subtract"(%v95, %v97) : (tensor<i64>, tensor<i64>) -> tensor<i64>
    %v99 = "stablehlo.convert"(%v93) : (tensor<100xi64>) -> tensor<100xf64>
    %v100 = "stablehlo.convert"(%v98) : (tensor<i64>) -> tensor<f64>
    %v101 = "stablehlo.broadcast_in_dim"(%v100) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<100xf64>
    %v102 = "stablehlo.divide"(%v99, %v101) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %v103 = "stablehlo.slice"(%v90) {start_indices = array<i64: 1>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %v104 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %v105 = "stablehlo.subtract"(%v103, %v104) : (tensor<100xi64>, tensor<100xi64>) -> tensor<100xi64>
    %v106 = "stablehlo.slice"(%v90) {start_indices = array<i64: 100>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<1xi64>
    %v107 = "stablehlo.reshape"(%v106) : (tensor<1xi64>) -> tensor<i64>
    %v108 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<1xi64>
    %v109 = "stablehlo.reshape"(%v108) : (tensor<1xi64>) -> tensor<i64>
    %v110 = "stablehlo.subtract"(%v107, %v109) : (tensor<i64>, tensor<i64>) -> tensor<i64>
    %v111 = "stablehlo.convert"(%v105) : (tensor<100xi64>) -> tensor<100xf64>
    %v112 = "stablehlo.convert"(%v110) : (tensor<i64>) -> tensor<f64>
    %v113 = "stablehlo.broadcast_in_dim"(%v112) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<100xf64>
    %v114 = "stablehlo.divide"(%v111, %v113) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %v115 = "stablehlo.minimum"(%v102, %v114) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %t12 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v116 = "stablehlo.reduce"(%v115, %t12) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xf64>, tensor<f64>) -> tensor<f64>
    %v117 = stablehlo.constant dense<1.0e0> : tensor<f64>
    %v118 = "stablehlo.subtract"(%v117, %v116) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v119 = "stablehlo.minimum"(%v118, %v117) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v120 = "stablehlo.maximum"(%v119, %v35) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v121 = stablehlo.constant dense<0> : tensor<i64>
    %v122 = "stablehlo.compare"(%v63, %v61) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %v123 = "stablehlo.compare"(%v98, %v121) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v124 = stablehlo.constant dense<3> : tensor<i32>
    %v125 = "stablehlo.compare"(%v110, %v121) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v126 = stablehlo.constant dense<4> : tensor<i32>
    %v127 = "stablehlo.select"(%v125, %v126, %v61) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v128 = "stablehlo.select"(%v123, %v124, %v127) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v129 = "stablehlo.select"(%v122, %v63, %v128) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v130 = "stablehlo.convert"(%v120) : (tensor<f64>) -> tensor<f32>
    "func.return"(%v130, %v129) : (tensor<f32>, tensor<i32>) -> ()
  }
}
