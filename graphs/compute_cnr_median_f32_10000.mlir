// compute_cnr: (f32[10000], f32[10000]) -> (f32[])
// fingerprint b6218703ad8e36298f958fcf243461b429995466cb441a797f7ef4abb6443fa9
module @compute_cnr {
  func.func public @main(%arg0: tensor<10000xf32>, %arg1: tensor<10000xf32>) -> (tensor<f32>) {
    %v2 = "stablehlo.multiply"(%arg0, %arg0) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v3 = "stablehlo.multiply"(%arg1, %arg1) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t1 = "stablehlo.bitcast_convert"(%v2) : (tensor<10000xf32>) -> tensor<10000xi32>
    %t2 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t3 = "stablehlo.compare"(%t1, %t2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t4 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t5 = "stablehlo.xor"(%t1, %t4) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t6 = "stablehlo.select"(%t3, %t5, %t1) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t7 = "stablehlo.sort"(%t6) ({
    ^bb0(%a0: tensor<i32>, %b0: tensor<i32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = false} : (tensor<10000xi32>) -> tensor<10000xi32>
    %t8 = stablehlo.constant dense<0> : tensor<i32>
    %t9 = stablehlo.constant dense<2147483647> : tensor<i32>
    %t10 = "stablehlo.slice"(%t7) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t11 = "stablehlo.reshape"(%t10) : (tensor<1xi32>) -> tensor<i32>
    %t12 = "stablehlo.compare"(%t11, %t8) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t13 = "stablehlo.xor"(%t11, %t9) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t14 = "stablehlo.select"(%t12, %t13, %t11) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t15 = "stablehlo.bitcast_convert"(%t14) : (tensor<i32>) -> tensor<f32>
    %t16 = "stablehlo.slice"(%t7) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t17 = "stablehlo.reshape"(%t16) : (tensor<1xi32>) -> tensor<i32>
    %t18 = "stablehlo.compare"(%t17, %t8) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t19 = "stablehlo.xor"(%t17, %t9) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t20 = "stablehlo.select"(%t18, %t19, %t17) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t21 = "stablehlo.bitcast_convert"(%t20) : (tensor<i32>) -> tensor<f32>
    %t22 = "stablehlo.add"(%t21, %t15) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t23 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t24 = "stablehlo.divide"(%t22, %t23) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t25 = "stablehlo.slice"(%t7) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t26 = "stablehlo.reshape"(%t25) : (tensor<1xi32>) -> tensor<i32>
    %t27 = "stablehlo.slice"(%t7) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t28 = "stablehlo.reshape"(%t27) : (tensor<1xi32>) -> tensor<i32>
    %t29 = stablehlo.constant dense<-2139095041> : tensor<i32>
    %t30 = stablehlo.constant dense<2139095040> : tensor<i32>
    %t31 = "stablehlo.compare"(%t26, %t29) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t32 = "stablehlo.compare"(%t28, %t30) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t33 = "stablehlo.or"(%t31, %t32) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t34 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v4 = "stablehlo.select"(%t33, %t34, %t24) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v6 = "stablehlo.subtract"(%v2, %v5) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v7 = "stablehlo.multiply"(%v6, %v6) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t35 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t36 = "stablehlo.compare"(%t7, %t35) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t37 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t38 = "stablehlo.xor"(%t7, %t37) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t39 = "stablehlo.select"(%t36, %t38, %t7) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t40 = "stablehlo.bitcast_convert"(%t39) : (tensor<10000xi32>) -> tensor<10000xf32>
    %t41 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %t42 = "stablehlo.subtract"(%t40, %t41) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t43 = "stablehlo.multiply"(%t42, %t42) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t44 = "stablehlo.slice"(%t43) {start_indices = array<i64: 0>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5000xf32>
    %t45 = "stablehlo.slice"(%t43) {start_indices = array<i64: 5000>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5000xf32>
    %t46 = "stablehlo.maximum"(%t44, %t45) : (tensor<5000xf32>, tensor<5000xf32>) -> tensor<5000xf32>
    %t47 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t48 = "stablehlo.reduce"(%t46, %t47) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<5000xf32>, tensor<f32>) -> tensor<f32>
    %t49 = "stablehlo.slice"(%t43) {start_indices = array<i64: 0>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5001xf32>
    %t50 = "stablehlo.slice"(%t43) {start_indices = array<i64: 4999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5001xf32>
    %t51 = "stablehlo.maximum"(%t49, %t50) : (tensor<5001xf32>, tensor<5001xf32>) -> tensor<5001xf32>
    %t52 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t53 = "stablehlo.reduce"(%t51, %t52) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<5001xf32>, tensor<f32>) -> tensor<f32>
    %t54 = "stablehlo.add"(%t53, %t48) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t55 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t56 = "stablehlo.divide"(%t54, %t55) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t57 = "stablehlo.slice"(%t40) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %t58 = "stablehlo.reshape"(%t57) : (tensor<1xf32>) -> tensor<f32>
    %t59 = "stablehlo.slice"(%t40) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %t60 = "stablehlo.reshape"(%t59) : (tensor<1xf32>) -> tensor<f32>
    %t61 = "stablehlo.compare"(%v4, %v4) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t62 = "stablehlo.abs"(%v4) : (tensor<f32>) -> tensor<f32>
    %t63 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t64 = "stablehlo.compare"(%t62, %t63) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t65 = "stablehlo.compare"(%t58, %v4) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t66 = "stablehlo.compare"(%t60, %v4) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t67 = "stablehlo.or"(%t65, %t66) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t68 = "stablehlo.and"(%t64, %t67) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t69 = "stablehlo.or"(%t61, %t68) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t70 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v8 = "stablehlo.select"(%t69, %t70, %t56) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %t71 = "stablehlo.bitcast_convert"(%v3) : (tensor<10000xf32>) -> tensor<10000xi32>
    %t72 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t73 = "stablehlo.compare"(%t71, %t72) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t74 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t75 = "stablehlo.xor"(%t71, %t74) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t76 = "stablehlo.select"(%t73, %t75, %t71) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t77 = "stablehlo.sort"(%t76) ({
    ^bb0(%a0: tensor<i32>, %b0: tensor<i32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = false} : (tensor<10000xi32>) -> tensor<10000xi32>
    %t78 = stablehlo.constant dense<0> : tensor<i32>
    %t79 = stablehlo.constant dense<2147483647> : tensor<i32>
    %t80 = "stablehlo.slice"(%t77) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t81 = "stablehlo.reshape"(%t80) : (tensor<1xi32>) -> tensor<i32>
    %t82 = "stablehlo.compare"(%t81, %t78) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t83 = "stablehlo.xor"(%t81, %t79) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t84 = "stablehlo.select"(%t82, %t83, %t81) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t85 = "stablehlo.bitcast_convert"(%t84) : (tensor<i32>) -> tensor<f32>
    %t86 = "stablehlo.slice"(%t77) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t87 = "stablehlo.reshape"(%t86) : (tensor<1xi32>) -> tensor<i32>
    %t88 = "stablehlo.compare"(%t87, %t78) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t89 = "stablehlo.xor"(%t87, %t79) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t90 = "stablehlo.select"(%t88, %t89, %t87) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t91 = "stablehlo.bitcast_convert"(%t90) : (tensor<i32>) -> tensor<f32>
    %t92 = "stablehlo.add"(%t91, %t85) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t93 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t94 = "stablehlo.divide"(%t92, %t93) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t95 = "stablehlo.slice"(%t77) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t96 = "stablehlo.reshape"(%t95) : (tensor<1xi32>) -> tensor<i32>
    %t97 = "stablehlo.slice"(%t77) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t98 = "stablehlo.reshape"(%t97) : (tensor<1xi32>) -> tensor<i32>
    %t99 = stablehlo.constant dense<-2139095041> : tensor<i32>
    %t100 = stablehlo.constant dense<2139095040> : tensor<i32>
    %t101 = "stablehlo.compare"(%t96, %t99) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t102 = "stablehlo.compare"(%t98, %t100) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t103 = "stablehlo.or"(%t101, %t102) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t104 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v9 = "stablehlo.select"(%t103, %t104, %t94) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v11 = "stablehlo.subtract"(%v3, %v10) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v12 = "stablehlo.multiply"(%v11, %v11) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t105 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t106 = "stablehlo.compare"(%t77, %t105) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t107 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t108 = "stablehlo.xor"(%t77, %t107) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t109 = "stablehlo.select"(%t106, %t108, %t77) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t110 = "stablehlo.bitcast_convert"(%t109) : (tensor<10000xi32>) -> tensor<10000xf32>
    %t111 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %t112 = "stablehlo.subtract"(%t110, %t111) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t113 = "stablehlo.multiply"(%t112, %t112) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t114 = "stablehlo.slice"(%t113) {start_indices = array<i64: 0>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5000xf32>
    %t115 = "stablehlo.slice"(%t113) {start_indices = array<i64: 5000>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5000xf32>
    %t116 = "stablehlo.maximum"(%t114, %t115) : (tensor<5000xf32>, tensor<5000xf32>) -> tensor<5000xf32>
    %t117 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t118 = "stablehlo.reduce"(%t116, %t117) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<5000xf32>, tensor<f32>) -> tensor<f32>
    %t119 = "stablehlo.slice"(%t113) {start_indices = array<i64: 0>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5001xf32>
    %t120 = "stablehlo.slice"(%t113) {start_indices = array<i64: 4999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<5001xf32>
    %t121 = "stablehlo.maximum"(%t119, %t120) : (tensor<5001xf32>, tensor<5001xf32>) -> tensor<5001xf32>
    %t122 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t123 = "stablehlo.reduce"(%t121, %t122) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<5001xf32>, tensor<f32>) -> tensor<f32>
    %t124 = "stablehlo.add"(%t123, %t118) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t125 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t126 = "stablehlo.divide"(%t124, %t125) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t127 = "stablehlo.slice"(%t110) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %t128 = "stablehlo.reshape"(%t127) : (tensor<1xf32>) -> tensor<f32>
    %t129 = "stablehlo.slice"(%t110) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xf32>) -> tensor<1xf32>
    %t130 = "stablehlo.reshape"(%t129) : (tensor<1xf32>) -> tensor<f32>
    %t131 = "stablehlo.compare"(%v9, %v9) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t132 = "stablehlo.abs"(%v9) : (tensor<f32>) -> tensor<f32>
    %t133 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t134 = "stablehlo.compare"(%t132, %t133) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t135 = "stablehlo.compare"(%t128, %v9) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t136 = "stablehlo.compare"(%t130, %v9) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %t137 = "stablehlo.or"(%t135, %t136) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t138 = "stablehlo.and"(%t134, %t137) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t139 = "stablehlo.or"(%t131, %t138) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t140 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v13 = "stablehlo.select"(%t139, %t140, %t126) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v14 = "stablehlo.subtract"(%v4, %v9) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v15 = "stablehlo.add"(%v8, %v13) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v16 = "stablehlo.sqrt"(%v15) : (tensor<f32>) -> tensor<f32>
    %v17 = "stablehlo.divide"(%v14, %v16) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v17) : (tensor<f32>) -> ()
  }
}
