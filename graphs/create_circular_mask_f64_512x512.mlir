// create_circular_mask: (f64[512], f64[512]) -> (bool[512,512])
// fingerprint 8a115106b13ad98d0d11f97981269d265a3c93d834d3a8a55f912159177cc83a
module @create_circular_mask {
  func.func public @main(%arg0: tensor<512xf64>, %arg1: tensor<512xf64>) -> (tensor<512x512xi1>) {
    %v2 = "stablehlo.reshape"(%arg0) : (tensor<512xf64>) -> tensor<1x512xf64>
    %v3 = "stablehlo.broadcast_in_dim"(%v2) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x512xf64>) -> tensor<512x512xf64>
    %v4 = "stablehlo.reshape"(%arg1) : (tensor<512xf64>) -> tensor<512x1xf64>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<512x1xf64>) -> tensor<512x512xf64>
    %v6 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v7 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v8 = "stablehlo.subtract"(%v3, %v7) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v9 = stablehlo.constant dense<2.0e-2> : tensor<f64>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v11 = "stablehlo.subtract"(%v5, %v10) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v12 = "stablehlo.multiply"(%v8, %v8) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v13 = "stablehlo.multiply"(%v11, %v11) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v14 = "stablehlo.add"(%v12, %v13) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v15 = "stablehlo.sqrt"(%v14) : (tensor<512x512xf64>) -> tensor<512x512xf64>
    %v16 = stablehlo.constant dense<5.0e-3> : tensor<f64>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v18 = "stablehlo.compare"(%v15, %v17) {comparison_direction = #stablehlo<comparison_direction LE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xi1>
    "func.return"(%v18) : (tensor<512x512xi1>) -> ()
  }
}
