// pairwise_corrcoef: (c64[8,64,64]) -> (c64[28], i64[28,2])
// fingerprint 907e780a25231361b6ec0629ba19552d2425a40f1df2927e172702602c173d11
module @pairwise_corrcoef {
  func.func public @main(%arg0: tensor<8x64x64xcomplex<f32>>) -> (tensor<28xcomplex<f32>>, tensor<28x2xi64>) {
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
    %t3 = "stablehlo.real"(%v22) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t4 = "stablehlo.imag"(%v22) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %t5 = "stablehlo.negate"(%t4) : (tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v23 = "stablehlo.complex"(%t3, %t5) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xcomplex<f32>>
    %v24 = "stablehlo.dot_general"(%v22, %v23) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v25 = stablehlo.constant dense<(4.095e3, 0.0e0)> : tensor<complex<f32>>
    %v26 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64>} : (tensor<complex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v27 = "stablehlo.divide"(%v24, %v26) : (tensor<8x8xcomplex<f32>>, tensor<8x8xcomplex<f32>>) -> tensor<8x8xcomplex<f32>>
    %v28 = "stablehlo.real"(%v27) : (tensor<8x8xcomplex<f32>>) -> tensor<8x8xf32>
    %v29 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v30 = "stablehlo.broadcast_in_dim"(%v29) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8xf32>
    %v31 = "stablehlo.maximum"(%v28, %v30) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v32 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v33 = "stablehlo.broadcast_in_dim"(%v32) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<8x8xf32>
    %v34 = "stablehlo.minimum"(%v31, %v33) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v35 = "stablehlo.imag"(%v27) : (tensor<8x8xcomplex<f32>>) -> tensor<8x8xf32>
    %v36 = "stablehlo.maximum"(%v35, %v30) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v37 = "stablehlo.minimum"(%v36, %v33) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
    %v38 = "stablehlo.complex"(%v34, %v37) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xcomplex<f32>>
    %v39 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<8x8xi64>
    %v40 = "stablehlo.reshape"(%v39) : (tensor<8x8xi64>) -> tensor<1x8x8xi64>
    %v41 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<8x8xi64>
    %v42 = "stablehlo.reshape"(%v41) : (tensor<8x8xi64>) -> tensor<1x8x8xi64>
    %v43 = "stablehlo.concatenate"(%v40, %v42) {dimension = 0 : i64} : (tensor<1x8x8xi64>, tensor<1x8x8xi64>) -> tensor<2x8x8xi64>
    %v44 = "stablehlo.slice"(%v38) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 2, 1>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x1xcomplex<f32>>
    %v45 = "stablehlo.slice"(%v38) {start_indices = array<i64: 2, 0>, limit_indices = array<i64: 3, 2>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x2xcomplex<f32>>
    %v46 = "stablehlo.slice"(%v38) {start_indices = array<i64: 3, 0>, limit_indices = array<i64: 4, 3>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x3xcomplex<f32>>
    %v47 = "stablehlo.slice"(%v38) {start_indices = array<i64: 4, 0>, limit_indices = array<i64: 5, 4>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x4xcomplex<f32>>
    %v48 = "stablehlo.slice"(%v38) {start_indices = array<i64: 5, 0>, limit_indices = array<i64: 6, 5>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x5xcomplex<f32>>
    %v49 = "stablehlo.slice"(%v38) {start_indices = array<i64: 6, 0>, limit_indices = array<i64: 7, 6>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x6xcomplex<f32>>
    %v50 = "stablehlo.slice"(%v38) {start_indices = array<i64: 7, 0>, limit_indices = array<i64: 8, 7>, strides = array<i64: 1, 1>} : (tensor<8x8xcomplex<f32>>) -> tensor<1x7xcomplex<f32>>
    %v51 = "stablehlo.concatenate"(%v44, %v45, %v46, %v47, %v48, %v49, %v50) {dimension = 1 : i64} : (tensor<1x1xcomplex<f32>>, tensor<1x2xcomplex<f32>>, tensor<1x3xcomplex<f32>>, tensor<1x4xcomplex<f32>>, tensor<1x5xcomplex<f32>>, tensor<1x6xcomplex<f32>>, tensor<1x7xcomplex<f32>>) -> tensor<1x28xcomplex<f32>>
    %v52 = "stablehlo.reshape"(%v51) : (tensor<1x28xcomplex<f32>>) -> tensor<28xcomplex<f32>>
    %v53 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 1, 0>, limit_indices = array<i64: 2, 2, 1>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x1xi64>
    %v54 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 2, 0>, limit_indices = array<i64: 2, 3, 2>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x2xi64>
    %v55 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 3, 0>, limit_indices = array<i64: 2, 4, 3>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x3xi64>
    %v56 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 4, 0>, limit_indices = array<i64: 2, 5, 4>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x4xi64>
    %v57 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 5, 0>, limit_indices = array<i64: 2, 6, 5>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x5xi64>
    %v58 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 6, 0>, limit_indices = array<i64: 2, 7, 6>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x6xi64>
    %v59 = "stablehlo.slice"(%v43) {start_indices = array<i64: 0, 7, 0>, limit_indices = array<i64: 2, 8, 7>, strides = array<i64: 1, 1, 1>} : (tensor<2x8x8xi64>) -> tensor<2x1x7xi64>
    %v60 = "stablehlo.concatenate"(%v53, %v54, %v55, %v56, %v57, %v58, %v59) {dimension = 2 : i64} : (tensor<2x1x1xi64>, tensor<2x1x2xi64>, tensor<2x1x3xi64>, tensor<2x1x4xi64>, tensor<2x1x5xi64>, tensor<2x1x6xi64>, tensor<2x1x7xi64>) -> tensor<2x1x28xi64>
    %v61 = "stablehlo.reshape"(%v60) : (tensor<2x1x28xi64>) -> tensor<2x28xi64>
    %v62 = "stablehlo.transpose"(%v61) {permutation = array<i64: 1, 0>} : (tensor<2x28xi64>) -> tensor<28x2xi64>
    "func.return"(%v52, %v62) : (tensor<28xcomplex<f32>>, tensor<28x2xi64>) -> ()
  }
}
