//! Fused, chunked and parallel evaluation of a program on the host.
//!
//! The op-by-op interpreter ([`super::eval`] with [`Fusion::Off`]) materialises every
//! intermediate and permutes the operand of every reduction. Here the graph is first partitioned:
//! an elementwise node (unary, binary, compare, select, convert, constant, reshape, splat
//! broadcast) whose consumers all belong to one *root* — an elementwise node, or a reduction over
//! a contiguous run of axes — is **virtual**: it is never materialised but recomputed, chunk by
//! chunk of about [`CHUNK`] elements, inside its root. The chunk's intermediates stay in cache, a
//! reduction accumulates each chunk straight into its output (no permute, no copy), and
//! independent chunks run in parallel on the rayon pool.
//!
//! Results are **bit-identical** to the op-by-op interpreter: every element goes through the same
//! scalar expression, and every reduced element is accumulated in the same order (the reduced
//! index in row-major order, in the same accumulator type). Chunking is fixed by the shapes alone
//! and each output element is produced by exactly one task, so thread scheduling cannot change a
//! bit.

use std::sync::atomic::{AtomicU8, Ordering};

use ndarray::{ArrayD, Axis, CowArray, IxDyn, Slice};
use num_complex::Complex;
use rayon::prelude::*;

use super::eval::{
    compare, concat, constant, convert, eval_node, fmax, fmin, reshape, select, unsupported,
};
use super::HostTensor;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::graph::ir::*;
use crate::graph::Program;

type H = HostTensor<'static>;

/// Elements per chunk: the unit of fused evaluation (a few chunk-sized intermediates fit in L2).
pub(super) const CHUNK: usize = 2048;
/// In [`Fusion::Auto`], programs whose largest value has fewer elements run op by op (their
/// cost is the per-op overhead, which the planning here would only add to).
const AUTO_MIN_ELEMENTS: usize = 4096;
/// Work (elements) below which a root runs on the calling thread only.
const PAR_MIN_ELEMENTS: usize = 1 << 15;

/// How the host backend evaluates a program (see [`set_fusion`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fusion {
    /// Fused and parallel for programs with a value of at least a few thousand elements, op by
    /// op below that (the default).
    Auto,
    /// Always fused, whatever the size (for testing the fused path on small inputs).
    Always,
    /// Op by op: every intermediate materialised (the reference interpreter).
    Off,
}

// 0: not read yet; 1 + the mode's index otherwise.
static MODE: AtomicU8 = AtomicU8::new(0);

/// Chooses how the host backend evaluates programs, for the whole process. The default is
/// [`Fusion::Auto`], or what the environment variable `UM_HOST_FUSION` says (`auto`, `always`
/// or `off`) when it is set before the first evaluation. All modes give bit-identical results;
/// `Off` exists to compare against and to bisect problems.
///
/// ```
/// use ultrasound_metrics::host::{fusion, set_fusion, Fusion};
/// set_fusion(Fusion::Off);
/// assert_eq!(fusion(), Fusion::Off);
/// set_fusion(Fusion::Auto);
/// ```
pub fn set_fusion(mode: Fusion) {
    let code = match mode {
        Fusion::Auto => 1,
        Fusion::Always => 2,
        Fusion::Off => 3,
    };
    MODE.store(code, Ordering::Relaxed);
}

/// The current evaluation mode of the host backend (see [`set_fusion`]).
///
/// ```
/// use ultrasound_metrics::host::{fusion, Fusion};
/// assert!(matches!(fusion(), Fusion::Auto | Fusion::Always | Fusion::Off));
/// ```
pub fn fusion() -> Fusion {
    match MODE.load(Ordering::Relaxed) {
        1 => Fusion::Auto,
        2 => Fusion::Always,
        3 => Fusion::Off,
        _ => {
            let mode = match std::env::var("UM_HOST_FUSION").as_deref() {
                Ok("always") => Fusion::Always,
                Ok("off") | Ok("0") => Fusion::Off,
                _ => Fusion::Auto,
            };
            set_fusion(mode);
            mode
        }
    }
}

/// Whether `program` should run through the fused evaluator in the current mode.
pub(super) fn wanted(program: &Program, mode: Fusion) -> bool {
    match mode {
        Fusion::Off => false,
        Fusion::Always => true,
        Fusion::Auto => program
            .graph()
            .nodes
            .iter()
            .flat_map(|n| &n.outs)
            .any(|t| t.num_elements() >= AUTO_MIN_ELEMENTS),
    }
}

// ---------------------------------------------------------------------------------------------
// planning

/// A broadcast the fused evaluator computes chunk by chunk: a splat (the operand has one
/// element), or any broadcast with increasing `dims` (each element is a copy of the operand's
/// element at a computed index, so chunks need no materialised result).
fn is_fusable_broadcast(g: &Graph, op: &Op) -> bool {
    match op {
        Op::Broadcast(a, dims) => {
            g.ty(*a).num_elements() == 1 || dims.windows(2).all(|w| w[0] < w[1])
        }
        _ => false,
    }
}

fn is_elementwise(g: &Graph, op: &Op) -> bool {
    match op {
        Op::Unary(..)
        | Op::Binary(..)
        | Op::Compare(..)
        | Op::Select(..)
        | Op::Convert(_)
        | Op::Constant(_)
        | Op::Reshape(_) => true,
        Op::Broadcast(..) => is_fusable_broadcast(g, op),
        _ => false,
    }
}

/// `(outer, reduced, inner)` sizes of a reduction over a non-empty, increasing, contiguous run
/// of axes of a non-empty operand; `None` for any other reduction (left to the interpreter).
fn reduce_layout(g: &Graph, op: &Op) -> Option<(usize, usize, usize)> {
    let Op::Reduce { operands, axes, .. } = op else {
        return None;
    };
    let shape = &g.ty(*operands.first()?).shape;
    let (&a, &b) = (axes.first()?, axes.last()?);
    if b >= shape.len() || axes.windows(2).any(|w| w[1] != w[0] + 1) {
        return None;
    }
    let outer: usize = shape[..a].iter().product();
    let reduced: usize = shape[a..=b].iter().product();
    let inner: usize = shape[b + 1..].iter().product();
    (outer * reduced * inner > 0).then_some((outer, reduced, inner))
}

/// Elements of the group a root computes: its own for an elementwise root, its operands' for a
/// reduction.
fn group_elements(g: &Graph, n: &Node) -> usize {
    match &n.op {
        Op::Reduce { operands, .. } => operands
            .first()
            .map(|v| g.ty(*v).num_elements())
            .unwrap_or(0),
        _ => n.outs.first().map(|t| t.num_elements()).unwrap_or(0),
    }
}

struct Plan {
    /// Per node: `Some(root)` when the node is virtual, computed inside `root`.
    root: Vec<Option<usize>>,
    /// Per node: computed by the fused evaluator (an elementwise node or a contiguous reduce).
    fused: Vec<bool>,
    /// Per node: the last node that needs its value (`usize::MAX` for outputs).
    last_use: Vec<usize>,
}

fn plan(program: &Program) -> Plan {
    let g = program.graph();
    let n = g.nodes.len();
    let fused: Vec<bool> = g
        .nodes
        .iter()
        .map(|node| {
            (is_elementwise(g, &node.op) && group_elements(g, node) > 0)
                || reduce_layout(g, &node.op).is_some()
        })
        .collect();
    let mut consumers: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, node) in g.nodes.iter().enumerate() {
        for v in node.op.inputs() {
            if consumers[v.node].last() != Some(&i) {
                consumers[v.node].push(i);
            }
        }
    }
    let mut is_output = vec![false; n];
    for v in program.output_vars() {
        is_output[v.node] = true;
    }
    let mut root: Vec<Option<usize>> = vec![None; n];
    for i in (0..n).rev() {
        let node = &g.nodes[i];
        if !fused[i] || is_output[i] || !is_elementwise(g, &node.op) {
            continue;
        }
        let size = group_elements(g, node);
        let mut common = None;
        let mut ok = !consumers[i].is_empty();
        for &c in &consumers[i] {
            // a broadcast reads its operand by index: that operand is materialised, even when
            // the broadcast's group has one element too
            if matches!(g.nodes[c].op, Op::Broadcast(..)) {
                ok = false;
                break;
            }
            let cr = match root[c] {
                Some(r) => r,
                // a broadcast reads its operand by index: that operand is materialised
                None if fused[c] && !matches!(g.nodes[c].op, Op::Broadcast(..)) => c,
                None => {
                    ok = false;
                    break;
                }
            };
            if group_elements(g, &g.nodes[cr]) != size || common.is_some_and(|r| r != cr) {
                ok = false;
                break;
            }
            common = Some(cr);
        }
        if ok {
            root[i] = common;
        }
    }
    let mut last_use = vec![0usize; n];
    for (i, node) in g.nodes.iter().enumerate() {
        let at = root[i].unwrap_or(i);
        for v in node.op.inputs() {
            last_use[v.node] = last_use[v.node].max(at);
        }
    }
    for v in program.output_vars() {
        last_use[v.node] = usize::MAX;
    }
    Plan {
        root,
        fused,
        last_use,
    }
}

// ---------------------------------------------------------------------------------------------
// evaluation

/// Evaluates `program` with fusion (arguments already checked against its signature).
pub(super) fn eval_fused(program: &Program, args: &[HostTensor<'_>]) -> Result<Vec<H>> {
    let g = program.graph();
    let plan = plan(program);
    let mut vals: Vec<Option<Vec<H>>> = vec![None; g.nodes.len()];
    for (i, node) in g.nodes.iter().enumerate() {
        if matches!(node.op, Op::Parameter(_)) || plan.root[i].is_some() {
            continue;
        }
        let out = if plan.fused[i] {
            let kernel = Kernel::build(g, &plan, i, args, &vals)?;
            kernel.run(g, i)?
        } else {
            let inputs = node.op.inputs();
            let ins = inputs
                .iter()
                .map(|v| lookup(g, args, &vals, *v))
                .collect::<Result<Vec<_>>>()?;
            eval_node(&node.op, &node.outs, &inputs, &ins)?
        };
        vals[i] = Some(out);
        for v in node.op.inputs() {
            if plan.last_use[v.node] == i {
                vals[v.node] = None;
            }
        }
        // a kernel also reads the inputs of its virtual members
        if plan.fused[i] {
            for (j, r) in plan.root.iter().enumerate() {
                if *r == Some(i) {
                    for v in g.nodes[j].op.inputs() {
                        if plan.last_use[v.node] == i {
                            vals[v.node] = None;
                        }
                    }
                }
            }
        }
    }
    program
        .output_vars()
        .iter()
        .map(|v| lookup(g, args, &vals, *v).map(|t| t.into_owned()))
        .collect()
}

fn lookup<'s>(
    g: &Graph,
    args: &'s [HostTensor<'_>],
    vals: &'s [Option<Vec<H>>],
    v: Var,
) -> Result<HostTensor<'s>> {
    if let Op::Parameter(k) = g.nodes[v.node].op {
        return args
            .get(k)
            .map(|a| a.view())
            .ok_or_else(|| Error::graph("evaluate", "missing argument"));
    }
    vals[v.node]
        .as_ref()
        .and_then(|o| o.get(v.out))
        .map(|t| t.view())
        .ok_or_else(|| Error::graph("evaluate", "operand evaluated out of order"))
}

/// Applies `$body` to the array inside any variant, rebuilding the same variant.
macro_rules! map_host {
    ($t:expr, $a:ident => $body:expr) => {
        match $t {
            HostTensor::Bool($a) => HostTensor::Bool($body),
            HostTensor::I32($a) => HostTensor::I32($body),
            HostTensor::I64($a) => HostTensor::I64($body),
            HostTensor::F32($a) => HostTensor::F32($body),
            HostTensor::F64($a) => HostTensor::F64($body),
            HostTensor::C64($a) => HostTensor::C64($body),
            HostTensor::C128($a) => HostTensor::C128($body),
        }
    };
}

/// A leaf as a flat, row-major, one-dimensional view (copied once if its layout is not).
fn flatten<'s>(t: HostTensor<'s>) -> Result<HostTensor<'s>> {
    let flat = |e: ndarray::ShapeError| Error::graph("evaluate", e.to_string());
    Ok(map_host!(t, a => {
        let n = a.len();
        let a = if a.is_standard_layout() {
            a
        } else {
            CowArray::from(a.as_standard_layout().into_owned())
        };
        a.into_shape_with_order(IxDyn(&[n])).map_err(flat)?
    }))
}

/// Elements `lo..hi` of a flat leaf.
fn part<'s>(t: &'s HostTensor<'_>, lo: usize, hi: usize) -> HostTensor<'s> {
    map_host!(t, a => CowArray::from(a.slice_axis(Axis(0), Slice::from(lo..hi))))
}

/// Where a member reads an operand from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Src {
    /// A leaf (materialised value), sliced to the chunk.
    Leaf(usize),
    /// A member's chunk result.
    Slot(usize),
}

struct Instr<'g> {
    op: &'g Op,
    dtype: DType,
    args: Vec<Src>,
    /// For a broadcast: the result shape and, per result axis, the operand's flat stride (0
    /// along broadcast axes).
    bcast: Option<(&'g [usize], Vec<usize>)>,
}

/// The elementwise program of one root: members in order, each computing one slot.
struct Kernel<'g, 's> {
    instrs: Vec<Instr<'g>>,
    /// Per slot: the last instruction reading it (`usize::MAX`: read by the root's epilogue).
    slot_last: Vec<usize>,
    /// The materialised values read, flattened: group-sized, or one element (splat operands).
    leaves: Vec<HostTensor<'s>>,
    /// What the root produces: the slot of an elementwise root, or the reduce operands.
    outs: Vec<Src>,
    elements: usize,
}

impl<'g, 's> Kernel<'g, 's> {
    fn build(
        g: &'g Graph,
        plan: &Plan,
        root: usize,
        args: &'s [HostTensor<'_>],
        vals: &'s [Option<Vec<H>>],
    ) -> Result<Self> {
        let root_node = &g.nodes[root];
        let elements = group_elements(g, root_node);
        // members: the virtual nodes of this root, in topological order, then an elementwise root
        let mut members: Vec<usize> = (0..root).filter(|&j| plan.root[j] == Some(root)).collect();
        let is_reduce = matches!(root_node.op, Op::Reduce { .. });
        if !is_reduce {
            members.push(root);
        }
        let mut src_of: std::collections::HashMap<Var, Src> = Default::default();
        let mut leaves: Vec<HostTensor<'s>> = Vec::new();
        let mut instrs: Vec<Instr<'g>> = Vec::new();
        let mut source =
            |v: Var, src_of: &mut std::collections::HashMap<Var, Src>| -> Result<Src> {
                if let Some(s) = src_of.get(&v) {
                    return Ok(*s);
                }
                leaves.push(flatten(lookup(g, args, vals, v)?)?);
                let s = Src::Leaf(leaves.len() - 1);
                src_of.insert(v, s);
                Ok(s)
            };
        for &m in &members {
            let node = &g.nodes[m];
            let var = Var { node: m, out: 0 };
            if let Op::Reshape(a) = node.op {
                // same elements in the same order: an alias
                let s = source(a, &mut src_of)?;
                src_of.insert(var, s);
                continue;
            }
            let args = node
                .op
                .inputs()
                .into_iter()
                .map(|v| source(v, &mut src_of))
                .collect::<Result<Vec<_>>>()?;
            let bcast = match &node.op {
                Op::Broadcast(a, dims) if g.ty(*a).num_elements() > 1 => {
                    let shape = &node.outs[0].shape;
                    Some((&shape[..], broadcast_strides(&g.ty(*a).shape, shape, dims)?))
                }
                _ => None,
            };
            instrs.push(Instr {
                op: &node.op,
                dtype: node.outs[0].dtype,
                args,
                bcast,
            });
            src_of.insert(var, Src::Slot(instrs.len() - 1));
        }
        let outs = match &root_node.op {
            Op::Reduce { operands, .. } => operands
                .iter()
                .map(|v| source(*v, &mut src_of))
                .collect::<Result<Vec<_>>>()?,
            _ => vec![src_of[&Var { node: root, out: 0 }]],
        };
        let mut slot_last = vec![0usize; instrs.len()];
        for (k, ins) in instrs.iter().enumerate() {
            for a in &ins.args {
                if let Src::Slot(s) = a {
                    slot_last[*s] = k;
                }
            }
        }
        for o in &outs {
            if let Src::Slot(s) = o {
                slot_last[*s] = usize::MAX;
            }
        }
        Ok(Kernel {
            instrs,
            slot_last,
            leaves,
            outs,
            elements,
        })
    }

    /// Evaluates the members on elements `lo..hi` of the group; returns the root's operands.
    /// `slots` is scratch space, reused from chunk to chunk.
    fn chunk<'a>(
        &'a self,
        lo: usize,
        hi: usize,
        slots: &'a mut Vec<Option<H>>,
    ) -> Result<Vec<HostTensor<'a>>> {
        let len = hi - lo;
        slots.clear();
        for (k, ins) in self.instrs.iter().enumerate() {
            let get = |s: &Src| -> Result<HostTensor<'_>> {
                match s {
                    Src::Leaf(i) => Ok(part(&self.leaves[*i], lo, hi)),
                    Src::Slot(i) => slots
                        .get(*i)
                        .and_then(|o| o.as_ref())
                        .map(|t| t.view())
                        .ok_or_else(|| Error::graph("evaluate", "fused operand missing")),
                }
            };
            let out = match ins.op {
                Op::Constant(s) => constant(*s, &TensorType::new(ins.dtype, &[len]))?,
                Op::Broadcast(..) => {
                    let Src::Leaf(i) = ins.args[0] else {
                        return Err(Error::graph(
                            "broadcast_in_dim",
                            "fused broadcast of a slot",
                        ));
                    };
                    let leaf = &self.leaves[i];
                    match &ins.bcast {
                        Some((shape, strides)) if leaf.shape() != [1] => {
                            broadcast_part(leaf, shape, strides, lo, hi)?
                        }
                        _ => splat(leaf, len)?,
                    }
                }
                Op::Unary(u, _) => super::kernels::unary(*u, &get(&ins.args[0])?)?,
                Op::Binary(b, ..) => {
                    super::kernels::binary(*b, &get(&ins.args[0])?, &get(&ins.args[1])?)?
                }
                Op::Compare(c, ..) => compare(*c, &get(&ins.args[0])?, &get(&ins.args[1])?)?,
                Op::Select(..) => select(
                    &get(&ins.args[0])?,
                    &get(&ins.args[1])?,
                    &get(&ins.args[2])?,
                )?,
                Op::Convert(_) => convert(&get(&ins.args[0])?, ins.dtype)?,
                other => return Err(unsupported(&format!("fused {}", other.name()), "any")),
            };
            slots.push(Some(out));
            for a in &ins.args {
                if let Src::Slot(s) = a {
                    if self.slot_last[*s] == k {
                        slots[*s] = None;
                    }
                }
            }
        }
        let slots: &'a Vec<Option<H>> = slots;
        self.outs
            .iter()
            .map(|s| match s {
                Src::Leaf(i) => Ok(part(&self.leaves[*i], lo, hi)),
                Src::Slot(i) => slots
                    .get(*i)
                    .and_then(|o| o.as_ref())
                    .map(|t| t.view())
                    .ok_or_else(|| Error::graph("evaluate", "fused result missing")),
            })
            .collect()
    }

    fn run(&self, g: &Graph, root: usize) -> Result<Vec<H>> {
        let node = &g.nodes[root];
        match &node.op {
            Op::Reduce { kinds, .. } => {
                let (outer, reduced, inner) = reduce_layout(g, &node.op)
                    .ok_or_else(|| Error::graph("reduce", "not a contiguous reduction"))?;
                self.reduce(kinds, node, outer, reduced, inner)
            }
            _ => Ok(vec![self.elementwise(&node.outs[0])?]),
        }
    }

    fn elementwise(&self, ty: &TensorType) -> Result<H> {
        let n = self.elements;
        let min_len = PAR_MIN_ELEMENTS.div_ceil(CHUNK);
        macro_rules! fill {
            ($var:ident, $t:ty) => {{
                let mut out: Vec<$t> = vec![<$t>::default(); n];
                out.par_chunks_mut(CHUNK)
                    .with_min_len(min_len)
                    .enumerate()
                    .try_for_each(|(k, dst)| -> Result<()> {
                        let lo = k * CHUNK;
                        let mut slots = Vec::new();
                        let got = self.chunk(lo, lo + dst.len(), &mut slots)?;
                        match got.first() {
                            Some(HostTensor::$var(a)) if a.len() == dst.len() => {
                                for (d, s) in dst.iter_mut().zip(a.iter()) {
                                    *d = *s;
                                }
                                Ok(())
                            }
                            _ => Err(Error::graph("evaluate", "fused result of a wrong type")),
                        }
                    })?;
                HostTensor::$var(CowArray::from(
                    ArrayD::from_shape_vec(IxDyn(&ty.shape), out)
                        .map_err(|e| Error::graph("evaluate", e.to_string()))?,
                ))
            }};
        }
        Ok(match ty.dtype {
            DType::Bool => fill!(Bool, bool),
            DType::I32 => fill!(I32, i32),
            DType::I64 => fill!(I64, i64),
            DType::F32 => fill!(F32, f32),
            DType::F64 => fill!(F64, f64),
            DType::C64 => fill!(C64, Complex<f32>),
            DType::C128 => fill!(C128, Complex<f64>),
        })
    }

    /// A reduction over the middle axis of `(outer, reduced, inner)`: each task owns a block of
    /// outputs and folds the reduced index in increasing order, as the interpreter does.
    fn reduce(
        &self,
        kinds: &[ReduceKind],
        node: &Node,
        outer: usize,
        reduced: usize,
        inner: usize,
    ) -> Result<Vec<H>> {
        // tasks: (first outer index, outer count, inner range)
        let mut tasks: Vec<(usize, usize, usize, usize)> = Vec::new();
        if inner >= CHUNK / 4 {
            // wide rows: each task folds a column block of one outer index over all rows
            let parts = inner.div_ceil(CHUNK);
            let width = inner.div_ceil(parts);
            for o in 0..outer {
                for p in 0..parts {
                    let lo = p * width;
                    if lo < inner {
                        tasks.push((o, 1, lo, (lo + width).min(inner)));
                    }
                }
            }
        } else {
            // narrow rows: each task folds whole (reduced × inner) slabs of a few outer indices
            let per = (4 * CHUNK / (reduced * inner)).max(1);
            let mut o = 0;
            while o < outer {
                let k = per.min(outer - o);
                tasks.push((o, k, 0, inner));
                o += k;
            }
        }
        let work_per_task = self.elements / tasks.len().max(1);
        let min_len = (PAR_MIN_ELEMENTS / work_per_task.max(1)).max(1);
        let dtypes: Vec<DType> = node.outs.iter().map(|t| t.dtype).collect();
        let parts: Vec<Vec<H>> = tasks
            .par_iter()
            .with_min_len(min_len)
            .map(|&(o, count, lo, hi)| -> Result<Vec<H>> {
                let width = hi - lo;
                let mut accs = kinds
                    .iter()
                    .zip(&dtypes)
                    .map(|(k, d)| Acc::new(*d, *k, count * width))
                    .collect::<Result<Vec<_>>>()?;
                let mut cursors = vec![
                    Cursor {
                        base: 0,
                        j: 0,
                        r: 0,
                        inner: width,
                        reduced,
                    };
                    accs.len()
                ];
                let slab = reduced * inner;
                let mut slots = Vec::new();
                if width == inner {
                    let (start, end) = (o * slab, (o + count) * slab);
                    let mut p = start;
                    while p < end {
                        let q = (p + CHUNK).min(end);
                        let vals = self.chunk(p, q, &mut slots)?;
                        for ((acc, cur), v) in accs.iter_mut().zip(&mut cursors).zip(&vals) {
                            acc.add(v, cur)?;
                        }
                        p = q;
                    }
                } else {
                    for r in 0..reduced {
                        let p = o * slab + r * inner;
                        let vals = self.chunk(p + lo, p + hi, &mut slots)?;
                        for ((acc, cur), v) in accs.iter_mut().zip(&mut cursors).zip(&vals) {
                            acc.add(v, cur)?;
                        }
                    }
                }
                Ok(accs.into_iter().map(Acc::finish).collect())
            })
            .collect::<Result<Vec<_>>>()?;
        // tasks cover the outputs in row-major order: concatenate per operand
        (0..kinds.len())
            .map(|k| {
                let pieces: Vec<&HostTensor> = parts.iter().map(|p| &p[k]).collect();
                let flat = concat(&pieces, 0)?;
                reshape(&flat, &node.outs[k].shape)
            })
            .collect()
    }
}

/// Per result axis of a broadcast of `operand` (row-major) to `shape` along increasing `dims`:
/// the operand's flat stride, 0 along the axes it is repeated over.
fn broadcast_strides(operand: &[usize], shape: &[usize], dims: &[usize]) -> Result<Vec<usize>> {
    let bad = || Error::graph("broadcast_in_dim", format!("{operand:?} to {shape:?}"));
    if dims.len() != operand.len() {
        return Err(bad());
    }
    let mut strides = vec![0usize; shape.len()];
    let mut stride = 1;
    for (i, &d) in dims.iter().enumerate().rev() {
        let n = operand[i];
        match shape.get(d) {
            Some(&s) if n == s => strides[d] = if n == 1 { 0 } else { stride },
            Some(_) if n == 1 => {}
            _ => return Err(bad()),
        }
        stride *= n;
    }
    Ok(strides)
}

/// Elements `lo..hi` (row-major) of the broadcast of the flat leaf `t` to `shape`, with the
/// operand strides of [`broadcast_strides`]: runs along the last axis, copied or repeated.
fn broadcast_part(
    t: &HostTensor<'_>,
    shape: &[usize],
    strides: &[usize],
    lo: usize,
    hi: usize,
) -> Result<H> {
    let lost = || Error::graph("broadcast_in_dim", "fused broadcast index out of range");
    let Some(last) = shape.len().checked_sub(1) else {
        return Err(lost());
    };
    if shape.contains(&0) {
        return Err(lost());
    }
    let mut idx = vec![0usize; shape.len()];
    let mut rem = lo;
    for d in (0..shape.len()).rev() {
        idx[d] = rem % shape[d];
        rem /= shape[d];
    }
    macro_rules! gather {
        ($a:expr) => {{
            let src = $a.as_slice().ok_or_else(lost)?;
            let mut out = Vec::with_capacity(hi - lo);
            let mut p = lo;
            while p < hi {
                let run = (shape[last] - idx[last]).min(hi - p);
                let base: usize = idx.iter().zip(strides).map(|(i, s)| i * s).sum();
                let s = strides[last];
                if s == 0 {
                    let v = *src.get(base).ok_or_else(lost)?;
                    out.resize(out.len() + run, v);
                } else {
                    let end = base + (run - 1) * s;
                    let seg = src.get(base..=end).ok_or_else(lost)?;
                    out.extend(seg.iter().step_by(s).copied());
                }
                p += run;
                idx[last] += run;
                let mut d = last;
                while d > 0 && idx[d] == shape[d] {
                    idx[d] = 0;
                    d -= 1;
                    idx[d] += 1;
                }
            }
            CowArray::from(ndarray::Array1::from_vec(out).into_dyn())
        }};
    }
    Ok(map_host!(t, a => gather!(a)))
}

/// `len` copies of the single element of `t`.
fn splat(t: &HostTensor<'_>, len: usize) -> Result<H> {
    let empty = || Error::graph("broadcast_in_dim", "splat of an empty operand");
    Ok(map_host!(t, a => {
        let v = *a.iter().next().ok_or_else(empty)?;
        CowArray::from(ArrayD::from_elem(IxDyn(&[len]), v))
    }))
}

// ---------------------------------------------------------------------------------------------
// accumulators

/// Position in the output block while folding a stream of `(outer, reduced, inner)` elements.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    /// First accumulator of the current outer index.
    base: usize,
    /// Inner index.
    j: usize,
    /// Reduced index.
    r: usize,
    inner: usize,
    reduced: usize,
}

/// Folds `vals` (the next elements of the stream) into `acc`.
#[inline(always)]
fn fold<A, S>(acc: &mut [S], vals: &[A], c: &mut Cursor, f: impl Fn(&mut S, &A)) -> Result<()> {
    let lost = || Error::graph("reduce", "fused accumulator out of range");
    let mut k = 0;
    while k < vals.len() {
        if c.inner == 1 {
            let n = (vals.len() - k).min(c.reduced - c.r);
            let s = acc.get_mut(c.base).ok_or_else(lost)?;
            for v in &vals[k..k + n] {
                f(s, v);
            }
            k += n;
            c.r += n;
            if c.r == c.reduced {
                c.r = 0;
                c.base += 1;
            }
        } else {
            let n = (vals.len() - k).min(c.inner - c.j);
            let dst = acc
                .get_mut(c.base + c.j..c.base + c.j + n)
                .ok_or_else(lost)?;
            for (s, v) in dst.iter_mut().zip(&vals[k..k + n]) {
                f(s, v);
            }
            k += n;
            c.j += n;
            if c.j == c.inner {
                c.j = 0;
                c.r += 1;
                if c.r == c.reduced {
                    c.r = 0;
                    c.base += c.inner;
                }
            }
        }
    }
    Ok(())
}

/// One operand's accumulators; the same types and identities as the interpreter's reduce
/// (f32 and c64 sums accumulate in f64).
enum Acc {
    SumF32(Vec<f64>),
    SumF64(Vec<f64>),
    SumC64(Vec<Complex<f64>>),
    SumC128(Vec<Complex<f64>>),
    MaxF32(Vec<f32>),
    MinF32(Vec<f32>),
    MaxF64(Vec<f64>),
    MinF64(Vec<f64>),
    SumI32(Vec<i32>),
    MaxI32(Vec<i32>),
    MinI32(Vec<i32>),
    SumI64(Vec<i64>),
    MaxI64(Vec<i64>),
    MinI64(Vec<i64>),
    All(Vec<bool>),
    Any(Vec<bool>),
}

impl Acc {
    fn new(d: DType, k: ReduceKind, n: usize) -> Result<Acc> {
        use ReduceKind::*;
        let z = Complex::new(0f64, 0f64);
        Ok(match (d, k) {
            (DType::F32, Sum) => Acc::SumF32(vec![0.0; n]),
            (DType::F64, Sum) => Acc::SumF64(vec![0.0; n]),
            (DType::C64, Sum) => Acc::SumC64(vec![z; n]),
            (DType::C128, Sum) => Acc::SumC128(vec![z; n]),
            (DType::F32, Max) => Acc::MaxF32(vec![f32::NEG_INFINITY; n]),
            (DType::F32, Min) => Acc::MinF32(vec![f32::INFINITY; n]),
            (DType::F64, Max) => Acc::MaxF64(vec![f64::NEG_INFINITY; n]),
            (DType::F64, Min) => Acc::MinF64(vec![f64::INFINITY; n]),
            (DType::I32, Sum) => Acc::SumI32(vec![0; n]),
            (DType::I32, Max) => Acc::MaxI32(vec![i32::MIN; n]),
            (DType::I32, Min) => Acc::MinI32(vec![i32::MAX; n]),
            (DType::I64, Sum) => Acc::SumI64(vec![0; n]),
            (DType::I64, Max) => Acc::MaxI64(vec![i64::MIN; n]),
            (DType::I64, Min) => Acc::MinI64(vec![i64::MAX; n]),
            (DType::Bool, All) => Acc::All(vec![true; n]),
            (DType::Bool, Any) => Acc::Any(vec![false; n]),
            _ => return Err(unsupported(&format!("reduce {k:?}"), d.name())),
        })
    }

    fn add(&mut self, x: &HostTensor<'_>, c: &mut Cursor) -> Result<()> {
        use HostTensor as T;
        let flat = || Error::graph("reduce", "fused operand not contiguous");
        macro_rules! go {
            ($acc:expr, $x:expr, $f:expr) => {
                fold($acc, $x.as_slice().ok_or_else(flat)?, c, $f)
            };
        }
        match (self, x) {
            (Acc::SumF32(a), T::F32(x)) => go!(a, x, |s, &v| *s += v as f64),
            (Acc::SumF64(a), T::F64(x)) => go!(a, x, |s, &v| *s += v),
            (Acc::SumC64(a), T::C64(x)) => {
                go!(a, x, |s, v| *s += Complex::new(v.re as f64, v.im as f64))
            }
            (Acc::SumC128(a), T::C128(x)) => go!(a, x, |s, v| *s += v),
            (Acc::MaxF32(a), T::F32(x)) => go!(a, x, |s, &v| *s = fmax(*s, v)),
            (Acc::MinF32(a), T::F32(x)) => go!(a, x, |s, &v| *s = fmin(*s, v)),
            (Acc::MaxF64(a), T::F64(x)) => go!(a, x, |s, &v| *s = fmax(*s, v)),
            (Acc::MinF64(a), T::F64(x)) => go!(a, x, |s, &v| *s = fmin(*s, v)),
            (Acc::SumI32(a), T::I32(x)) => go!(a, x, |s, &v| *s = s.wrapping_add(v)),
            (Acc::MaxI32(a), T::I32(x)) => go!(a, x, |s, &v| *s = (*s).max(v)),
            (Acc::MinI32(a), T::I32(x)) => go!(a, x, |s, &v| *s = (*s).min(v)),
            (Acc::SumI64(a), T::I64(x)) => go!(a, x, |s, &v| *s = s.wrapping_add(v)),
            (Acc::MaxI64(a), T::I64(x)) => go!(a, x, |s, &v| *s = (*s).max(v)),
            (Acc::MinI64(a), T::I64(x)) => go!(a, x, |s, &v| *s = (*s).min(v)),
            (Acc::All(a), T::Bool(x)) => go!(a, x, |s, &v| *s &= v),
            (Acc::Any(a), T::Bool(x)) => go!(a, x, |s, &v| *s |= v),
            (_, x) => Err(unsupported("fused reduce", x.dtype().name())),
        }
    }

    fn finish(self) -> H {
        fn one<R: crate::Element>(v: Vec<R>) -> H {
            H::from(ndarray::Array1::from_vec(v).into_dyn())
        }
        match self {
            Acc::SumF32(a) => one(a.into_iter().map(|s| s as f32).collect::<Vec<f32>>()),
            Acc::SumF64(a) | Acc::MaxF64(a) | Acc::MinF64(a) => one(a),
            Acc::SumC64(a) => one(a
                .into_iter()
                .map(|s| Complex::new(s.re as f32, s.im as f32))
                .collect::<Vec<_>>()),
            Acc::SumC128(a) => one(a),
            Acc::MaxF32(a) | Acc::MinF32(a) => one(a),
            Acc::SumI32(a) | Acc::MaxI32(a) | Acc::MinI32(a) => one(a),
            Acc::SumI64(a) | Acc::MaxI64(a) | Acc::MinI64(a) => one(a),
            Acc::All(a) | Acc::Any(a) => one(a),
        }
    }
}

#[cfg(test)]
#[path = "fused_tests.rs"]
mod tests;
