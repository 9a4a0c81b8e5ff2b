// create_rectangular_mask: (f64[512], f64[512]) -> (bool[512,512])
// fingerprint a4799a0c2315baa15c614911aacf7207015347d987d4fe07189e5d2dadc478c6
module @create_rectangular_mask {
  func.func public @main(%arg0: tensor<512xf64>, %arg1: tensor<512xf64>) -> (tensor<512x512xi1>) {
    %v2 = "stablehlo.reshape"(%arg0) : (tensor<512xf64>) -> tensor<1x512xf64>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x512xf64>) -> tensor<512x512xf64>
    %v4 = "stablehlo.reshape"(%arg1) : (tensor<512xf64>) -> tensor<512x1xf64>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<512x1xf64>) -> tensor<512x512xf64>
    %v6 = stablehlo.constant dense<-5.0e-3> : tensor<f64>
    %v7 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v8 = "stablehlo.compare"(%v3, %v7) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xi1>
    %v9 = stablehlo.constant dense<5.0e-3> : tensor<f64>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v11 = "stablehlo.compare"(%v3, %v10) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xi1>
    %v12 = "stablehlo.and"(%v8, %v11) : (tensor<512x512xi1>, tensor<512x512xi1>) -> tensor<512x512xi1>
    %v13 = stablehlo.constant dense<1.5e-2> : tensor<f64>
    %v14 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v15 = "stablehlo.compare"(%v5, %v14) {comparison_direction = #stablehlo<comparison_direction GE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xi1>
    %v16 = stablehlo.constant dense<2.5e-2> : tensor<f64>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v18 = "stablehlo.compare"(%v5, %v17) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xi1>
    %v19 = "stablehlo.and"(%v15, %v18) : (tensor<512x512xi1>, tensor<512x512xi1>) -> tensor<512x512xi1>
    %v20 = "stablehlo.and"(%v12, %v19) : (tensor<512x512xi1>, tensor<512x512xi1>) -> tensor<512x512xi1>
    "func.return"(%v20) : (tensor<512x512xi1>) -> ()
  }
}
