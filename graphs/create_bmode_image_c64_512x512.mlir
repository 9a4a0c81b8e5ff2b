// create_bmode_image: (c64[512,512]) -> (f32[512,512])
// fingerprint 10a6612b80e1386c9e815e1a1783a4512e59632b94c5a06c4024c123ffe74736
module @create_bmode_image {
  func.func public @main(%arg0: tensor<512x512xcomplex<f32>>) -> (tensor<512x512xf32>) {
    %v1 = "stablehlo.abs"(%arg0) : (tensor<512x512xcomplex<f32>>) -> tensor<512x512xf32>
    "func.return"(%v1) : (tensor<512x512xf32>) -> ()
  }
}
