// clip_ratio: (f32[128,2048]) -> (f64[])
// fingerprint 16fd3f1593fe9dabc02570256d5eee58d5cabdb91623fb7a8feec5a0315cf1f0
module @clip_ratio {
  func.func public @main(%arg0: tensor<128x2048xf32>) -> (tensor<f64>) {
    %v1 = stablehlo.constant dense<-8.0e-1> : tensor<f32>
    %v2 = "stablehlo.broadcast_in_dim"(%v1) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<128x2048xf32>
    %v3 = "stablehlo.compare"(%arg0, %v2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %v4 = stablehlo.constant dense<8.0e-1> : tensor<f32>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<128x2048xf32>
    %v6 = "stablehlo.compare"(%arg0, %v5) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %v7 = "stablehlo.or"(%v3, %v6) : (tensor<128x2048xi1>, tensor<128x2048xi1>) -> tensor<128x2048xi1>
    %v8 = "stablehlo.convert"(%v7) : (tensor<128x2048xi1>) -> tensor<128x2048xf64>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v9 = "stablehlo.reduce"(%v8, %t1) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<128x2048xf64>, tensor<f64>) -> tensor<f64>
    %v10 = stablehlo.constant dense<2.62144e5> : tensor<f64>
    %v11 = "stablehlo.divide"(%v9, %v10) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    "func.return"(%v11) : (tensor<f64>) -> ()
  }
}
