// is_clipped_threshold: (f32[128,2048]) -> (bool[128,2048])
// fingerprint 0d969181de647d5d39b89f466dce6fcb5a65403dd346ffe2d13fc4d7a9847bfb
module @is_clipped_threshold {
  func.func public @main(%arg0: tensor<128x2048xf32>) -> (tensor<128x2048xi1>) {
    %v1 = stablehlo.constant dense<-8.0e-1> : tensor<f32>
    %v2 = "stablehlo.broadcast_in_dim"(%v1) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<128x2048xf32>
    %v3 = "stablehlo.compare"(%arg0, %v2) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %v4 = stablehlo.constant dense<8.0e-1> : tensor<f32>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<128x2048xf32>
    %v6 = "stablehlo.compare"(%arg0, %v5) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<128x2048xf32>, tensor<128x2048xf32>) -> tensor<128x2048xi1>
    %v7 = "stablehlo.or"(%v3, %v6) : (tensor<128x2048xi1>, tensor<128x2048xi1>) -> tensor<128x2048xi1>
    "func.return"(%v7) : (tensor<128x2048xi1>) -> ()
  }
}
