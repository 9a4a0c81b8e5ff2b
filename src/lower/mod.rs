//! Stage 2 of the pipeline: **lower** a traced [`Program`](crate::graph::Program) to StableHLO
//! MLIR text, the input PJRT plugins compile.

pub mod stablehlo;
