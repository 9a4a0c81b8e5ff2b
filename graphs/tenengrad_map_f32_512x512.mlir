// tenengrad: (f32[512,512]) -> (f32[512,512])
// fingerprint 6d7526e17e8cacefbc9972b768a71f661de3f34b8f1a51a52b7ecd74b0ea54f0
module @tenengrad {
  func.func public @main(%arg0: tensor<512x512xf32>) -> (tensor<512x512xf32>) {
    %v1 = "stablehlo.convert"(%arg0) : (tensor<512x512xf32>) -> tensor<512x512xf64>
    %v2 = "stablehlo.slice"(%v1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 511, 511>, strides = array<i64: 1, 1>} : (tensor<512x512xf64>) -> tensor<511x511xf64>
    %v3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v4 = "stablehlo.pad"(%v2, %v3) {edge_padding_low = array<i64: 1, 1>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 0>} : (tensor<511x511xf64>, tensor<f64>) -> tensor<512x512xf64>
    %v5 = stablehlo.constant dense<-1.0e0> : tensor<f64>
    %v6 = "stablehlo.broadcast_in_dim"(%v5) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v7 = "stablehlo.multiply"(%v4, %v6) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v8 = "stablehlo.slice"(%v1) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 511, 512>, strides = array<i64: 1, 1>} : (tensor<512x512xf64>) -> tensor<511x511xf64>
    %v9 = "stablehlo.pad"(%v8, %v3) {edge_padding_low = array<i64: 1, 0>, edge_padding_high = array<i64: 0, 1>, interior_padding = array<i64: 0, 0>} : (tensor<511x511xf64>, tensor<f64>) -> tensor<512x512xf64>
    %v10 = stablehlo.constant dense<1.0e0> : tensor<f64>
    %v11 = "stablehlo.broadcast_in_dim"(%v10) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v12 = "stablehlo.multiply"(%v9, %v11) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v13 = "stablehlo.add"(%v7, %v12) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v14 = "stablehlo.slice"(%v1) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 512, 511>, strides = array<i64: 1, 1>} : (tensor<512x512xf64>) -> tensor<512x511xf64>
    %v15 = "stablehlo.pad"(%v14, %v3) {edge_padding_low = array<i64: 0, 1>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 0>} : (tensor<512x511xf64>, tensor<f64>) -> tensor<512x512xf64>
    %v16 = stablehlo.constant dense<-2.0e0> : tensor<f64>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v18 = "stablehlo.multiply"(%v15, %v17) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v19 = "stablehlo.add"(%v13, %v18) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v20 = "stablehlo.slice"(%v1) {start_indices = array<i64: 0, 1>, limit_indices = array<i64: 512, 512>, strides = array<i64: 1, 1>} : (tensor<512x512xf64>) -> tensor<512x511xf64>
    %v21 = "stablehlo.pad"(%v20, %v3) {edge_padding_low = array<i64: 0, 0>, edge_padding_high = array<i64: 0, 1>, interior_padding = array<i64: 0, 0>} : (tensor<512x511xf64>, tensor<f64>) -> tensor<512x512xf64>
    %v22 = stablehlo.constant dense<2.0e0> : tensor<f64>
    %v23 = "stablehlo.broadcast_in_dim"(%v22) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<512x512xf64>
    %v24 = "stablehlo.multiply"(%v21, %v23) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v25 = "stablehlo.add"(%v19, %v24) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v26 = "stablehlo.slice"(%v1) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 512, 511>, strides = array<i64: 1, 1>} : (tensor<512x512xf64>) -> tensor<511x511xf64>
    %v27 = "stablehlo.pad"(%v26, %v3) {edge_padding_low = array<i64: 0, 1>, edge_padding_high = array<i64: 1, 0>, interior_padding = array<i64: 0, 0>} : (tensor<511x511xf64>, tensor<f64>) -> tensor<512x512xf64>
    %v28 = "stablehlo.multiply"(%v27, %v6) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v29 = "stablehlo.add"(%v25, %v28) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v30 = "stablehlo.slice"(%v1) {start_indices = array<i64: 1, 1>, limit_indices = array<i64: 512, 512>, strides = array<i64: 1, 1>} : (tensor<512x512xf64>) -> tensor<511x511xf64>
    %v31 = "stablehlo.pad"(%v30, %v3) {edge_padding_low = array<i64: 0, 0>, edge_padding_high = array<i64: 1, 1>, interior_padding = array<i64: 0, 0>} : (tensor<511x511xf64>, tensor<f64>) -> tensor<512x512xf64>
    %v32 = "stablehlo.multiply"(%v31, %v11) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v33 = "stablehlo.add"(%v29, %v32) : (tensor<512x512xf64>, tensor<512x512xf64>) -> tensor<512x512xf64>
    %v34 = "stablehlo.convert"(%v33) : (tensor<512x512xf64>) -> tensor<512x512xf32>
    %v35 = "stablehlo.abs"(%v34) : (tensor<512x512xf32>) -> tensor<512x512xf32>
    "func.return"(%v35) : (tensor<512x512xf32>) -> ()
  }
}
