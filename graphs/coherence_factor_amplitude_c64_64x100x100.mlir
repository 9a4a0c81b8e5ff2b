// coherence_factor: (c64[64,100,100]) -> (f32[100,100])
// fingerprint e481036535d90263ac500ff3070f17f95eb75d8c718768fa04ad61b0323d6a2e
module @coherence_factor {
  func.func public @main(%arg0: tensor<64x100x100xcomplex<f32>>) -> (tensor<100x100xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v2 = "stablehlo.imag"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v3 = "stablehlo.abs"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v4:3 = "stablehlo.reduce"(%v1, %v2, %v3, %t1, %t2, %t3) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<f32>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.add"(%a2, %b2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>)
    %v5 = "stablehlo.multiply"(%v4#0, %v4#0) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v6 = "stablehlo.multiply"(%v4#1, %v4#1) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v7 = "stablehlo.add"(%v5, %v6) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v8 = "stablehlo.sqrt"(%v7) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v9 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v10 = "stablehlo.broadcast_in_dim"(%v9) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v11 = "stablehlo.compare"(%v4#2, %v10) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xi1>
    %v12 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v13 = "stablehlo.broadcast_in_dim"(%v12) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v14 = "stablehlo.select"(%v11, %v4#2, %v13) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v15 = "stablehlo.divide"(%v8, %v14) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v16 = "stablehlo.select"(%v11, %v15, %v10) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    "func.return"(%v16) : (tensor<100x100xf32>) -> ()
  }
}
