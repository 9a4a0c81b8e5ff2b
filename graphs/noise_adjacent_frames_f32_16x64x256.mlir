// noise_adjacent_frames: (f32[16,64,256]) -> (f32[], f32[], f32[])
// fingerprint 834dc5646b35328de5fb3bbd3096ff8894fa6fcac456be98f2376d4f026dc79c
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
    %t1 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %t2 = stablehlo.constant dense<0.0e0> : tensor<f32>
    %v11:2 = "stablehlo.reduce"(%v7, %v10, %t1, %t2) ({
    ^bb0(%a0: tensor<f32>, %a1: tensor<f32>, %b0: tensor<f32>, %b1: tensor<f32>):
      %r0 = "stablehlo.add"(%a0, %b0) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      %r1 = "stablehlo.add"(%a1, %b1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%r0, %r1) : (tensor<f32>, tensor<f32>) -> ()
    }) {dimensions = array<i64: 0, 1, 2>} : (tensor<15x64x256xf32>, tensor<15x64x256xf32>, tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
    %v12 = "stablehlo.divide"(%v11#0, %v11#1) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v13 = "stablehlo.log"(%v12) : (tensor<f32>) -> tensor<f32>
    %v14 = stablehlo.constant dense<2.3025851e0> : tensor<f32>
    %v15 = "stablehlo.divide"(%v13, %v14) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %v16 = stablehlo.constant dense<1.0e1> : tensor<f32>
    %v17 = "stablehlo.multiply"(%v15, %v16) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "func.return"(%v17, %v11#0, %v11#1) : (tensor<f32>, tensor<f32>, tensor<f32>) -> ()
  }
}
