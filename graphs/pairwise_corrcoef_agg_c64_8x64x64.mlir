// pairwise_corrcoef_agg: (c64[8,64,64]) -> (f32[])
// fingerprint 1283fa09c7431a6d1416cedb7c6d5cd84388815ddde3d798dfeea5e57bb13389
module @pairwise_corrcoef_agg {
  func.func public @main(%arg0: tensor<8x64x64xcomplex<f32>>) -> (tensor<f32>) {
    %v1 = "stablehlo.reshape"(%arg0) : (tensor<8x64x64xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %t1 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v2 = "stablehlo.reduce"(%v1, %t1) ({
    ^bb0(%a0: tensor<complex<f32>>, %b0: tensor<complex<f32>>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<complex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
      "stablehlo.return"(%r0) : (tensor<complex<f32>>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xcomplex<f32>>, tensor<complex<f32>>) -> tensor<8xcomplex<f32>>
    %v3 = stablehlo.constant dense<(4.096e3, 0.0e0)> : tensor<complex<f32>>
    %v4 = "stablehlo.broadcast_in_dim"(%v3) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8xcomplex<f32>>
    %v5 = "stablehlo.divide"(%v2, %v4) : (tensor<8xcomplex<f32>>, tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>>
    %v6 = "stablehlo.reshape"(%v5) : (tensor<8xcomplex<f32>>) -> tensor<8x1xcomplex<f32>>
    %v7 = "stablehlo.broadcast_in_dim"(%v6) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v8 = "stablehlo.subtract"(%v1, %v7) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v9 = "stablehlo.real"(%v8) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v10 = "stablehlo.imag"(%v8) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v11 = "stablehlo.multiply"(%v9, %v9) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v12 = "stablehlo.multiply"(%v10, %v10) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v13 = "stablehlo.add"(%v11, %v12) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v14 = "stablehlo.reduce"(%v13, %t2) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf32>, tensor<f32>) -> tensor<8xf32>
    %v15 = stablehlo.constant dense<4.095e3> : tensor<f32>
    %v16 = "stablehlo.broadcast_in_dim"(%v15) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8xf32>
    %v17 = "stablehlo.divide"(%v14, %v16) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
    %v18 = "stablehlo.sqrt"(%v17) : (tensor<8xf32>) -> tensor<8xf32>
    %v19 = "stablehlo.reshape"(%v18) : (tensor<8xf32>) -> tensor<8x1xf32>
    %v20 = "stablehlo.convert"(%v19) : (tensor<8x1xf32>) -> tensor<8x1xcomplex<f32>>
    %v21 = "stablehlo.broadcast_in_dim"(%v20) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v22 = "stablehlo.divide"(%v8, %v21) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %t3 = stablehlo.constant dense<(0.0e0, 0.0e0)> : tensor<complex<f32>>
    %v23 = "stablehlo.reduce"(%v22, %t3) ({
    ^bb0(%a0: tensor<complex<f32>>, %b0: tensor<complex<f32>>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<complex<f32>>, tensor<complex<f32>>) -> tensor<complex<f32>>
      "stablehlo.return"(%r0) : (tensor<complex<f32>>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x4096xcomplex<f32>>, tensor<complex<f32>>) -> tensor<4096xcomplex<f32>>
    %v24 = "stablehlo.real"(%v23) : (tensor<4096xcomplex<f32>>) -> tensor<4096xf32>
    %v25 = "stablehlo.imag"(%v23) : (tensor<4096xcomplex<f32>>) -> tensor<4096xf32>
    %v26 = "stablehlo.multiply"(%v24, %v24) : (tensor<4096xf32>, tensor<4096xf32>) -> tensor<4096xf32>
    %v27 = "stablehlo.multiply"(%v25, %v25) : (tensor<4096xf32>, tensor<4096xf32>) -> tensor<4096xf32>
    %v28 = "stablehlo.add"(%v26, %v27) : (tensor<4096xf32>, tensor<4096xf32>) -> tensor<4096xf32>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v29 = "stablehlo.reduce"(%v28, %t4) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<4096xf32>, tensor<f32>) -> tensor<f32>
    %v30 = "stablehlo.real"(%v22) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v31 = "stablehlo.imag"(%v22) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v32 = "stablehlo.multiply"(%v30, %v30) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v33 = "stablehlo.multiply"(%v31, %v31) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v34 = "stablehlo.add"(%v32, %v33) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %t5 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v35 = "stablehlo.reduce"(%v34, %t5) ({
    ^bb0(%a0: tensor<f32>, %b0: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0) : (tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<8x4096xf32>, tensor<f32>) -> tensor<f32>
    %v36 = "stablehlo.subtract"(%v29, %v35) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v37 = stablehlo.constant dense<2.2932e5> : tensor<f32>
    %v38 = "stablehlo.divide"(%v36, %v37) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v39 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v40 = "stablehlo.maximum"(%v38, %v39) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v41 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v42 = "stablehlo.minimum"(%v40, %v41) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v42) : (tensor<f32>) -> ()
  }
}
