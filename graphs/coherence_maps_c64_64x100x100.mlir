// coherence_maps: (c64[64,100,100]) -> (f32[100,100], f32[100,100], f32[100,100], f32[100,100], f32[100,100])
// fingerprint 9fa7c9356d257a4120b0c17e5c916a934ebd42cec0c245e4b2e2b37927144c1c
module @coherence_maps {
  func.func public @main(%arg0: tensor<64x100x100xcomplex<f32>>) -> (tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>) {
    %v1 = "stablehlo.real"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v2 = "stablehlo.imag"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v3 = "stablehlo.multiply"(%v1, %v1) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v4 = "stablehlo.multiply"(%v2, %v2) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v5 = "stablehlo.add"(%v3, %v4) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v6 = stablehlo.constant dense<1.0e0> : tensor<1xf32>
    %v7 = stablehlo.constant dense<9.951847e-1> : tensor<1xf32>
    %v8 = stablehlo.constant dense<9.8078525e-1> : tensor<1xf32>
    %v9 = stablehlo.constant dense<9.5694035e-1> : tensor<1xf32>
    %v10 = stablehlo.constant dense<9.238795e-1> : tensor<1xf32>
    %v11 = stablehlo.constant dense<8.819213e-1> : tensor<1xf32>
    %v12 = stablehlo.constant dense<8.314696e-1> : tensor<1xf32>
    %v13 = stablehlo.constant dense<7.7301043e-1> : tensor<1xf32>
    %v14 = stablehlo.constant dense<7.0710677e-1> : tensor<1xf32>
    %v15 = stablehlo.constant dense<6.343933e-1> : tensor<1xf32>
    %v16 = stablehlo.constant dense<5.5557024e-1> : tensor<1xf32>
    %v17 = stablehlo.constant dense<4.7139674e-1> : tensor<1xf32>
    %v18 = stablehlo.constant dense<3.8268343e-1> : tensor<1xf32>
    %v19 = stablehlo.constant dense<2.9028466e-1> : tensor<1xf32>
    %v20 = stablehlo.constant dense<1.9509032e-1> : tensor<1xf32>
    %v21 = stablehlo.constant dense<9.801714e-2> : tensor<1xf32>
    %v22 = stablehlo.constant dense<6.123234e-17> : tensor<1xf32>
    %v23 = stablehlo.constant dense<-9.801714e-2> : tensor<1xf32>
    %v24 = stablehlo.constant dense<-1.9509032e-1> : tensor<1xf32>
    %v25 = stablehlo.constant dense<-2.9028466e-1> : tensor<1xf32>
    %v26 = stablehlo.constant dense<-3.8268343e-1> : tensor<1xf32>
    %v27 = stablehlo.constant dense<-4.7139674e-1> : tensor<1xf32>
    %v28 = stablehlo.constant dense<-5.5557024e-1> : tensor<1xf32>
    %v29 = stablehlo.constant dense<-6.343933e-1> : tensor<1xf32>
    %v30 = stablehlo.constant dense<-7.0710677e-1> : tensor<1xf32>
    %v31 = stablehlo.constant dense<-7.7301043e-1> : tensor<1xf32>
    %v32 = stablehlo.constant dense<-8.314696e-1> : tensor<1xf32>
    %v33 = stablehlo.constant dense<-8.819213e-1> : tensor<1xf32>
    %v34 = stablehlo.constant dense<-9.238795e-1> : tensor<1xf32>
    %v35 = stablehlo.constant dense<-9.5694035e-1> : tensor<1xf32>
    %v36 = stablehlo.constant dense<-9.8078525e-1> : tensor<1xf32>
    %v37 = stablehlo.constant dense<-9.951847e-1> : tensor<1xf32>
    %v38 = stablehlo.constant dense<-1.0e0> : tensor<1xf32>
    %v39 = stablehlo.constant dense<-9.951847e-1> : tensor<1xf32>
    %v40 = stablehlo.constant dense<-9.5694035e-1> : tensor<1xf32>
    %v41 = stablehlo.constant dense<-9.238795e-1> : tensor<1xf32>
    %v42 = stablehlo.constant dense<-8.819213e-1> : tensor<1xf32>
    %v43 = stablehlo.constant dense<-8.314696e-1> : tensor<1xf32>
    %v44 = stablehlo.constant dense<-7.7301043e-1> : tensor<1xf32>
    %v45 = stablehlo.constant dense<-7.0710677e-1> : tensor<1xf32>
    %v46 = stablehlo.constant dense<-6.343933e-1> : tensor<1xf32>
    %v47 = stablehlo.constant dense<-5.5557024e-1> : tensor<1xf32>
    %v48 = stablehlo.constant dense<-4.7139674e-1> : tensor<1xf32>
    %v49 = stablehlo.constant dense<-3.8268343e-1> : tensor<1xf32>
    %v50 = stablehlo.constant dense<-2.9028466e-1> : tensor<1xf32>
    %v51 = stablehlo.constant dense<-1.9509032e-1> : tensor<1xf32>
    %v52 = stablehlo.constant dense<-9.801714e-2> : tensor<1xf32>
    %v53 = stablehlo.constant dense<-1.8369701e-16> : tensor<1xf32>
    %v54 = stablehlo.constant dense<9.801714e-2> : tensor<1xf32>
    %v55 = stablehlo.constant dense<1.9509032e-1> : tensor<1xf32>
    %v56 = stablehlo.constant dense<2.9028466e-1> : tensor<1xf32>
    %v57 = stablehlo.constant dense<3.8268343e-1> : tensor<1xf32>
    %v58 = stablehlo.constant dense<4.7139674e-1> : tensor<1xf32>
    %v59 = stablehlo.constant dense<5.5557024e-1> : tensor<1xf32>
    %v60 = stablehlo.constant dense<6.343933e-1> : tensor<1xf32>
    %v61 = stablehlo.constant dense<7.0710677e-1> : tensor<1xf32>
    %v62 = stablehlo.constant dense<7.7301043e-1> : tensor<1xf32>
    %v63 = stablehlo.constant dense<8.819213e-1> : tensor<1xf32>
    %v64 = stablehlo.constant dense<9.238795e-1> : tensor<1xf32>
    %v65 = stablehlo.constant dense<9.8078525e-1> : tensor<1xf32>
    %v66 = "stablehlo.concatenate"(%v6, %v7, %v8, %v9, %v10, %v11, %v12, %v13, %v14, %v15, %v16, %v17, %v18, %v19, %v20, %v21, %v22, %v23, %v24, %v25, %v26, %v27, %v28, %v29, %v30, %v31, %v32, %v33, %v34, %v35, %v36, %v37, %v38, %v39, %v36, %v40, %v41, %v42, %v43, %v44, %v45, %v46, %v47, %v48, %v49, %v50, %v51, %v52, %v53, %v54, %v55, %v56, %v57, %v58, %v59, %v60, %v61, %v62, %v12, %v63, %v64, %v9, %v65, %v7) {dimension = 0 : i64} : (tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<64xf32>
    %v67 = "stablehlo.broadcast_in_dim"(%v66) {broadcast_dimensions = array<i64: 0>} : (tensor<64xf32>) -> tensor<64x100x100xf32>
    %v68 = stablehlo.constant dense<0.0e0> : tensor<1xf32>
    %v69 = stablehlo.constant dense<9.801714e-2> : tensor<1xf32>
    %v70 = stablehlo.constant dense<1.9509032e-1> : tensor<1xf32>
    %v71 = stablehlo.constant dense<3.8268343e-1> : tensor<1xf32>
    %v72 = stablehlo.constant dense<4.7139674e-1> : tensor<1xf32>
    %v73 = stablehlo.constant dense<5.5557024e-1> : tensor<1xf32>
    %v74 = stablehlo.constant dense<7.0710677e-1> : tensor<1xf32>
    %v75 = stablehlo.constant dense<8.819213e-1> : tensor<1xf32>
    %v76 = stablehlo.constant dense<9.5694035e-1> : tensor<1xf32>
    %v77 = stablehlo.constant dense<9.951847e-1> : tensor<1xf32>
    %v78 = stablehlo.constant dense<8.314696e-1> : tensor<1xf32>
    %v79 = stablehlo.constant dense<7.7301043e-1> : tensor<1xf32>
    %v80 = stablehlo.constant dense<4.7139674e-1> : tensor<1xf32>
    %v81 = stablehlo.constant dense<3.8268343e-1> : tensor<1xf32>
    %v82 = stablehlo.constant dense<2.9028466e-1> : tensor<1xf32>
    %v83 = stablehlo.constant dense<1.9509032e-1> : tensor<1xf32>
    %v84 = stablehlo.constant dense<9.801714e-2> : tensor<1xf32>
    %v85 = stablehlo.constant dense<1.2246469e-16> : tensor<1xf32>
    %v86 = stablehlo.constant dense<-9.801714e-2> : tensor<1xf32>
    %v87 = stablehlo.constant dense<-1.9509032e-1> : tensor<1xf32>
    %v88 = stablehlo.constant dense<-2.9028466e-1> : tensor<1xf32>
    %v89 = stablehlo.constant dense<-3.8268343e-1> : tensor<1xf32>
    %v90 = stablehlo.constant dense<-4.7139674e-1> : tensor<1xf32>
    %v91 = stablehlo.constant dense<-6.343933e-1> : tensor<1xf32>
    %v92 = stablehlo.constant dense<-7.7301043e-1> : tensor<1xf32>
    %v93 = stablehlo.constant dense<-8.314696e-1> : tensor<1xf32>
    %v94 = stablehlo.constant dense<-9.238795e-1> : tensor<1xf32>
    %v95 = stablehlo.constant dense<-9.8078525e-1> : tensor<1xf32>
    %v96 = stablehlo.constant dense<-9.238795e-1> : tensor<1xf32>
    %v97 = stablehlo.constant dense<-7.7301043e-1> : tensor<1xf32>
    %v98 = stablehlo.constant dense<-4.7139674e-1> : tensor<1xf32>
    %v99 = stablehlo.constant dense<-3.8268343e-1> : tensor<1xf32>
    %v100 = stablehlo.constant dense<-2.9028466e-1> : tensor<1xf32>
    %v101 = stablehlo.constant dense<-1.9509032e-1> : tensor<1xf32>
    %v102 = stablehlo.constant dense<-9.801714e-2> : tensor<1xf32>
    %v103 = "stablehlo.concatenate"(%v68, %v69, %v70, %v19, %v71, %v72, %v73, %v15, %v74, %v13, %v12, %v75, %v10, %v76, %v8, %v77, %v6, %v7, %v8, %v76, %v10, %v11, %v78, %v79, %v14, %v15, %v73, %v80, %v81, %v82, %v83, %v84, %v85, %v86, %v87, %v88, %v89, %v90, %v28, %v91, %v30, %v92, %v93, %v33, %v94, %v35, %v95, %v39, %v38, %v39, %v36, %v40, %v96, %v42, %v43, %v97, %v45, %v46, %v47, %v98, %v99, %v100, %v101, %v102) {dimension = 0 : i64} : (tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<64xf32>
    %v104 = "stablehlo.broadcast_in_dim"(%v103) {broadcast_dimensions = array<i64: 0>} : (tensor<64xf32>) -> tensor<64x100x100xf32>
    %v105 = "stablehlo.multiply"(%v67, %v1) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v106 = "stablehlo.multiply"(%v104, %v1) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v107 = "stablehlo.multiply"(%v67, %v2) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v108 = "stablehlo.multiply"(%v104, %v2) : (tensor<64x100x100xf32>, tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %v109 = "stablehlo.sign"(%arg0) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xcomplex<f32>>
    %v110 = "stablehlo.real"(%v109) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v111 = "stablehlo.imag"(%v109) : (tensor<64x100x100xcomplex<f32>>) -> tensor<64x100x100xf32>
    %v112 = "stablehlo.sign"(%v1) : (tensor<64x100x100xf32>) -> tensor<64x100x100xf32>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t5 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t6 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t7 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t8 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t9 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t10 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v113:10 = "stablehlo.reduce"(%v1, %v2, %v5, %v105, %v106, %v107, %v108, %v110, %v111, %v112, %t1, %t2, %t3, %t4, %t5, %t6, %t7, %t8, %t9, %t10) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %a2: tensor<f32>, %a3: tensor<f32>, %a4: tensor<f32>, %a5: tensor<f32>, %a6: tensor<f32>, %a7: tensor<f32>, %a8: tensor<f32>, %a9: tensor<f32>, %b0: tensor<f32>, %b1: tensor<f32>, %b2: tensor<f32>, %b3: tensor<f32>, %b4: tensor<f32>, %b5: tensor<f32>, %b6: tensor<f32>, %b7: tensor<f32>, %b8: tensor<f32>, %b9: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r2 = "stablehlo.add"(%a2, %b2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r3 = "stablehlo.add"(%a3, %b3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r4 = "stablehlo.add"(%a4, %b4) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r5 = "stablehlo.add"(%a5, %b5) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r6 = "stablehlo.add"(%a6, %b6) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r7 = "stablehlo.add"(%a7, %b7) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r8 = "stablehlo.add"(%a8, %b8) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r9 = "stablehlo.add"(%a9, %b9) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0, %r1, %r2, %r3, %r4, %r5, %r6, %r7, %r8, %r9) : (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<64x100x100xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) -> (tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>)
    %v114 = "stablehlo.multiply"(%v113#0, %v113#0) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v115 = "stablehlo.multiply"(%v113#1, %v113#1) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v116 = "stablehlo.add"(%v114, %v115) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v117 = stablehlo.constant dense<6.4e1> : tensor<f32>
    %v118 = "stablehlo.broadcast_in_dim"(%v117) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v119 = "stablehlo.multiply"(%v113#2, %v118) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v120 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v121 = "stablehlo.broadcast_in_dim"(%v120) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v122 = "stablehlo.compare"(%v119, %v121) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xi1>
    %v123 = stablehlo.constant dense<1.0e0> : tensor<f32>
    %v124 = "stablehlo.broadcast_in_dim"(%v123) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v125 = "stablehlo.select"(%v122, %v119, %v124) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v126 = "stablehlo.divide"(%v116, %v125) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v127 = "stablehlo.select"(%v122, %v126, %v121) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v128 = "stablehlo.multiply"(%v113#3, %v113#3) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v129 = "stablehlo.multiply"(%v113#4, %v113#4) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v130 = "stablehlo.add"(%v128, %v129) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v131 = "stablehlo.multiply"(%v113#5, %v113#5) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v132 = "stablehlo.add"(%v130, %v131) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v133 = "stablehlo.multiply"(%v113#6, %v113#6) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v134 = "stablehlo.add"(%v132, %v133) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v135 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %v136 = "stablehlo.broadcast_in_dim"(%v135) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v137 = "stablehlo.multiply"(%v134, %v136) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v138 = "stablehlo.add"(%v116, %v137) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v139 = "stablehlo.divide"(%v138, %v125) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v140 = "stablehlo.select"(%v122, %v139, %v121) : (tensor<100x100xi1>, tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v141 = "stablehlo.multiply"(%v113#7, %v113#7) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v142 = "stablehlo.multiply"(%v113#8, %v113#8) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v143 = "stablehlo.add"(%v141, %v142) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v144 = "stablehlo.sqrt"(%v143) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v145 = "stablehlo.divide"(%v144, %v118) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v146 = "stablehlo.power"(%v145, %v124) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v147 = "stablehlo.multiply"(%v113#9, %v113#9) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v148 = stablehlo.constant dense<4.096e3> : tensor<f32>
    %v149 = "stablehlo.broadcast_in_dim"(%v148) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v150 = "stablehlo.subtract"(%v149, %v147) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v151 = "stablehlo.maximum"(%v150, %v121) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v152 = "stablehlo.sqrt"(%v151) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v153 = "stablehlo.multiply"(%v152, %v118) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v154 = "stablehlo.add"(%v153, %v149) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v155 = "stablehlo.divide"(%v147, %v154) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v156 = "stablehlo.power"(%v155, %v124) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v157 = "stablehlo.complex"(%v113#0, %v113#1) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xcomplex<f32>>
    %v158 = "stablehlo.abs"(%v157) : (tensor<100x100xcomplex<f32>>) -> tensor<100x100xf32>
    %v159 = stablehlo.constant dense<1.1920929e-7> : tensor<f32>
    %v160 = "stablehlo.broadcast_in_dim"(%v159) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v161 = "stablehlo.add"(%v158, %v160) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v162 = "stablehlo.log"(%v161) : (tensor<100x100xf32>) -> tensor<100x100xf32>
    %v163 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v164 = "stablehlo.broadcast_in_dim"(%v163) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v165 = "stablehlo.divide"(%v162, %v164) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v166 = stablehlo.constant dense<2.0e1> : tensor<f32>
    %v167 = "stablehlo.broadcast_in_dim"(%v166) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v168 = "stablehlo.multiply"(%v165, %v167) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    %v169 = "stablehlo.compare"(%v158, %v158) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xi1>
    %t11 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %t12 = stablehlo.constant dense<false> : tensor<i1>
    %v170:2 = "stablehlo.reduce"(%v158, %v169, %t11, %t12) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<i1>, %b0: tensor<f32>, %b1: tensor<i1>):
      %m0 = "stablehlo.maximum"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %na0 = "stablehlo.compare"(%a0, %a0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %nb0 = "stablehlo.compare"(%b0, %b0) {comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %n0 = "stablehlo.or"(%na0, %nb0) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %s0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r0 = "stablehlo.select"(%n0, %s0, %m0) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.or"(%a1, %b1) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%r0, %r1) : (tensor<f32>, tensor<i1>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<100x100xf32>, tensor<100x100xi1>, tensor<f32>, tensor<i1>) -> (tensor<f32>, tensor<i1>)
    %v171 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
    %v172 = "stablehlo.select"(%v170#1, %v171, %v170#0) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %v173 = "stablehlo.add"(%v172, %v159) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v174 = "stablehlo.log"(%v173) : (tensor<f32>) -> tensor<f32>
    %v175 = "stablehlo.divide"(%v174, %v163) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v176 = "stablehlo.multiply"(%v175, %v166) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v177 = "stablehlo.broadcast_in_dim"(%v176) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<100x100xf32>
    %v178 = "stablehlo.subtract"(%v168, %v177) : (tensor<100x100xf32>, tensor<100x100xf32>) -> tensor<100x100xf32>
    "func.return"(%v127, %v140, %v146, %v156, %v178) : (tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>, tensor<100x100xf32>) -> ()
  }
}
