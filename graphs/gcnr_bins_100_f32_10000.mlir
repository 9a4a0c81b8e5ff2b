// gcnr: (f32[10000], f32[10000]) -> (f32[], i32[])
// fingerprint cc571de19582e3671f87f1012d0508dc9d1ff7d131875d6e49c7e2a7b1bcc808
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
    %v64 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v65 = "stablehlo.subtract"(%v2, %v64) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v66 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v67 = "stablehlo.divide"(%v65, %v66) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v68 = "stablehlo.compare"(%v67, %v67) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v69 = "stablehlo.broadcast_in_dim"(%v35) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v70 = "stablehlo.select"(%v68, %v69, %v67) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v71 = "stablehlo.maximum"(%v70, %v69) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v72 = stablehlo.constant dense<9.9e1> : tensor<f64>
    %v73 = "stablehlo.broadcast_in_dim"(%v72) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v74 = "stablehlo.minimum"(%v71, %v73) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v75 = "stablehlo.floor"(%v74) : (tensor<10000xf64>) -> tensor<10000xf64>
    %v76 = stablehlo.constant dense<1.0e0> : tensor<f64>
    %v77 = "stablehlo.multiply"(%v75, %v66) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v78 = "stablehlo.maximum"(%v77, %v69) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v79 = "stablehlo.add"(%v64, %v78) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v80 = "stablehlo.convert"(%v79) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v81 = "stablehlo.convert"(%v80) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v82 = "stablehlo.compare"(%v2, %v81) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v83 = "stablehlo.broadcast_in_dim"(%v76) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v84 = "stablehlo.select"(%v82, %v83, %v69) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v85 = "stablehlo.add"(%v75, %v83) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v86 = "stablehlo.multiply"(%v85, %v66) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v87 = "stablehlo.maximum"(%v86, %v69) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v88 = "stablehlo.add"(%v64, %v87) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v89 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v90 = "stablehlo.compare"(%v85, %v89) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v91 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v92 = "stablehlo.select"(%v90, %v91, %v88) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v93 = "stablehlo.convert"(%v92) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v94 = "stablehlo.convert"(%v93) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v95 = "stablehlo.compare"(%v2, %v94) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v96 = "stablehlo.select"(%v95, %v69, %v83) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v97 = "stablehlo.subtract"(%v75, %v84) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v98 = "stablehlo.add"(%v97, %v96) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v99 = "stablehlo.minimum"(%v98, %v73) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v100 = "stablehlo.slice"(%v52) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<1xf64>
    %v101 = "stablehlo.reshape"(%v100) : (tensor<1xf64>) -> tensor<f64>
    %v102 = "stablehlo.broadcast_in_dim"(%v101) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v103 = "stablehlo.compare"(%v2, %v102) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v104 = "stablehlo.not"(%v103) : (tensor<10000xi1>) -> tensor<10000xi1>
    %v105 = "stablehlo.slice"(%v52) {start_indices = array<i64: 100>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<1xf64>
    %v106 = "stablehlo.reshape"(%v105) : (tensor<1xf64>) -> tensor<f64>
    %v107 = "stablehlo.broadcast_in_dim"(%v106) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v108 = "stablehlo.compare"(%v2, %v107) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v109 = "stablehlo.and"(%v104, %v108) : (tensor<10000xi1>, tensor<10000xi1>) -> tensor<10000xi1>
    %v110 = "stablehlo.select"(%v109, %v99, %v89) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v111 = "stablehlo.convert"(%v110) : (tensor<10000xf64>) -> tensor<10000xi32>
    %t8 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t9 = stablehlo.constant dense<100> : tensor<10000xi32>
    %t10 = "stablehlo.compare"(%v111, %t8) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t11 = "stablehlo.compare"(%v111, %t9) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t12 = stablehlo.and %t10, %t11 : tensor<10000xi1>
    %t13 = "stablehlo.convert"(%t12) : (tensor<10000xi1>) -> tensor<10000xi64>
    %t14 = stablehlo.clamp %t8, %v111, %t9 : tensor<10000xi32>
    %t15 = "stablehlo.reshape"(%t14) : (tensor<10000xi32>) -> tensor<10000x1xi32>
    %t16 = stablehlo.constant dense<0> : tensor<101xi64>
    %v112 = "stablehlo.scatter"(%t16, %t15, %t13) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %s = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%s) : (tensor<i64>) -> ()
    }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false} : (tensor<101xi64>, tensor<10000x1xi32>, tensor<10000xi64>) -> tensor<101xi64>
    %v113 = "stablehlo.slice"(%v112) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %t17 = stablehlo.constant dense<0> : tensor<i64>
    %v114 = "stablehlo.reduce"(%v113, %t17) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0) : (tensor<i64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xi64>, tensor<i64>) -> tensor<i64>
    %v115 = "stablehlo.convert"(%v113) : (tensor<100xi64>) -> tensor<100xf64>
    %v116 = "stablehlo.convert"(%v114) : (tensor<i64>) -> tensor<f64>
    %v117 = "stablehlo.broadcast_in_dim"(%v116) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<100xf64>
    %v118 = "stablehlo.divide"(%v115, %v117) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %v119 = "stablehlo.subtract"(%v3, %v64) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v120 = "stablehlo.divide"(%v119, %v66) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v121 = "stablehlo.compare"(%v120, %v120) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v122 = "stablehlo.select"(%v121, %v69, %v120) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v123 = "stablehlo.maximum"(%v122, %v69) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v124 = "stablehlo.minimum"(%v123, %v73) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v125 = "stablehlo.floor"(%v124) : (tensor<10000xf64>) -> tensor<10000xf64>
    %v126 = "stablehlo.multiply"(%v125, %v66) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v127 = "stablehlo.maximum"(%v126, %v69) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v128 = "stablehlo.add"(%v64, %v127) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v129 = "stablehlo.convert"(%v128) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v130 = "stablehlo.convert"(%v129) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v131 = "stablehlo.compare"(%v3, %v130) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v132 = "stablehlo.select"(%v131, %v83, %v69) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v133 = "stablehlo.add"(%v125, %v83) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v134 = "stablehlo.multiply"(%v133, %v66) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v135 = "stablehlo.maximum"(%v134, %v69) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v136 = "stablehlo.add"(%v64, %v135) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v137 = "stablehlo.compare"(%v133, %v89) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v138 = "stablehlo.select"(%v137, %v91, %v136) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v139 = "stablehlo.convert"(%v138) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v140 = "stablehlo.convert"(%v139) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v141 = "stablehlo.compare"(%v3, %v140) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v142 = "stablehlo.select"(%v141, %v69, %v83) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v143 = "stablehlo.subtract"(%v125, %v132) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v144 = "stablehlo.add"(%v143, %v142) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v145 = "stablehlo.minimum"(%v144, %v73) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v146 = "stablehlo.compare"(%v3, %v102) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v147 = "stablehlo.not"(%v146) : (tensor<10000xi1>) -> tensor<10000xi1>
    %v148 = "stablehlo.compare"(%v3, %v107) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v149 = "stablehlo.and"(%v147, %v148) : (tensor<10000xi1>, tensor<10000xi1>) -> tensor<10000xi1>
    %v150 = "stablehlo.select"(%v149, %v145, %v89) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v151 = "stablehlo.convert"(%v150) : (tensor<10000xf64>) -> tensor<10000xi32>
    %t18 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t19 = stablehlo.constant dense<100> : tensor<10000xi32>
    %t20 = "stablehlo.compare"(%v151, %t18) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t21 = "stablehlo.compare"(%v151, %t19) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t22 = stablehlo.and %t20, %t21 : tensor<10000xi1>
    %t23 = "stablehlo.convert"(%t22) : (tensor<10000xi1>) -> tensor<10000xi64>
    %t24 = stablehlo.clamp %t18, %v151, %t19 : tensor<10000xi32>
    %t25 = "stablehlo.reshape"(%t24) : (tensor<10000xi32>) -> tensor<10000x1xi32>
    %t26 = stablehlo.constant dense<0> : tensor<101xi64>
    %v152 = "stablehlo.scatter"(%t26, %t25, %t23) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %s = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%s) : (tensor<i64>) -> ()
    }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false} : (tensor<101xi64>, tensor<10000x1xi32>, tensor<10000xi64>) -> tensor<101xi64>
    %v153 = "stablehlo.slice"(%v152) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %t27 = stablehlo.constant dense<0> : tensor<i64>
    %v154 = "stablehlo.reduce"(%v153, %t27) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%r0) : (tensor<i64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xi64>, tensor<i64>) -> tensor<i64>
    %v155 = "stablehlo.convert"(%v153) : (tensor<100xi64>) -> tensor<100xf64>
    %v156 = "stablehlo.convert"(%v154) : (tensor<i64>) -> tensor<f64>
    %v157 = "stablehlo.broadcast_in_dim"(%v156) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<100xf64>
    %v158 = "stablehlo.divide"(%v155, %v157) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %v159 = "stablehlo.minimum"(%v118, %v158) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %t28 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v160 = "stablehlo.reduce"(%v159, %t28) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xf64>, tensor<f64>) -> tensor<f64>
    %v161 = "stablehlo.subtract"(%v76, %v160) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v162 = "stablehlo.minimum"(%v161, %v76) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v163 = "stablehlo.maximum"(%v162, %v35) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v164 = stablehlo.constant dense<0> : tensor<i64>
    %v165 = "stablehlo.compare"(%v63, %v61) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %v166 = "stablehlo.compare"(%v114, %v164) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v167 = stablehlo.constant dense<3> : tensor<i32>
    %v168 = "stablehlo.compare"(%v154, %v164) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v169 = stablehlo.constant dense<4> : tensor<i32>
    %v170 = "stablehlo.select"(%v168, %v169, %v61) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v171 = "stablehlo.select"(%v166, %v167, %v170) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v172 = "stablehlo.select"(%v165, %v63, %v171) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v173 = "stablehlo.convert"(%v163) : (tensor<f64>) -> tensor<f32>
    "func.return"(%v173, %v172) : (tensor<f32>, tensor<i32>) -> ()
  }
}
