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
    %t35 = "stablehlo.bitcast_convert"(%v7) : (tensor<10000xf32>) -> tensor<10000xi32>
    %t36 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t37 = "stablehlo.compare"(%t35, %t36) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t38 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t39 = "stablehlo.xor"(%t35, %t38) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t40 = "stablehlo.select"(%t37, %t39, %t35) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t41 = "stablehlo.sort"(%t40) ({
    ^bb0(%a0: tensor<i32>, %b0: tensor<i32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = false} : (tensor<10000xi32>) -> tensor<10000xi32>
    %t42 = stablehlo.constant dense<0> : tensor<i32>
    %t43 = stablehlo.constant dense<2147483647> : tensor<i32>
    %t44 = "stablehlo.slice"(%t41) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t45 = "stablehlo.reshape"(%t44) : (tensor<1xi32>) -> tensor<i32>
    %t46 = "stablehlo.compare"(%t45, %t42) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t47 = "stablehlo.xor"(%t45, %t43) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t48 = "stablehlo.select"(%t46, %t47, %t45) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t49 = "stablehlo.bitcast_convert"(%t48) : (tensor<i32>) -> tensor<f32>
    %t50 = "stablehlo.slice"(%t41) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t51 = "stablehlo.reshape"(%t50) : (tensor<1xi32>) -> tensor<i32>
    %t52 = "stablehlo.compare"(%t51, %t42) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t53 = "stablehlo.xor"(%t51, %t43) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t54 = "stablehlo.select"(%t52, %t53, %t51) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t55 = "stablehlo.bitcast_convert"(%t54) : (tensor<i32>) -> tensor<f32>
    %t56 = "stablehlo.add"(%t55, %t49) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t57 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t58 = "stablehlo.divide"(%t56, %t57) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t59 = "stablehlo.slice"(%t41) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t60 = "stablehlo.reshape"(%t59) : (tensor<1xi32>) -> tensor<i32>
    %t61 = "stablehlo.slice"(%t41) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t62 = "stablehlo.reshape"(%t61) : (tensor<1xi32>) -> tensor<i32>
    %t63 = stablehlo.constant dense<-2139095041> : tensor<i32>
    %t64 = stablehlo.constant dense<2139095040> : tensor<i32>
    %t65 = "stablehlo.compare"(%t60, %t63) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t66 = "stablehlo.compare"(%t62, %t64) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t67 = "stablehlo.or"(%t65, %t66) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t68 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v8 = "stablehlo.select"(%t67, %t68, %t58) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %t69 = "stablehlo.bitcast_convert"(%v3) : (tensor<10000xf32>) -> tensor<10000xi32>
    %t70 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t71 = "stablehlo.compare"(%t69, %t70) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t72 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t73 = "stablehlo.xor"(%t69, %t72) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t74 = "stablehlo.select"(%t71, %t73, %t69) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t75 = "stablehlo.sort"(%t74) ({
    ^bb0(%a0: tensor<i32>, %b0: tensor<i32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = false} : (tensor<10000xi32>) -> tensor<10000xi32>
    %t76 = stablehlo.constant dense<0> : tensor<i32>
    %t77 = stablehlo.constant dense<2147483647> : tensor<i32>
    %t78 = "stablehlo.slice"(%t75) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t79 = "stablehlo.reshape"(%t78) : (tensor<1xi32>) -> tensor<i32>
    %t80 = "stablehlo.compare"(%t79, %t76) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t81 = "stablehlo.xor"(%t79, %t77) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t82 = "stablehlo.select"(%t80, %t81, %t79) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t83 = "stablehlo.bitcast_convert"(%t82) : (tensor<i32>) -> tensor<f32>
    %t84 = "stablehlo.slice"(%t75) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t85 = "stablehlo.reshape"(%t84) : (tensor<1xi32>) -> tensor<i32>
    %t86 = "stablehlo.compare"(%t85, %t76) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t87 = "stablehlo.xor"(%t85, %t77) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t88 = "stablehlo.select"(%t86, %t87, %t85) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t89 = "stablehlo.bitcast_convert"(%t88) : (tensor<i32>) -> tensor<f32>
    %t90 = "stablehlo.add"(%t89, %t83) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t91 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t92 = "stablehlo.divide"(%t90, %t91) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t93 = "stablehlo.slice"(%t75) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t94 = "stablehlo.reshape"(%t93) : (tensor<1xi32>) -> tensor<i32>
    %t95 = "stablehlo.slice"(%t75) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t96 = "stablehlo.reshape"(%t95) : (tensor<1xi32>) -> tensor<i32>
    %t97 = stablehlo.constant dense<-2139095041> : tensor<i32>
    %t98 = stablehlo.constant dense<2139095040> : tensor<i32>
    %t99 = "stablehlo.compare"(%t94, %t97) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t100 = "stablehlo.compare"(%t96, %t98) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t101 = "stablehlo.or"(%t99, %t100) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t102 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v9 = "stablehlo.select"(%t101, %t102, %t92) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<10000xf32>
    %v11 = "stablehlo.subtract"(%v3, %v10) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %v12 = "stablehlo.multiply"(%v11, %v11) : (tensor<10000xf32>, tensor<10000xf32>) -> tensor<10000xf32>
    %t103 = "stablehlo.bitcast_convert"(%v12) : (tensor<10000xf32>) -> tensor<10000xi32>
    %t104 = stablehlo.constant dense<0> : tensor<10000xi32>
    %t105 = "stablehlo.compare"(%t103, %t104) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi1>
    %t106 = stablehlo.constant dense<2147483647> : tensor<10000xi32>
    %t107 = "stablehlo.xor"(%t103, %t106) : (tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t108 = "stablehlo.select"(%t105, %t107, %t103) : (tensor<10000xi1>, tensor<10000xi32>, tensor<10000xi32>) -> tensor<10000xi32>
    %t109 = "stablehlo.sort"(%t108) ({
    ^bb0(%a0: tensor<i32>, %b0: tensor<i32>):
      %c = "stablehlo.compare"(%a0, %b0) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
      "stablehlo.return"(%c) : (tensor<i1>) -> ()
    }) {dimension = 0 : i64, is_stable = false} : (tensor<10000xi32>) -> tensor<10000xi32>
    %t110 = stablehlo.constant dense<0> : tensor<i32>
    %t111 = stablehlo.constant dense<2147483647> : tensor<i32>
    %t112 = "stablehlo.slice"(%t109) {start_indices = array<i64: 5000>, limit_indices = array<i64: 5001>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t113 = "stablehlo.reshape"(%t112) : (tensor<1xi32>) -> tensor<i32>
    %t114 = "stablehlo.compare"(%t113, %t110) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t115 = "stablehlo.xor"(%t113, %t111) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t116 = "stablehlo.select"(%t114, %t115, %t113) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t117 = "stablehlo.bitcast_convert"(%t116) : (tensor<i32>) -> tensor<f32>
    %t118 = "stablehlo.slice"(%t109) {start_indices = array<i64: 4999>, limit_indices = array<i64: 5000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t119 = "stablehlo.reshape"(%t118) : (tensor<1xi32>) -> tensor<i32>
    %t120 = "stablehlo.compare"(%t119, %t110) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t121 = "stablehlo.xor"(%t119, %t111) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %t122 = "stablehlo.select"(%t120, %t121, %t119) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    %t123 = "stablehlo.bitcast_convert"(%t122) : (tensor<i32>) -> tensor<f32>
    %t124 = "stablehlo.add"(%t123, %t117) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t125 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %t126 = "stablehlo.divide"(%t124, %t125) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t127 = "stablehlo.slice"(%t109) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t128 = "stablehlo.reshape"(%t127) : (tensor<1xi32>) -> tensor<i32>
    %t129 = "stablehlo.slice"(%t109) {start_indices = array<i64: 9999>, limit_indices = array<i64: 10000>, strides = array<i64: 1>} : (tensor<10000xi32>) -> tensor<1xi32>
    %t130 = "stablehlo.reshape"(%t129) : (tensor<1xi32>) -> tensor<i32>
    %t131 = stablehlo.constant dense<-2139095041> : tensor<i32>
    %t132 = stablehlo.constant dense<2139095040> : tensor<i32>
    %t133 = "stablehlo.compare"(%t128, %t131) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t134 = "stablehlo.compare"(%t130, %t132) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    %t135 = "stablehlo.or"(%t133, %t134) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %t136 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v13 = "stablehlo.select"(%t135, %t136, %t126) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v14 = "stablehlo.subtract"(%v4, %v9) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v15 = "stablehlo.add"(%v8, %v13) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v16 = "stablehlo.sqrt"(%v15) : (tensor<f32>) -> tensor<f32>
    %v17 = "stablehlo.divide"(%v14, %v16) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v17) : (tensor<f32>) -> ()
  }
}
