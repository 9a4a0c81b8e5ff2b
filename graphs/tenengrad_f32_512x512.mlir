// tenengrad: (f32[512,512]) -> (f32[])
// fingerprint 12dd98af818130c6060f6ab798ddf5e99011ea516880e38b6a3a4ae3c1b98070
module @tenengrad {
  func.func public @main(%arg0: tensor<512x512xf32>) -> (tensor<f32>) {
    %v1 = "stablehlo.convert"(%arg0) : (tensor<512x512xf32>) -> tensor<512x512xf64>
    %v2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v3 = "stablehlo.pad"(%v1, %v2) {edge_padding_low = array<i64: 1, 1>, edge_padding_high = array<i64: 1, 1>, interior_padding = array<i64: 0, 0>} : (tensor<512x512xf64>, tensor<f64>) -> tensor<514x514xf64>
    %v4 = "stablehlo.slice"(%v3) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 512, 512>, strides = array<i64: 1, 1>} : (tensor<514x514xf64>) -> tensor<512x512xf64>
    %v5 = stablehlo.constant dense<-1.0e0> : tensor<f64>
    %v6 = "stablehlo.broadcast_in_dim"(%v5) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v7 = "stablehlo.multiply"(%v4, %v6) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v8 = "stablehlo.slice"(%v3) {start_indices = array<i64: 0, 2>, limit_indices = array<i64: 512, 514>, strides = array<i64: 1, 1>} : (tensor<514x514xf64>) -> tensor<512x512xf64>
    %v9 = stablehlo.constant dense<1.0e0> : tensor<f64>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v11 = "stablehlo.multiply"(%v8, %v10) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v12 = "stablehlo.add"(%v7, %v11) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v13 = "stablehlo.slice"(%v3) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 513, 512>, strides = array<i64: 1, 1>} : (tensor<514x514xf64>) -> tensor<512x512xf64>
    %v14 = stablehlo.constant dense<-2.0e0> : tensor<f64>
    %v15 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v16 = "stablehlo.multiply"(%v13, %v15) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v17 = "stablehlo.add"(%v12, %v16) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v18 = "stablehlo.slice"(%v3) {start_indices = array<i64: 1, 2>, limit_indices = array<i64: 513, 514>, strides = array<i64: 1, 1>} : (tensor<514x514xf64>) -> tensor<512x512xf64>
    %v19 = stablehlo.constant dense<2.0e0> : tensor<f64>
    %v20 = "stablehlo.broadcast_in_dim"(%v19) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v21 = "stablehlo.multiply"(%v18, %v20) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v22 = "stablehlo.add"(%v17, %v21) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v23 = "stablehlo.slice"(%v3) {start_indices = array<i64: 2, 0>, limit_indices = array<i64: 514, 512>, strides = array<i64: 1, 1>} : (tensor<514x514xf64>) -> tensor<512x512xf64>
    %v24 = "stablehlo.multiply"(%v23, %v6) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v25 = "stablehlo.add"(%v22, %v24) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v26 = "stablehlo.slice"(%v3) {start_indices = array<i64: 2, 2>, limit_indices = array<i64: 514, 514>, strides = array<i64: 1, 1>} : (tensor<514x514xf64>) -> tensor<512x512xf64>
    %v27 = "stablehlo.multiply"(%v26, %v10) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v28 = "stablehlo.add"(%v25, %v27) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v29 = "stablehlo.convert"(%v28) : (tensor<512x512xf64>) -> tensor<512x512xf32>
    %v30 = "stablehlo.abs"(%v29) : (tensor<512x512xf32>) -> tensor<512x512xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v31 = "stablehlo.reduce"(%v30, %t1) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<512x512xf32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v31) : (tensor<f32>) -> ()
  }
}
