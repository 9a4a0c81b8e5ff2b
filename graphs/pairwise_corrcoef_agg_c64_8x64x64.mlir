// pairwise_corrcoef_agg: (c64[8,64,64]) -> (f32[])
// fingerprint 156cc6e24e8382a43a17f13cb762c4392f6f3aafbc343bcd5c1c2bc486d4b52c
module @pairwise_corrcoef_agg {
  func.func public @main(%arg0: tensor<8x64x64xcomplex<f32>>) -> (tensor<f32>) {
    %v1 = "stablehlo.reshape"(%arg0) : (tensor<8x64x64xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v2 = "stablehlo.real"(%v1) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v3 = "stablehlo.imag"(%v1) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v4 = "stablehlo.convert"(%v2) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %v5 = "stablehlo.convert"(%v3) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v6:2 = "stablehlo.reduce"(%v4, %v5, %t1, %t2) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf64>, tensor<8x4096xf64>, tensor<f64>, tensor<f64>) -> (tensor<8xf64>, tensor<8xf64>)
    %v7 = stablehlo.constant dense<4.096e3> : tensor<f64>
    %v8 = "stablehlo.broadcast_in_dim"(%v7) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v9 = "stablehlo.divide"(%v6#0, %v8) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v10 = "stablehlo.convert"(%v9) : (tensor<8xf64>) -> tensor<8xf32>
    %v11 = "stablehlo.divide"(%v6#1, %v8) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v12 = "stablehlo.convert"(%v11) : (tensor<8xf64>) -> tensor<8xf32>
    %v13 = "stablehlo.complex"(%v10, %v12) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xcomplex<f32>>
    %v14 = "stablehlo.reshape"(%v13) : (tensor<8xcomplex<f32>>) -> tensor<8x1xcomplex<f32>>
    %v15 = "stablehlo.broadcast_in_dim"(%v14) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v16 = "stablehlo.subtract"(%v1, %v15) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v17 = "stablehlo.real"(%v16) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v18 = "stablehlo.imag"(%v16) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v19 = "stablehlo.multiply"(%v17, %v17) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v20 = "stablehlo.multiply"(%v18, %v18) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v21 = "stablehlo.add"(%v19, %v20) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v22 = "stablehlo.convert"(%v21) : (tensor<8x4096xf32>) -> tensor<8x4096xf64>
    %v23 = "stablehlo.compare"(%v22, %v22) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<8x4096xf64>, tensor<8x4096xf64>) -> tensor<8x4096xi1>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t4 = stablehlo.constant dense<false> : tensor<i1>
    %v24:2 = "stablehlo.reduce"(%v22, %v23, %t3, %t4) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<i1>, %b0: tensor<f64>, %b1: tensor<i1>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 1>} : (tensor<8x4096xf64>, tensor<8x4096xi1>, tensor<f64>, tensor<i1>) -> (tensor<8xf64>, tensor<8xi1>)
    %v25 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v26 = "stablehlo.broadcast_in_dim"(%v25) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v27 = "stablehlo.select"(%v24#1, %v26, %v24#0) : (tensor<8xi1>, tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v28 = stablehlo.constant dense<4.095e3> : tensor<f64>
    %v29 = "stablehlo.broadcast_in_dim"(%v28) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<8xf64>
    %v30 = "stablehlo.divide"(%v27, %v29) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
    %v31 = "stablehlo.sqrt"(%v30) : (tensor<8xf64>) -> tensor<8xf64>
    %v32 = "stablehlo.convert"(%v31) : (tensor<8xf64>) -> tensor<8xf32>
    %v33 = "stablehlo.reshape"(%v32) : (tensor<8xf32>) -> tensor<8x1xf32>
    %v34 = "stablehlo.convert"(%v33) : (tensor<8x1xf32>) -> tensor<8x1xcomplex<f32>>
    %v35 = "stablehlo.broadcast_in_dim"(%v34) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<8x1xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v36 = "stablehlo.divide"(%v16, %v35) : (tensor<8x4096xcomplex<f32>>, tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xcomplex<f32>>
    %v37 = "stablehlo.real"(%v36) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v38 = "stablehlo.imag"(%v36) : (tensor<8x4096xcomplex<f32>>) -> tensor<8x4096xf32>
    %v39 = "stablehlo.multiply"(%v37, %v37) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v40 = "stablehlo.multiply"(%v38, %v38) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %v41 = "stablehlo.add"(%v39, %v40) : (tensor<8x4096xf32>, tensor<8x4096xf32>) -> tensor<8x4096xf32>
    %t5 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t6 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t7 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v42:3 = "stablehlo.reduce"(%v37, %v38, %v41, %t5, %t6, %t7) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<f32>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.add"(%a2, %b2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0, %r1, %r2) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<8x4096xf32>, tensor<8x4096xf32>, tensor<8x4096xf32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<4096xf32>, tensor<4096xf32>, tensor<4096xf32>)
    %v43 = "stablehlo.multiply"(%v42#0, %v42#0) : (tensor<4096xf32>, tensor<4096xf32>) -> tensor<4096xf32>
    %v44 = "stablehlo.multiply"(%v42#1, %v42#1) : (tensor<4096xf32>, tensor<4096xf32>) -> tensor<4096xf32>
    %v45 = "stablehlo.add"(%v43, %v44) : (tensor<4096xf32>, tensor<4096xf32>) -> tensor<4096xf32>
    %v46 = "stablehlo.convert"(%v45) : (tensor<4096xf32>) -> tensor<4096xf64>
    %v47 = "stablehlo.convert"(%v42#2) : (tensor<4096xf32>) -> tensor<4096xf64>
    %t8 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t9 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v48:2 = "stablehlo.reduce"(%v46, %v47, %t8, %t9) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<4096xf64>, tensor<4096xf64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
    %v49 = "stablehlo.subtract"(%v48#0, %v48#1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v50 = stablehlo.constant dense<2.2932e5> : tensor<f64>
    %v51 = "stablehlo.divide"(%v49, %v50) : (tensor<f64>, tensor<f64>) -> tensor<f64>
    %v52 = "stablehlo.convert"(%v51) : (tensor<f64>) -> tensor<f32>
    %v53 = stablehlo.constant dense<-1.0e0> : tensor<f32>
    %v54 = "stablehlo.maximum"(%v52, %v53) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v55 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v56 = "stablehlo.minimum"(%v54, %v55) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v56) : (tensor<f32>) -> ()
  }
}
