// db_zero: (c64[512,512]) -> (f32[512,512])
// fingerprint af58d0ee525978f0a3cab1a51edeaa04240419cffa036e3d75c86d1a23975c83
module @db_zero {
  func.func public @main(%arg0: tensor<512x512xcomplex<f32>>) -> (tensor<512x512xf32>) {
    %v1 = "stablehlo.abs"(%arg0) : (tensor<512x512xcomplex<f32>>) -> tensor<512x512xf32>
    %v2 = stablehlo.constant dense<1.1920929e-7> : tensor<f32>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v4 = "stablehlo.add"(%v1, %v3) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v5 = "stablehlo.log"(%v4) : (tensor<512x512xf32>) -> tensor<512x512xf32>
    %v6 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v7 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v8 = "stablehlo.divide"(%v5, %v7) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v9 = stablehlo.constant dense<2.0e1> : tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v11 = "stablehlo.multiply"(%v8, %v10) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    %v12 = "stablehlo.compare"(%v1, %v1) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xi1>
    %t1 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %t2 = stablehlo.constant dense<false> : tensor<i1>
    %v13:2 = "stablehlo.reduce"(%v1, %v12, %t1, %t2) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<i1>, %b0: tensor<f32>, %b1: tensor<i1>):
      %m0 = "stablehlo.maximum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %na0 = "stablehlo.compare"(%a0, %a0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %nb0 = "stablehlo.compare"(%b0, %b0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %n0 = "stablehlo.or"(%na0, %nb0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r0 = "stablehlo.select"(%n0, %s0, %m0) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f32>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x512xf32>, tensor<512x512xi1>, tensor<f32>, tensor<i1>) -> (tensor<f32>, tensor<i1>)
    %v14 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v15 = "stablehlo.select"(%v13#1, %v14, %v13#0) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v16 = "stablehlo.add"(%v15, %v2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v17 = "stablehlo.log"(%v16) : (tensor<f32>) -> tensor<f32>
    %v18 = "stablehlo.divide"(%v17, %v6) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v19 = "stablehlo.multiply"(%v18, %v9) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<512x512xf32>
    %v21 = "stablehlo.subtract"(%v11, %v20) : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
    "func.return"(%v21) : (tensor<512x512xf32>) -> ()
  }
}
