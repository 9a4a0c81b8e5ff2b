// tsnr: (c64[64,64,32]) -> (f32[64,64])
// fingerprint fd25155fcbf450e1126dfddaf079b6c8f58f852fce026ccb868fb13f6316ae6a
module @tsnr {
  func.func public @main(%arg0: tensor<64x64x32xcomplex<f32>>) -> (tensor<64x64xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xf32>
    %v2 = "stablehlo.imag"(%arg0) : (tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xf32>
    %v3 = "stablehlo.slice"(%v1) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 32>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x32xf32>) -> tensor<64x64x32xf32>
    %v4 = "stablehlo.reshape"(%v3) : (tensor<64x64x32xf32>) -> tensor<64x64x8x4xf32>
    %v5 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 64, 64, 1, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v6 = "stablehlo.reshape"(%v5) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v7 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 64, 64, 2, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v8 = "stablehlo.reshape"(%v7) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v9 = "stablehlo.add"(%v6, %v8) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v10 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 64, 64, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v11 = "stablehlo.reshape"(%v10) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v12 = "stablehlo.add"(%v9, %v11) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v13 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 3, 0>, limit_indices = array<i64: 64, 64, 4, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v14 = "stablehlo.reshape"(%v13) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v15 = "stablehlo.add"(%v12, %v14) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v16 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 4, 0>, limit_indices = array<i64: 64, 64, 5, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v17 = "stablehlo.reshape"(%v16) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v18 = "stablehlo.add"(%v15, %v17) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v19 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 5, 0>, limit_indices = array<i64: 64, 64, 6, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v20 = "stablehlo.reshape"(%v19) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v21 = "stablehlo.add"(%v18, %v20) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v22 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 6, 0>, limit_indices = array<i64: 64, 64, 7, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v23 = "stablehlo.reshape"(%v22) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v24 = "stablehlo.add"(%v21, %v23) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v25 = "stablehlo.slice"(%v4) {start_indices = array<i64: 0, 0, 7, 0>, limit_indices = array<i64: 64, 64, 8, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v26 = "stablehlo.reshape"(%v25) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v27 = "stablehlo.add"(%v24, %v26) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v28 = "stablehlo.slice"(%v27) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 1>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v29 = "stablehlo.reshape"(%v28) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v30 = "stablehlo.slice"(%v27) {start_indices = array<i64: 0, 0, 1>, limit_indices = array<i64: 64, 64, 2>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v31 = "stablehlo.reshape"(%v30) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v32 = "stablehlo.add"(%v29, %v31) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v33 = "stablehlo.slice"(%v27) {start_indices = array<i64: 0, 0, 2>, limit_indices = array<i64: 64, 64, 3>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v34 = "stablehlo.reshape"(%v33) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v35 = "stablehlo.slice"(%v27) {start_indices = array<i64: 0, 0, 3>, limit_indices = array<i64: 64, 64, 4>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v36 = "stablehlo.reshape"(%v35) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v37 = "stablehlo.add"(%v34, %v36) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v38 = "stablehlo.add"(%v32, %v37) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v39 = "stablehlo.slice"(%v2) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 32>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x32xf32>) -> tensor<64x64x32xf32>
    %v40 = "stablehlo.reshape"(%v39) : (tensor<64x64x32xf32>) -> tensor<64x64x8x4xf32>
    %v41 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 64, 64, 1, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v42 = "stablehlo.reshape"(%v41) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v43 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 64, 64, 2, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v44 = "stablehlo.reshape"(%v43) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v45 = "stablehlo.add"(%v42, %v44) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v46 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 64, 64, 3, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v47 = "stablehlo.reshape"(%v46) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v48 = "stablehlo.add"(%v45, %v47) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v49 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 3, 0>, limit_indices = array<i64: 64, 64, 4, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v50 = "stablehlo.reshape"(%v49) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v51 = "stablehlo.add"(%v48, %v50) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v52 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 4, 0>, limit_indices = array<i64: 64, 64, 5, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v53 = "stablehlo.reshape"(%v52) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v54 = "stablehlo.add"(%v51, %v53) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v55 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 5, 0>, limit_indices = array<i64: 64, 64, 6, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v56 = "stablehlo.reshape"(%v55) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v57 = "stablehlo.add"(%v54, %v56) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v58 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 6, 0>, limit_indices = array<i64: 64, 64, 7, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v59 = "stablehlo.reshape"(%v58) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v60 = "stablehlo.add"(%v57, %v59) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v61 = "stablehlo.slice"(%v40) {start_indices = array<i64: 0, 0, 7, 0>, limit_indices = array<i64: 64, 64, 8, 4>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x8x4xf32>) -> tensor<64x64x1x4xf32>
    %v62 = "stablehlo.reshape"(%v61) : (tensor<64x64x1x4xf32>) -> tensor<64x64x4xf32>
    %v63 = "stablehlo.add"(%v60, %v62) : (tensor<64x64x4xf32>, tensor<64x64x4xf32>) -> tensor<64x64x4xf32>
    %v64 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 1>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v65 = "stablehlo.reshape"(%v64) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v66 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 1>, limit_indices = array<i64: 64, 64, 2>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v67 = "stablehlo.reshape"(%v66) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v68 = "stablehlo.add"(%v65, %v67) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v69 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 2>, limit_indices = array<i64: 64, 64, 3>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v70 = "stablehlo.reshape"(%v69) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v71 = "stablehlo.slice"(%v63) {start_indices = array<i64: 0, 0, 3>, limit_indices = array<i64: 64, 64, 4>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x4xf32>) -> tensor<64x64x1xf32>
    %v72 = "stablehlo.reshape"(%v71) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v73 = "stablehlo.add"(%v70, %v72) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v74 = "stablehlo.add"(%v68, %v73) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v75 = "stablehlo.convert"(%v38) : (tensor<64x64xf32>) -> tensor<64x64xf64>
    %v76 = stablehlo.constant dense<3.125e-2> : tensor<f64>
    %v77 = "stablehlo.broadcast_in_dim"(%v76) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x64xf64>
    %v78 = "stablehlo.multiply"(%v75, %v77) : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v79 = "stablehlo.convert"(%v78) : (tensor<64x64xf64>) -> tensor<64x64xf32>
    %v80 = "stablehlo.convert"(%v74) : (tensor<64x64xf32>) -> tensor<64x64xf64>
    %v81 = "stablehlo.multiply"(%v80, %v77) : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v82 = "stablehlo.convert"(%v81) : (tensor<64x64xf64>) -> tensor<64x64xf32>
    %v83 = "stablehlo.complex"(%v79, %v82) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xcomplex<f32>>
    %v84 = "stablehlo.reshape"(%v83) : (tensor<64x64xcomplex<f32>>) -> tensor<64x64x1xcomplex<f32>>
    %v85 = "stablehlo.broadcast_in_dim"(%v84) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<64x64x1xcomplex<f32>>) -> tensor<64x64x32xcomplex<f32>>
    %v86 = "stablehlo.subtract"(%arg0, %v85) : (tensor<64x64x32xcomplex<f32>>, tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xcomplex<f32>>
    %v87 = "stablehlo.abs"(%v83) : (tensor<64x64xcomplex<f32>>) -> tensor<64x64xf32>
    %v88 = "stablehlo.multiply"(%v87, %v87) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v89 = "stablehlo.abs"(%v86) : (tensor<64x64x32xcomplex<f32>>) -> tensor<64x64x32xf32>
    %v90 = "stablehlo.multiply"(%v89, %v89) : (tensor<64x64x32xf32>, tensor<64x64x32xf32>) -> tensor<64x64x32xf32>
    %v91 = "stablehlo.slice"(%v90) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 32>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x32xf32>) -> tensor<64x64x32xf32>
    %v92 = "stablehlo.reshape"(%v91) : (tensor<64x64x32xf32>) -> tensor<64x64x4x8xf32>
    %v93 = "stablehlo.slice"(%v92) {start_indices = array<i64: 0, 0, 0, 0>, limit_indices = array<i64: 64, 64, 1, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v94 = "stablehlo.reshape"(%v93) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v95 = "stablehlo.slice"(%v92) {start_indices = array<i64: 0, 0, 1, 0>, limit_indices = array<i64: 64, 64, 2, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v96 = "stablehlo.reshape"(%v95) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v97 = "stablehlo.add"(%v94, %v96) : (tensor<64x64x8xf32>, tensor<64x64x8xf32>) -> tensor<64x64x8xf32>
    %v98 = "stablehlo.slice"(%v92) {start_indices = array<i64: 0, 0, 2, 0>, limit_indices = array<i64: 64, 64, 3, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v99 = "stablehlo.reshape"(%v98) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v100 = "stablehlo.add"(%v97, %v99) : (tensor<64x64x8xf32>, tensor<64x64x8xf32>) -> tensor<64x64x8xf32>
    %v101 = "stablehlo.slice"(%v92) {start_indices = array<i64: 0, 0, 3, 0>, limit_indices = array<i64: 64, 64, 4, 8>, strides = array<i64: 1, 1, 1, 1>} : (tensor<64x64x4x8xf32>) -> tensor<64x64x1x8xf32>
    %v102 = "stablehlo.reshape"(%v101) : (tensor<64x64x1x8xf32>) -> tensor<64x64x8xf32>
    %v103 = "stablehlo.add"(%v100, %v102) : (tensor<64x64x8xf32>, tensor<64x64x8xf32>) -> tensor<64x64x8xf32>
    %v104 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 64, 64, 1>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v105 = "stablehlo.reshape"(%v104) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v106 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 1>, limit_indices = array<i64: 64, 64, 2>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v107 = "stablehlo.reshape"(%v106) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v108 = "stablehlo.add"(%v105, %v107) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v109 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 2>, limit_indices = array<i64: 64, 64, 3>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v110 = "stablehlo.reshape"(%v109) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v111 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 3>, limit_indices = array<i64: 64, 64, 4>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v112 = "stablehlo.reshape"(%v111) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v113 = "stablehlo.add"(%v110, %v112) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v114 = "stablehlo.add"(%v108, %v113) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v115 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 4>, limit_indices = array<i64: 64, 64, 5>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v116 = "stablehlo.reshape"(%v115) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v117 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 5>, limit_indices = array<i64: 64, 64, 6>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v118 = "stablehlo.reshape"(%v117) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v119 = "stablehlo.add"(%v116, %v118) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v120 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 6>, limit_indices = array<i64: 64, 64, 7>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v121 = "stablehlo.reshape"(%v120) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v122 = "stablehlo.slice"(%v103) {start_indices = array<i64: 0, 0, 7>, limit_indices = array<i64: 64, 64, 8>, strides = array<i64: 1, 1, 1>} : (tensor<64x64x8xf32>) -> tensor<64x64x1xf32>
    %v123 = "stablehlo.reshape"(%v122) : (tensor<64x64x1xf32>) -> tensor<64x64xf32>
    %v124 = "stablehlo.add"(%v121, %v123) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v125 = "stablehlo.add"(%v119, %v124) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v126 = "stablehlo.add"(%v114, %v125) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v127 = "stablehlo.convert"(%v126) : (tensor<64x64xf32>) -> tensor<64x64xf64>
    %v128 = "stablehlo.compare"(%v127, %v127) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xi1>
    %v129 = stablehlo.constant dense<0x7FF8000000000000> : tensor<f64>
    %v130 = stablehlo.constant dense<3.2e1> : tensor<f64>
    %v131 = "stablehlo.broadcast_in_dim"(%v129) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x64xf64>
    %v132 = "stablehlo.broadcast_in_dim"(%v130) {broadcast_dimensions = array<i64>} : (tensor<f64>) -> tensor<64x64xf64>
    %v133 = "stablehlo.select"(%v128, %v131, %v132) : (tensor<64x64xi1>, tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v134 = "stablehlo.divide"(%v127, %v133) : (tensor<64x64xf64>, tensor<64x64xf64>) -> tensor<64x64xf64>
    %v135 = "stablehlo.convert"(%v134) : (tensor<64x64xf64>) -> tensor<64x64xf32>
    %v136 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v137 = "stablehlo.broadcast_in_dim"(%v136) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x64xf32>
    %v138 = "stablehlo.compare"(%v135, %v137) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xi1>
    %v139 = stablehlo.constant dense<0x7F800000> : tensor<f32>
    %v140 = "stablehlo.divide"(%v88, %v135) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    %v141 = "stablehlo.broadcast_in_dim"(%v139) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<64x64xf32>
    %v142 = "stablehlo.select"(%v138, %v141, %v140) : (tensor<64x64xi1>, tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
    "func.return"(%v142) : (tensor<64x64xf32>) -> ()
  }
}
