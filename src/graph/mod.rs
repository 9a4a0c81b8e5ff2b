//! Stage 1 of the pipeline: **trace**. A typed tensor graph ([`ir`]) recorded by metric code
//! written with [`Tensor`] handles ([`trace`](mod@trace)), finished into an immutable [`Program`].

pub mod ir;
pub mod trace;

pub use ir::{
    BinaryOp, CmpOp, FftKind, Graph, Node, Op, ReduceKind, Scalar, TensorType, UnaryOp, Var,
};
pub use trace::{all_axes, trace, trace_cached, Program, Tensor};
