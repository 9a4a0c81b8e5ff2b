// is_clipped_max_amplitude: (f32[128,2048]) -> (bool[128,2048])
// fingerprint f9094d2661dc2658c822d0f96edb9dded1c5b269634e84f49e72f52a385d5c00
module @is_clipped_max_amplitude {
  func.func public @main(%arg0: tensor<128x2048xf32>) -> (tensor<128x2048xi1>) {
    %v1 = "stablehlo.compare"(%arg0, %arg0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %t1 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %t2 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %t3 = stablehlo.constant dense<false> : tensor<i1>
    %v2:3 = "stablehlo.reduce"(%arg0, %arg0, %v1, %t1, %t2, %t3) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<i1>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<i1>):
      %m0 = "stablehlo.minimum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %na0 = "stablehlo.compare"(%a0, %a0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %nb0 = "stablehlo.compare"(%b0, %b0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %n0 = "stablehlo.or"(%na0, %nb0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r0 = "stablehlo.select"(%n0, %s0, %m0) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
      %m1 = "stablehlo.maximum"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %na1 = "stablehlo.compare"(%a1, %a1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %nb1 = "stablehlo.compare"(%b1, %b1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %n1 = "stablehlo.or"(%na1, %nb1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.select"(%n1, %s1, %m1) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.or"(%a2, %b2) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f32>, tensor<f32>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<128x2048xf32>, tensor<128x2048xf32>, tensor<128x2048xi1>, tensor<f32>, tensor<f32>, tensor<i1>) -> (tensor<128xf32>, tensor<128xf32>, tensor<128xi1>)
    %v3 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v4 = "stablehlo.broadcast_in_dim"(%v3) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<128xf32>
    %v5 = "stablehlo.select"(%v2#2, %v4, %v2#0) : (tensor<128xi1>, tensor<128xf32>, tensor<128xf32>) -> tensor<128xf32>
    %v6 = "stablehlo.select"(%v2#2, %v4, %v2#1) : (tensor<128xi1>, tensor<128xf32>, tensor<128xf32>) -> tensor<128xf32>
    %v7 = "stablehlo.reshape"(%v5) : (tensor<128xf32>) -> tensor<128x1xf32>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<128x1xf32>) -> tensor<128x2048xf32>
    %v9 = "stablehlo.reshape"(%v6) : (tensor<128xf32>) -> tensor<128x1xf32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<128x1xf32>) -> tensor<128x2048xf32>
    %v11 = "stablehlo.subtract"(%v10, %v8) : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xf32>
    %v12 = stablehlo.constant dense<1.0e-2> : tensor<f32>
    %v13 = "stablehlo.broadcast_in_dim"(%v12) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<128x2048xf32>
    %v14 = "stablehlo.multiply"(%v11, %v13) : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xf32>
    %v15 = "stablehlo.add"(%v8, %v14) : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xf32>
    %v16 = "stablehlo.compare"(%arg0, %v15) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %v17 = "stablehlo.subtract"(%v10, %v14) : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xf32>
    %v18 = "stablehlo.compare"(%arg0, %v17) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %v19 = "stablehlo.or"(%v16, %v18) : (tensor<128x2048xi1>, tensor<128x2048xi1>) -> tensor<128x2048xi1>
    %v20 = "stablehlo.slice"(%v19) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 128, 2048>, strides = array<i64: 1, 1>} : (tensor<128x2048xi1>) -> tensor<128x2047xi1>
    %v21 = stablehlo.constant dense<false> : tensor<i1>
    %v22 = "stablehlo.pad"(%v20, %v21) {edge_padding_low = array<i64: 0, 0>, edge_padding_high = array<i64: 0, 1>, interior_padding = array<i64: 0, 0>} : (tensor<128x2047xi1>, tensor<i1>) -> tensor<128x2048xi1>
    %v23 = "stablehlo.and"(%v19, %v22) : (tensor<128x2048xi1>, tensor<128x2048xi1>) -> tensor<128x2048xi1>
    %v24 = "stablehlo.slice"(%v23) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 128, 2048>, strides = array<i64: 1, 1>} : (tensor<128x2048xi1>) -> tensor<128x2047xi1>
    %v25 = "stablehlo.pad"(%v24, %v21) {edge_padding_low = array<i64: 0, 0>, edge_padding_high = array<i64: 0, 1>, interior_padding = array<i64: 0, 0>} : (tensor<128x2047xi1>, tensor<i1>) -> tensor<128x2048xi1>
    %v26 = "stablehlo.and"(%v19, %v25) : (tensor<128x2048xi1>, tensor<128x2048xi1>) -> tensor<128x2048xi1>
    %t4 = stablehlo.constant dense<false> : tensor<i1>
    %t5 = stablehlo.constant dense<true> : tensor<i1>
    %v27:2 = "stablehlo.reduce"(%v26, %v26, %t4, %t5) ({
    ^bb0(%a0: tensor<i1>, %a1: tensor<i1>, %b0: tensor<i1>, %b1: tensor<i1>):
      %r0 = "stablehlo.or"(%a0, %b0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %r1 = "stablehlo.and"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<i1>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<128x2048xi1>, tensor<128x2048xi1>, tensor<i1>, tensor<i1>) -> (tensor<128xi1>, tensor<128xi1>)
    %v28 = "stablehlo.or"(%v27#0, %v27#1) : (tensor<128xi1>, tensor<128xi1>) -> tensor<128xi1>
    %v29 = "stablehlo.reshape"(%v28) : (tensor<128xi1>) -> tensor<128x1xi1>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<128x1xi1>) -> tensor<128x2048xi1>
    %v31 = "stablehlo.and"(%v19, %v30) : (tensor<128x2048xi1>, tensor<128x2048xi1>) -> tensor<128x2048xi1>
    "func.return"(%v31) : (tensor<128x2048xi1>) -> ()
  }
}
