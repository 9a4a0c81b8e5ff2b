// tsnr: (c64[64,64,32]) -> (f32[64,64])
// fingerprint 8aef5888836cc536341c1e0379a072bf13b9d92d6511cee2dcbbec76191f3be8
module @tsnr {
  func.func public @main(%arg0: tensor<64x64x32xcomplex<f32>>) -> (tensor<64x64xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xf32>
    %v2 = "stablehlo.reshape"(%v1) : (tensor<64x64x32xf32>) -> tensor<1x64x64x32xf32>
    %v3 = "stablehlo.imag"(%arg0) : (tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xf32>
    %v4 = "stablehlo.reshape"(%v3) : (tensor<64x64x32xf32>) -> tensor<1x64x64x32xf32>
    %v5 = "stablehlo.concatenate"(%v2, %v4) {dimension = 0 : i64} : (tensor<1x64x64x32xf32>, tensor<1x64x64x32xf32>) -> tensor<2x64x64x32xf32>
    %v6 = "stablehlo.slice"(%v5) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 2, 64, 64, 32>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x64x64x32xf32>) -> tensor<2x64x64x32xf32>
    %v7 = "stablehlo.reshape"(%v6) : (tensor<2x64x64x32xf32>) -> tensor<2x64x64x8x4xf32>
    %v8 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 0, 0>, limit_indices = array<i64: 2, 64, 64, 1, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v9 = "stablehlo.reshape"(%v8) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v10 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 1, 0>, limit_indices = array<i64: 2, 64, 64, 2, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v11 = "stablehlo.reshape"(%v10) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v12 = "stablehlo.add"(%v9, %v11) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v13 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 2, 0>, limit_indices = array<i64: 2, 64, 64, 3, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v14 = "stablehlo.reshape"(%v13) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v15 = "stablehlo.add"(%v12, %v14) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v16 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 3, 0>, limit_indices = array<i64: 2, 64, 64, 4, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v17 = "stablehlo.reshape"(%v16) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v18 = "stablehlo.add"(%v15, %v17) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v19 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 4, 0>, limit_indices = array<i64: 2, 64, 64, 5, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v20 = "stablehlo.reshape"(%v19) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v21 = "stablehlo.add"(%v18, %v20) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v22 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 5, 0>, limit_indices = array<i64: 2, 64, 64, 6, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v23 = "stablehlo.reshape"(%v22) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v24 = "stablehlo.add"(%v21, %v23) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v25 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 6, 0>, limit_indices = array<i64: 2, 64, 64, 7, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v26 = "stablehlo.reshape"(%v25) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v27 = "stablehlo.add"(%v24, %v26) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v28 = "stablehlo.slice"(%v7) {start_indices = array<i64: 0, 0, 0, 7, 0>, limit_indices = array<i64: 2, 64, 64, 8, 4>, strides = array<i64: 1, 1, 1, 1, 1>} : (tensor<2x64x64x8x4xf32>) -> tensor<2x64x64x1x4xf32>
    %v29 = "stablehlo.reshape"(%v28) : (tensor<2x64x64x1x4xf32>) -> tensor<2x64x64x4xf32>
    %v30 = "stablehlo.add"(%v27, %v29) : (tensor<2x64x64x4xf32>, tensor<2x64x64x4xf32>) -> tensor<2x64x64x4xf32>
    %v31 = "stablehlo.slice"(%v30) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 2, 64, 64, 1>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x64x64x4xf32>) -> tensor<2x64x64x1xf32>
    %v32 = "stablehlo.reshape"(%v31) : (tensor<2x64x64x1xf32>) -> tensor<2x64x64xf32>
    %v33 = "stablehlo.slice"(%v30) {start_indices = array<i64: 0, 0, 0, 1>, limit_indices = array<i64: 2, 64, 64, 2>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x64x64x4xf32>) -> tensor<2x64x64x1xf32>
    %v34 = "stablehlo.reshape"(%v33) : (tensor<2x64x64x1xf32>) -> tensor<2x64x64xf32>
    %v35 = "stablehlo.add"(%v32, %v34) : (tensor<2x64x64xf32>, tensor<2x64x64xf32>) -> tensor<2x64x64xf32>
    %v36 = "stablehlo.slice"(%v30) {start_indices = array<i64: 0, 0, 0, 2>, limit_indices = array<i64: 2, 64, 64, 3>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x64x64x4xf32>) -> tensor<2x64x64x1xf32>
    %v37 = "stablehlo.reshape"(%v36) : (tensor<2x64x64x1xf32>) -> tensor<2x64x64xf32>
    %v38 = "stablehlo.slice"(%v30) {start_indices = array<i64: 0, 0, 0, 3>, limit_indices = array<i64: 2, 64, 64, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<2x64x64x4xf32>) -> tensor<2x64x64x1xf32>
    %v39 = "stablehlo.reshape"(%v38) : (tensor<2x64x64x1xf32>) -> tensor<2x64x64xf32>
    %v40 = "stablehlo.add"(%v37, %v39) : (tensor<2x64x64xf32>, tensor<2x64x64xf32>) -> tensor<2x64x64xf32>
    %v41 = "stablehlo.add"(%v35, %v40) : (tensor<2x64x64xf32>, tensor<2x64x64xf32>) -> tensor<2x64x64xf32>
    %v42 = "stablehlo.slice"(%v41) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 1, 64, 64>, strides = array<i64: 1, 1, 1>} : (tensor<2x64x64xf32>) -> tensor<1x64x64xf32>
    %v43 = "stablehlo.reshape"(%v42) : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
    %v44 = "stablehlo.convert"(%v43) : (tensor<64x64xf32>) -> tensor<64x64xf64>
    %v45 = stablehlo.constant dense<3.125e-2> : tensor<f64>
    %v46 = "stablehlo.broadcast_in_dim"(%v45) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x64xf64>
    %v47 = "stablehlo.multiply"(%v44, %v46) : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v48 = "stablehlo.convert"(%v47) : (tensor<64x64xf64>) -> tensor<64x64xf32>
    %v49 = "stablehlo.slice"(%v41) {start_indices = array<i64: 1, 0, 0>, limit_indices = array<i64: 2, 64, 64>, strides = array<i64: 1, 1, 1>} : (tensor<2x64x64xf32>) -> tensor<1x64x64xf32>
    %v50 = "stablehlo.reshape"(%v49) : (tensor<1x64x64xf32>) -> tensor<64x64xf32>
    %v51 = "stablehlo.convert"(%v50) : (tensor<64x64xf32>) -> tensor<64x64xf64>
    %v52 = "stablehlo.multiply"(%v51, %v46) : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v53 = "stablehlo.convert"(%v52) : (tensor<64x64xf64>) -> tensor<64x64xf32>
    %v54 = "stablehlo.complex"(%v48, %v53) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xcomplex<f32>>
    %v55 = "stablehlo.reshape"(%v54) : (tensor<64x64xcomplex<f32>>) -> tensor<64x64x1xcomplex<f32>>
    %v56 = "stablehlo.broadcast_in_dim"(%v55) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<64x64x1xcomplex<f32>>) -> tensor<64x64x32xcomplex<f32>>
    %v57 = "stablehlo.subtract"(%arg0, %v56) : (tensor<64x64x32xcomplex<f32>>, tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xcomplex<f32>>
    %v58 = "stablehlo.abs"(%v54) : (tensor<64x64xcomplex<f32>>) -> tensor<64x64xf32>
    %v59 = "stablehlo.multiply"(%v58, %v58) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v60 = "stablehlo.abs"(%v57) : (tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xf32>
    %v61 = "stablehlo.multiply"(%v60, %v60) : (tensor<64x64x32xf32>, tensor<64x64x32xf32>) -> tensor<64x64x32xf32>
    %v62 = "stablehlo.slice"(%v61) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 32>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x32xf32>) -> tensor<64x64x32xf32>
    %v63 = "stablehlo.reshape"(%v62) : (tensor<64x64x32xf32>) -> tensor<64x64x4x8xf32>
    %v64 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 64, 64, 1, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v65 = "stablehlo.reshape"(%v64) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v66 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 64, 64, 2, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v67 = "stablehlo.reshape"(%v66) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v68 = "stablehlo.add"(%v65, %v67) : (tensor<64x64x8xf32>, tensor<64x64x8xf32>) -> tensor<64x64x8xf32>
    %v69 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 64, 64, 3, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v70 = "stablehlo.reshape"(%v69) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v71 = "stablehlo.add"(%v68, %v70) : (tensor<64x64x8xf32>, tensor<64x64x8xf32>) -> tensor<64x64x8xf32>
    %v72 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 3, 0>, limit_indices = array<i64: 64, 64, 4, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v73 = "stablehlo.reshape"(%v72) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v74 = "stablehlo.add"(%v71, %v73) : (tensor<64x64x8xf32>, tensor<64x64x8xf32>) -> tensor<64x64x8xf32>
    %v75 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 1>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v76 = "stablehlo.reshape"(%v75) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v77 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 1>, limit_indices = array<i64: 64, 64, 2>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v78 = "stablehlo.reshape"(%v77) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v79 = "stablehlo.add"(%v76, %v78) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v80 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 2>, limit_indices = array<i64: 64, 64, 3>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v81 = "stablehlo.reshape"(%v80) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v82 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 3>, limit_indices = array<i64: 64, 64, 4>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v83 = "stablehlo.reshape"(%v82) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v84 = "stablehlo.add"(%v81, %v83) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v85 = "stablehlo.add"(%v79, %v84) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v86 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 4>, limit_indices = array<i64: 64, 64, 5>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v87 = "stablehlo.reshape"(%v86) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v88 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 5>, limit_indices = array<i64: 64, 64, 6>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v89 = "stablehlo.reshape"(%v88) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v90 = "stablehlo.add"(%v87, %v89) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v91 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 6>, limit_indices = array<i64: 64, 64, 7>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v92 = "stablehlo.reshape"(%v91) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v93 = "stablehlo.slice"(%v74) {start_indices = array<i64: 0, 0, 7>, limit_indices = array<i64: 64, 64, 8>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v94 = "stablehlo.reshape"(%v93) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v95 = "stablehlo.add"(%v92, %v94) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v96 = "stablehlo.add"(%v90, %v95) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v97 = "stablehlo.add"(%v85, %v96) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v98 = "stablehlo.convert"(%v97) : (tensor<64x64xf32>) -> tensor<64x64xf64>
    %v99 = "stablehlo.compare"(%v98, %v98) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xi1>
    %v100 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v101 = stablehlo.constant dense<3.2e1> : tensor<f64>
    %v102 = "stablehlo.broadcast_in_dim"(%v100) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x64xf64>
    %v103 = "stablehlo.broadcast_in_dim"(%v101) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x64xf64>
    %v104 = "stablehlo.select"(%v99, %v102, %v103) : (tensor<64x64xi1>, tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v105 = "stablehlo.divide"(%v98, %v104) : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v106 = "stablehlo.convert"(%v105) : (tensor<64x64xf64>) -> tensor<64x64xf32>
    %v107 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v108 = "stablehlo.broadcast_in_dim"(%v107) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x64xf32>
    %v109 = "stablehlo.compare"(%v106, %v108) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xi1>
    %v110 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %v111 = "stablehlo.divide"(%v59, %v106) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v112 = "stablehlo.broadcast_in_dim"(%v110) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x64xf32>
    %v113 = "stablehlo.select"(%v109, %v112, %v111) : (tensor<64x64xi1>, tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    "func.return"(%v113) : (tensor<64x64xf32>) -> ()
  }
}
