// coherence_factor: (c64[16,64,100,100]) -> (f32[16,100,100])
// fingerprint 461b2269978f92963b1fc008627dd82b5746b6fb3fb84ad89bace3469f08d603
module @coherence_factor {
  func.func public @main(%arg0: tensor<16x64x100x100xcomplex<f32>>) -> (tensor<16x100x100xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<16x64x100x100xcomplex<f32>>) -> tensor<16x64x100x100xf32>
    %v2 = "stablehlo.imag"(%arg0) : (tensor<16x64x100x100xcomplex<f32>>) -> tensor<16x64x100x100xf32>
    %v3 = "stablehlo.multiply"(%v1, %v1) : (tensor<16x64x100x100xf32>, tensor<16x64x100x100xf32>) -> tensor<16x64x100x100xf32>
    %v4 = "stablehlo.multiply"(%v2, %v2) : (tensor<16x64x100x100xf32>, tensor<16x64x100x100xf32>) -> tensor<16x64x100x100xf32>
    %v5 = "stablehlo.add"(%v3, %v4) : (tensor<16x64x100x100xf32>, tensor<16x64x100x100xf32>) -> tensor<16x64x100x100xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v6:3 = "stablehlo.reduce"(%v1, %v2, %v5, %t1, %t2, %t3) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<f32>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.add"(%a2, %b2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<16x64x100x100xf32>, tensor<16x64x100x100xf32>, tensor<16x64x100x100xf32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<16x100x100xf32>, tensor<16x100x100xf32>, tensor<16x100x100xf32>)
    %v7 = "stablehlo.multiply"(%v6#0, %v6#0) : (tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    %v8 = "stablehlo.multiply"(%v6#1, %v6#1) : (tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    %v9 = "stablehlo.add"(%v7, %v8) : (tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    %v10 = stablehlo.constant dense<6.4e1> : tensor<f32>
    %v11 = "stablehlo.broadcast_in_dim"(%v10) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x100x100xf32>
    %v12 = "stablehlo.multiply"(%v6#2, %v11) : (tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    %v13 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v14 = "stablehlo.broadcast_in_dim"(%v13) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x100x100xf32>
    %v15 = "stablehlo.compare"(%v12, %v14) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xi1>
    %v16 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v17 = "stablehlo.broadcast_in_dim"(%v16) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<16x100x100xf32>
    %v18 = "stablehlo.select"(%v15, %v12, %v17) : (tensor<16x100x100xi1>, tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    %v19 = "stablehlo.divide"(%v9, %v18) : (tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    %v20 = "stablehlo.select"(%v15, %v19, %v14) : (tensor<16x100x100xi1>, tensor<16x100x100xf32>, tensor<16x100x100xf32>) -> tensor<16x100x100xf32>
    "func.return"(%v20) : (tensor<16x100x100xf32>) -> ()
  }
}
