// noise_adjacent_frames: (f32[16,64,256]) -> (f32[], f32[], f32[])
// fingerprint c153fbc0d6443d6712f3b6a3015092298863489dd9ac2b928c470515e8565cc9
module @noise_adjacent_frames {
  func.func public @main(%arg0: tensor<16x64x256xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>) {
    %v1 = "stablehlo.slice"(%arg0) {start_indices = array<i64: 0, 0, 0>, limit_indices = array<i64: 15, 64, 256>, strides = array<i64: 1, 1, 1>} : (tensor<16x64x256xf32>) -> tensor<15x64x256xf32>
    %v2 = "stablehlo.slice"(%arg0) {start_indices = array<i64: 1, 0, 0>, limit_indices = array<i64: 16, 64, 256>, strides = array<i64: 1, 1, 1>} : (tensor<16x64x256xf32>) -> tensor<15x64x256xf32>
    %v3 = "stablehlo.add"(%v1, %v2) : (tensor<15x64x256xf32>, tensor<15x64x256xf32>) -> tensor<15x64x256xf32>
    %v4 = stablehlo.constant dense<2.0e0> : tensor<f32>
    %v5 = "stablehlo.broadcast_in_dim"(%v4) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<15x64x256xf32>
    %v6 = "stablehlo.divide"(%v3, %v5) : (tensor<15x64x256xf32>, tensor<15x64x256xf32>) -> tensor<15x64x256xf32>
    %v7 = "stablehlo.multiply"(%v6, %v6) : (tensor<15x64x256xf32>, tensor<15x64x256xf32>) -> tensor<15x64x256xf32>
    %v8 = "stablehlo.subtract"(%v2, %v1) : (tensor<15x64x256xf32>, tensor<15x64x256xf32>) -> tensor<15x64x256xf32>
    %v9 = "stablehlo.divide"(%v8, %v5) : (tensor<15x64x256xf32>, tensor<15x64x256xf32>) -> tensor<15x64x256xf32>
    %v10 = "stablehlo.multiply"(%v9, %v9) : (tensor<15x64x256xf32>, tensor<15x64x256xf32>) -> tensor<15x64x256xf32>
    %v11 = "stablehlo.convert"(%v7) : (tensor<15x64x256xf32>) -> tensor<15x64x256xf64>
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v12 = "stablehlo.reduce"(%v11, %t1) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<15x64x256xf64>, tensor<f64>) -> tensor<64x256xf64>
    %v13 = "stablehlo.convert"(%v10) : (tensor<15x64x256xf32>) -> tensor<15x64x256xf64>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v14 = "stablehlo.reduce"(%v13, %t2) ({
    ^bb0(%a0: tensor<f64>, %b0: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0) : (tensor<f64>) -> ()
    }) {dimensions = array<i64: 0>} : (tensor<15x64x256xf64>, tensor<f64>) -> tensor<64x256xf64>
    %t3 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %t4 = stablehlo.constant dense<0.0e0> : tensor<f64>
    %v15:2 = "stablehlo.reduce"(%v12, %v14, %t3, %t4) ({
    ^bb0(%a0: tensor<f64>, %a1: tensor<f64>, %b0: tensor<f64>, %b1: tensor<f64>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f64>, tensor<f64>) -> tensor<f64>
      "stablehlo.return"(%r0, %r1) : (tensor<f64>, tensor<f64>) -> ()
    }) {dimensions = array<i64: 0, 1>} : (tensor<64x256xf64>, tensor<64x256xf64>, tensor<f64>, tensor<f64>) -> (tensor<f64>, tensor<f64>)
    %v16 = "stablehlo.convert"(%v15#0) : (tensor<f64>) -> tensor<f32>
    %v17 = "stablehlo.convert"(%v15#1) : (tensor<f64>) -> tensor<f32>
    %v18 = "stablehlo.divide"(%v16, %v17) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v19 = "stablehlo.log"(%v18) : (tensor<f32>) -> tensor<f32>
    %v20 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v21 = "stablehlo.divide"(%v19, %v20) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v22 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v23 = "stablehlo.multiply"(%v21, %v22) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v23, %v16, %v17) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
  }
}
