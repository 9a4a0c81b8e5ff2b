// clip_ratio: (f32[128,2048]) -> (f64[])
// fingerprint c6a7d1685fb672c5a04a7f11fa7a6df9c30861a0691c5d2a90904fc6faf4226f
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
    %t2 = stablehlo.constant dense<false> : tensor<i1>
    %v9:2 = "stablehlo.reduce"(%v8, %v7, %t1, %t2) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<i1>, %b0: tensor<f64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<128x2048xf64>, tensor<128x2048xi1>, tensor<f64>, tensor<i1>) -> (tensor<f64>, tensor<i1>)
    %v10 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v11 = "stablehlo.select"(%v9#1, %v9#0, %v10) : (tensor<i1>, tensor<f64>, tensor<f64>) -> tensor<f64>
    %v12 = stablehlo.constant dense<2.62144e5> : tensor<f64>
    %v13 = "stablehlo.divide"(%v11, %v12) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    "func.return"(%v13) : (tensor<f64>) -> ()
  }
}
