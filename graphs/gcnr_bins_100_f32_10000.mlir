// gcnr: (f32[10000], f32[10000]) -> (f32[], i32[])
// fingerprint c4200456ca5f2ddda9af8109b1158582aecebb8567ff2acbc3d31fa6fb7d4d1d
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
    %t8 = stablehlo.constant dense<false> : tensor<i1>
    %v56:2 = "stablehlo.reduce"(%v55, %v55, %t7, %t8) ({
    ^bb0(%a0: tensor<i1>, %a1: tensor<i1>, %b0: tensor<i1>, %b1: tensor<i1>):
      %r0 = "stablehlo.and"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<i1>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xi1>, tensor<100xi1>, tensor<i1>, tensor<i1>) -> (tensor<i1>, tensor<i1>)
    %v57 = "stablehlo.and"(%v56#0, %v56#1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %v58 = "stablehlo.not"(%v19) : (tensor<i1>) -> tensor<i1>
    %v59 = stablehlo.constant dense<1> : tensor<i32>
    %v60 = "stablehlo.not"(%v57) : (tensor<i1>) -> tensor<i1>
    %v61 = stablehlo.constant dense<2> : tensor<i32>
    %v62 = stablehlo.constant dense<0> : tensor<i32>
    %v63 = "stablehlo.select"(%v60, %v61, %v62) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v64 = "stablehlo.select"(%v58, %v59, %v63) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v65 = "stablehlo.broadcast_in_dim"(%v23) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v66 = "stablehlo.subtract"(%v2, %v65) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v67 = "stablehlo.broadcast_in_dim"(%v31) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v68 = "stablehlo.divide"(%v66, %v67) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v69 = "stablehlo.compare"(%v68, %v68) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v70 = "stablehlo.broadcast_in_dim"(%v35) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v71 = "stablehlo.select"(%v69, %v70, %v68) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v72 = "stablehlo.maximum"(%v71, %v70) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v73 = stablehlo.constant dense<9.9e1> : tensor<f64>
    %v74 = "stablehlo.broadcast_in_dim"(%v73) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v75 = "stablehlo.minimum"(%v72, %v74) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v76 = "stablehlo.floor"(%v75) : (tensor<10000xf64>) -> tensor<10000xf64>
    %v77 = stablehlo.constant dense<1.0e0> : tensor<f64>
    %v78 = "stablehlo.multiply"(%v76, %v67) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v79 = "stablehlo.maximum"(%v78, %v70) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v80 = "stablehlo.add"(%v65, %v79) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v81 = "stablehlo.convert"(%v80) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v82 = "stablehlo.convert"(%v81) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v83 = "stablehlo.compare"(%v2, %v82) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v84 = "stablehlo.broadcast_in_dim"(%v77) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v85 = "stablehlo.select"(%v83, %v84, %v70) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v86 = "stablehlo.add"(%v76, %v84) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v87 = "stablehlo.multiply"(%v86, %v67) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v88 = "stablehlo.maximum"(%v87, %v70) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v89 = "stablehlo.add"(%v65, %v88) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v90 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v91 = "stablehlo.compare"(%v86, %v90) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v92 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v93 = "stablehlo.select"(%v91, %v92, %v89) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v94 = "stablehlo.convert"(%v93) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v95 = "stablehlo.convert"(%v94) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v96 = "stablehlo.compare"(%v2, %v95) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v97 = "stablehlo.select"(%v96, %v70, %v84) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v98 = "stablehlo.subtract"(%v76, %v85) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v99 = "stablehlo.add"(%v98, %v97) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v100 = "stablehlo.minimum"(%v99, %v74) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v101 = "stablehlo.slice"(%v52) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<1xf64>
    %v102 = "stablehlo.reshape"(%v101) : (tensor<1xf64>) -> tensor<f64>
    %v103 = "stablehlo.broadcast_in_dim"(%v102) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v104 = "stablehlo.compare"(%v2, %v103) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v105 = "stablehlo.not"(%v104) : (tensor<10000xi1>) -> tensor<10000xi1>
    %v106 = "stablehlo.slice"(%v52) {start_indices = array<i64: 100>, limit_indices = array<i64: 101>, strides = array<i64: 1>} : (tensor<101xf64>) -> tensor<1xf64>
    %v107 = "stablehlo.reshape"(%v106) : (tensor<1xf64>) -> tensor<f64>
    %v108 = "stablehlo.broadcast_in_dim"(%v107) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<10000xf64>
    %v109 = "stablehlo.compare"(%v2, %v108) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v110 = "stablehlo.and"(%v105, %v109) : (tensor<10000xi1>, tensor<10000xi1>) -> tensor<10000xi1>
    %v111 = "stablehlo.select"(%v110, %v100, %v90) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v112 = "stablehlo.convert"(%v111) : (tensor<10000xf64>) -> tensor<10000xi32>
    %t9 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t10 = stablehlo.constant dense<100> : tensor<10000xi32>
    %t11 = "stablehlo.compare"(%v112, %t9) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t12 = "stablehlo.compare"(%v112, %t10) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t13 = stablehlo.and %t11, %t12 : tensor<10000xi1>
    %t14 = "stablehlo.convert"(%t13) : (tensor<10000xi1>) -> tensor<10000xi64>
    %t15 = stablehlo.clamp %t9, %v112, %t10 : tensor<10000xi32>
    %t16 = "stablehlo.reshape"(%t15) : (tensor<10000xi32>) -> tensor<10000x1xi32>
    %t17 = stablehlo.constant dense<0> : tensor<101xi64>
    %v113 = "stablehlo.scatter"(%t17, %t16, %t14) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %s = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%s) : (tensor<i64>) -> ()
    }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false} : (tensor<101xi64>, tensor<10000x1xi32>, tensor<10000xi64>) -> tensor<101xi64>
    %v114 = "stablehlo.slice"(%v113) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %v115 = stablehlo.constant dense<0> : tensor<i64>
    %v116 = "stablehlo.broadcast_in_dim"(%v115) {broadcast_dimensions = array<i64>} : (tensor<i64>) -> tensor<100xi64>
    %v117 = "stablehlo.compare"(%v114, %v116) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<100xi64>, tensor<100xi64>) -> tensor<100xi1>
    %t18 = stablehlo.constant dense<0> : tensor<i64>
    %t19 = stablehlo.constant dense<false> : tensor<i1>
    %v118:2 = "stablehlo.reduce"(%v114, %v117, %t18, %t19) ({
    ^bb0(%a0: tensor<i64>, %a1: tensor<i1>, %b0: tensor<i64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<i64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xi64>, tensor<100xi1>, tensor<i64>, tensor<i1>) -> (tensor<i64>, tensor<i1>)
    %v119 = "stablehlo.select"(%v118#1, %v118#0, %v115) : (tensor<i1>, tensor<i64>, tensor<i64>) -> tensor<i64>
    %v120 = "stablehlo.convert"(%v114) : (tensor<100xi64>) -> tensor<100xf64>
    %v121 = "stablehlo.convert"(%v119) : (tensor<i64>) -> tensor<f64>
    %v122 = "stablehlo.broadcast_in_dim"(%v121) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<100xf64>
    %v123 = "stablehlo.divide"(%v120, %v122) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %v124 = "stablehlo.subtract"(%v3, %v65) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v125 = "stablehlo.divide"(%v124, %v67) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v126 = "stablehlo.compare"(%v125, %v125) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v127 = "stablehlo.select"(%v126, %v70, %v125) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v128 = "stablehlo.maximum"(%v127, %v70) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v129 = "stablehlo.minimum"(%v128, %v74) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v130 = "stablehlo.floor"(%v129) : (tensor<10000xf64>) -> tensor<10000xf64>
    %v131 = "stablehlo.multiply"(%v130, %v67) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v132 = "stablehlo.maximum"(%v131, %v70) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v133 = "stablehlo.add"(%v65, %v132) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v134 = "stablehlo.convert"(%v133) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v135 = "stablehlo.convert"(%v134) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v136 = "stablehlo.compare"(%v3, %v135) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v137 = "stablehlo.select"(%v136, %v84, %v70) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v138 = "stablehlo.add"(%v130, %v84) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v139 = "stablehlo.multiply"(%v138, %v67) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v140 = "stablehlo.maximum"(%v139, %v70) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v141 = "stablehlo.add"(%v65, %v140) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v142 = "stablehlo.compare"(%v138, %v90) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v143 = "stablehlo.select"(%v142, %v92, %v141) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v144 = "stablehlo.convert"(%v143) : (tensor<10000xf64>) -> tensor<10000xf32>
    %v145 = "stablehlo.convert"(%v144) : (tensor<10000xf32>) -> tensor<10000xf64>
    %v146 = "stablehlo.compare"(%v3, %v145) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v147 = "stablehlo.select"(%v146, %v70, %v84) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v148 = "stablehlo.subtract"(%v130, %v137) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v149 = "stablehlo.add"(%v148, %v147) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v150 = "stablehlo.minimum"(%v149, %v74) : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v151 = "stablehlo.compare"(%v3, %v103) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v152 = "stablehlo.not"(%v151) : (tensor<10000xi1>) -> tensor<10000xi1>
    %v153 = "stablehlo.compare"(%v3, %v108) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xi1>
    %v154 = "stablehlo.and"(%v152, %v153) : (tensor<10000xi1>, tensor<10000xi1>) -> tensor<10000xi1>
    %v155 = "stablehlo.select"(%v154, %v150, %v90) : (tensor<10000xi1>, tensor<10000xf64>, tensor<10000xf64>) -> tensor<10000xf64>
    %v156 = "stablehlo.convert"(%v155) : (tensor<10000xf64>) -> tensor<10000xi32>
    %t20 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t21 = stablehlo.constant dense<100> : tensor<10000xi32>
    %t22 = "stablehlo.compare"(%v156, %t20) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t23 = "stablehlo.compare"(%v156, %t21) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t24 = stablehlo.and %t22, %t23 : tensor<10000xi1>
    %t25 = "stablehlo.convert"(%t24) : (tensor<10000xi1>) -> tensor<10000xi64>
    %t26 = stablehlo.clamp %t20, %v156, %t21 : tensor<10000xi32>
    %t27 = "stablehlo.reshape"(%t26) : (tensor<10000xi32>) -> tensor<10000x1xi32>
    %t28 = stablehlo.constant dense<0> : tensor<101xi64>
    %v157 = "stablehlo.scatter"(%t28, %t27, %t25) ({
    ^bb0(%a0: tensor<i64>, %b0: tensor<i64>):
      %s = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%s) : (tensor<i64>) -> ()
    }) {scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false} : (tensor<101xi64>, tensor<10000x1xi32>, tensor<10000xi64>) -> tensor<101xi64>
    %v158 = "stablehlo.slice"(%v157) {start_indices = array<i64: 0>, limit_indices = array<i64: 100>, strides = array<i64: 1>} : (tensor<101xi64>) -> tensor<100xi64>
    %v159 = "stablehlo.compare"(%v158, %v116) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<100xi64>, tensor<100xi64>) -> tensor<100xi1>
    %t29 = stablehlo.constant dense<0> : tensor<i64>
    %t30 = stablehlo.constant dense<false> : tensor<i1>
    %v160:2 = "stablehlo.reduce"(%v158, %v159, %t29, %t30) ({
    ^bb0(%a0: tensor<i64>, %a1: tensor<i1>, %b0: tensor<i64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<i64>, tensor<i64>) -> tensor<i64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<i64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xi64>, tensor<100xi1>, tensor<i64>, tensor<i1>) -> (tensor<i64>, tensor<i1>)
    %v161 = "stablehlo.select"(%v160#1, %v160#0, %v115) : (tensor<i1>, tensor<i64>, tensor<i64>) -> tensor<i64>
    %v162 = "stablehlo.convert"(%v158) : (tensor<100xi64>) -> tensor<100xf64>
    %v163 = "stablehlo.convert"(%v161) : (tensor<i64>) -> tensor<f64>
    %v164 = "stablehlo.broadcast_in_dim"(%v163) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<100xf64>
    %v165 = "stablehlo.divide"(%v162, %v164) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %v166 = "stablehlo.minimum"(%v123, %v165) : (tensor<100xf64>, tensor<100xf64>) -> tensor<100xf64>
    %t31 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v167 = "stablehlo.reduce"(%v166, %t31) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<100xf64>, tensor<f64>) -> tensor<f64>
    %v168 = "stablehlo.subtract"(%v77, %v167) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v169 = "stablehlo.minimum"(%v168, %v77) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v170 = "stablehlo.maximum"(%v169, %v35) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v171 = "stablehlo.compare"(%v64, %v62) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %v172 = "stablehlo.compare"(%v119, %v115) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v173 = stablehlo.constant dense<3> : tensor<i32>
    %v174 = "stablehlo.compare"(%v161, %v115) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %v175 = stablehlo.constant dense<4> : tensor<i32>
    %v176 = "stablehlo.select"(%v174, %v175, %v62) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v177 = "stablehlo.select"(%v172, %v173, %v176) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v178 = "stablehlo.select"(%v171, %v64, %v177) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %v179 = "stablehlo.convert"(%v170) : (tensor<f64>) -> tensor<f32>
    "func.return"(%v179, %v178) : (tensor<f32>, tensor<i32>) -> ()
  }
}
