//! Graph → StableHLO MLIR text.
//!
//! One SSA line per node, in the generic op form (`"stablehlo.add"(%a, %b) : (…) -> …`), which
//! is the most stable textual form across StableHLO versions. The entry point is
//! `func.func public @main` with static shapes, as PJRT requires.

use std::fmt::Write;

use crate::dtype::DType;
use crate::graph::ir::*;
use crate::graph::Program;

/// Formats a float literal for MLIR in the precision of `dtype` (exact round trip; hex for
/// non-finite values).
fn float_lit(v: f64, dtype: DType) -> String {
    let single = matches!(dtype, DType::F32 | DType::C64);
    if !v.is_finite() {
        return if single {
            format!("0x{:08X}", (v as f32).to_bits())
        } else {
            format!("0x{:016X}", v.to_bits())
        };
    }
    let s = if single {
        format!("{:e}", v as f32)
    } else {
        format!("{v:e}")
    };
    // MLIR float literals need a '.' in the mantissa: "1e0" -> "1.0e0".
    match s.split_once('e') {
        Some((m, e)) if !m.contains('.') => format!("{m}.0e{e}"),
        _ => s,
    }
}

fn scalar_lit(s: Scalar, dtype: DType) -> String {
    match (s, dtype) {
        (Scalar::Bool(b), _) => b.to_string(),
        (Scalar::Int(i), d) if d.is_int() => i.to_string(),
        (Scalar::Int(i), d) => scalar_lit(Scalar::Float(i as f64), d),
        (Scalar::Float(f), d) if d.is_complex() => {
            format!("({}, {})", float_lit(f, d), float_lit(0.0, d))
        }
        (Scalar::Float(f), d) => float_lit(f, d),
        (Scalar::Complex(re, im), d) => format!("({}, {})", float_lit(re, d), float_lit(im, d)),
    }
}

fn arr(v: &[usize]) -> String {
    if v.is_empty() {
        return "array<i64>".into();
    }
    let items: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    format!("array<i64: {}>", items.join(", "))
}

fn list(v: &[usize]) -> String {
    let items: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    format!("[{}]", items.join(", "))
}

struct Lowerer<'a> {
    g: &'a Graph,
    out: String,
    tmp: usize,
    /// The sorted integer keys of each lowered `Median` node, by node index.
    sorted_keys: std::collections::HashMap<usize, String>,
}

impl Lowerer<'_> {
    fn name(&self, v: Var) -> String {
        let n = &self.g.nodes[v.node];
        if let Op::Parameter(i) = n.op {
            return format!("%arg{i}");
        }
        if n.outs.len() > 1 {
            format!("%v{}#{}", v.node, v.out)
        } else {
            format!("%v{}", v.node)
        }
    }
    fn ty(&self, v: Var) -> String {
        self.g.ty(v).mlir()
    }
    fn fresh(&mut self) -> String {
        self.tmp += 1;
        format!("%t{}", self.tmp)
    }
    fn line(&mut self, s: String) {
        self.out.push_str("    ");
        self.out.push_str(&s);
        self.out.push('\n');
    }
    /// `%res = "stablehlo.<op>"(args) {attrs} : (arg types) -> result type`
    fn generic(&mut self, res: &str, op: &str, args: &[Var], attrs: &str, result: &str) {
        let names: Vec<String> = args.iter().map(|a| self.name(*a)).collect();
        let tys: Vec<String> = args.iter().map(|a| self.ty(*a)).collect();
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" {{{attrs}}}")
        };
        self.line(format!(
            "{res} = \"stablehlo.{op}\"({}){attrs} : ({}) -> {result}",
            names.join(", "),
            tys.join(", ")
        ));
    }

    fn node(&mut self, i: usize) {
        let node = &self.g.nodes[i];
        let res = format!("%v{i}");
        let rty = node.outs[0].mlir();
        let v0 = Var { node: i, out: 0 };
        let _ = v0;
        match &node.op {
            Op::Parameter(_) => {}
            Op::Constant(s) => {
                let lit = scalar_lit(*s, node.outs[0].dtype);
                self.line(format!("{res} = stablehlo.constant dense<{lit}> : {rty}"));
            }
            Op::Unary(UnaryOp::Conj, a) if self.g.ty(*a).dtype.is_complex() => {
                let real = TensorType::new(self.g.ty(*a).dtype.real(), &node.outs[0].shape).mlir();
                let (re, im, nim) = (self.fresh(), self.fresh(), self.fresh());
                let an = self.name(*a);
                let at = self.ty(*a);
                self.line(format!(
                    "{re} = \"stablehlo.real\"({an}) : ({at}) -> {real}"
                ));
                self.line(format!(
                    "{im} = \"stablehlo.imag\"({an}) : ({at}) -> {real}"
                ));
                self.line(format!(
                    "{nim} = \"stablehlo.negate\"({im}) : ({real}) -> {real}"
                ));
                self.line(format!(
                    "{res} = \"stablehlo.complex\"({re}, {nim}) : ({real}, {real}) -> {rty}"
                ));
            }
            Op::Unary(UnaryOp::Conj, a) => {
                // identity on real input
                let (an, at) = (self.name(*a), self.ty(*a));
                self.line(format!(
                    "{res} = \"stablehlo.convert\"({an}) : ({at}) -> {rty}"
                ));
            }
            Op::Unary(u, a) => {
                let op = match u {
                    UnaryOp::Neg => "negate",
                    UnaryOp::Abs => "abs",
                    UnaryOp::Real => "real",
                    UnaryOp::Imag => "imag",
                    UnaryOp::Conj => unreachable!("handled above"),
                    UnaryOp::Sign => "sign",
                    UnaryOp::Sqrt => "sqrt",
                    UnaryOp::Exp => "exponential",
                    UnaryOp::Log => "log",
                    UnaryOp::Sin => "sine",
                    UnaryOp::Cos => "cosine",
                    UnaryOp::Floor => "floor",
                    UnaryOp::Not => "not",
                    UnaryOp::IsFinite => "is_finite",
                };
                self.generic(&res, op, &[*a], "", &rty);
            }
            Op::Binary(b, x, y) => {
                let op = match b {
                    BinaryOp::Add => "add",
                    BinaryOp::Sub => "subtract",
                    BinaryOp::Mul => "multiply",
                    BinaryOp::Div => "divide",
                    BinaryOp::Pow => "power",
                    BinaryOp::Max => "maximum",
                    BinaryOp::Min => "minimum",
                    BinaryOp::And => "and",
                    BinaryOp::Or => "or",
                    BinaryOp::Atan2 => "atan2",
                    BinaryOp::Complex => "complex",
                };
                self.generic(&res, op, &[*x, *y], "", &rty);
            }
            Op::Compare(c, x, y) => {
                let dir = match c {
                    CmpOp::Eq => "EQ",
                    CmpOp::Ne => "NE",
                    CmpOp::Lt => "LT",
                    CmpOp::Le => "LE",
                    CmpOp::Gt => "GT",
                    CmpOp::Ge => "GE",
                };
                let d = self.g.ty(*x).dtype;
                let ct = compare_type(d, false);
                let attrs = format!(
                    "comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type {ct}>"
                );
                self.generic(&res, "compare", &[*x, *y], &attrs, &rty);
            }
            Op::Select(p, a, b) => self.generic(&res, "select", &[*p, *a, *b], "", &rty),
            Op::Convert(a) => self.generic(&res, "convert", &[*a], "", &rty),
            Op::Broadcast(a, dims) => {
                let attrs = format!("broadcast_dimensions = {}", arr(dims));
                self.generic(&res, "broadcast_in_dim", &[*a], &attrs, &rty);
            }
            Op::Reshape(a) => self.generic(&res, "reshape", &[*a], "", &rty),
            Op::Transpose(a, perm) => {
                let attrs = format!("permutation = {}", arr(perm));
                self.generic(&res, "transpose", &[*a], &attrs, &rty);
            }
            Op::Slice {
                operand,
                start,
                limit,
                stride,
            } => {
                let attrs = format!(
                    "start_indices = {}, limit_indices = {}, strides = {}",
                    arr(start),
                    arr(limit),
                    arr(stride)
                );
                self.generic(&res, "slice", &[*operand], &attrs, &rty);
            }
            Op::Pad {
                operand,
                value,
                low,
                high,
            } => {
                let attrs = format!(
                    "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
                    arr(low),
                    arr(high),
                    arr(&vec![0; low.len()])
                );
                self.generic(&res, "pad", &[*operand, *value], &attrs, &rty);
            }
            Op::Concatenate(vs, axis) => {
                let attrs = format!("dimension = {axis} : i64");
                self.generic(&res, "concatenate", vs, &attrs, &rty);
            }
            Op::Fft(kind, a, n) => {
                let k = match kind {
                    FftKind::Fft => "FFT",
                    FftKind::Ifft => "IFFT",
                    FftKind::Rfft => "RFFT",
                    FftKind::Irfft => "IRFFT",
                };
                let attrs = format!(
                    "fft_type = #stablehlo<fft_type {k}>, fft_length = {}",
                    arr(&[*n])
                );
                self.generic(&res, "fft", &[*a], &attrs, &rty);
            }
            Op::Iota(axis) => {
                self.line(format!(
                    "{res} = \"stablehlo.iota\"() {{iota_dimension = {axis} : i64}} : () -> {rty}"
                ));
            }
            Op::Bincount(a, length) => self.bincount(&res, *a, *length, node.outs[0].dtype),
            Op::Median(a) => self.median(i, &res, *a),
            Op::DotGeneral {
                lhs,
                rhs,
                lhs_batch,
                rhs_batch,
                lhs_contract,
                rhs_contract,
            } => {
                let mut parts = Vec::new();
                if !lhs_batch.is_empty() {
                    parts.push(format!("lhs_batching_dimensions = {}", list(lhs_batch)));
                    parts.push(format!("rhs_batching_dimensions = {}", list(rhs_batch)));
                }
                if !lhs_contract.is_empty() {
                    parts.push(format!(
                        "lhs_contracting_dimensions = {}",
                        list(lhs_contract)
                    ));
                    parts.push(format!(
                        "rhs_contracting_dimensions = {}",
                        list(rhs_contract)
                    ));
                }
                let attrs = format!(
                    "dot_dimension_numbers = #stablehlo.dot<{}>",
                    parts.join(", ")
                );
                self.generic(&res, "dot_general", &[*lhs, *rhs], &attrs, &rty);
            }
            Op::Reduce {
                operands,
                kinds,
                axes,
            } => self.reduce(i, operands, kinds, axes),
            Op::Sort {
                operands,
                axis,
                descending,
            } => self.sort(i, operands, *axis, *descending),
        }
    }

    fn results(&self, i: usize) -> (String, String) {
        let outs = &self.g.nodes[i].outs;
        let res = if outs.len() > 1 {
            format!("%v{i}:{}", outs.len())
        } else {
            format!("%v{i}")
        };
        let tys: Vec<String> = outs.iter().map(|t| t.mlir()).collect();
        let rt = if tys.len() > 1 {
            format!("({})", tys.join(", "))
        } else {
            tys[0].clone()
        };
        (res, rt)
    }

    fn reduce(&mut self, i: usize, operands: &[Var], kinds: &[ReduceKind], axes: &[usize]) {
        let n = operands.len();
        let mut inits = Vec::new();
        for (v, k) in operands.iter().zip(kinds) {
            let d = self.g.ty(*v).dtype;
            let lit = match (k, d) {
                (ReduceKind::Sum, d) if d.is_complex() => scalar_lit(Scalar::Complex(0.0, 0.0), d),
                (ReduceKind::Sum, d) if d.is_int() => "0".into(),
                (ReduceKind::Sum, d) => float_lit(0.0, d),
                (ReduceKind::Max, DType::I32) => i32::MIN.to_string(),
                (ReduceKind::Max, DType::I64) => i64::MIN.to_string(),
                (ReduceKind::Max, d) => float_lit(f64::NEG_INFINITY, d),
                (ReduceKind::Min, DType::I32) => i32::MAX.to_string(),
                (ReduceKind::Min, DType::I64) => i64::MAX.to_string(),
                (ReduceKind::Min, d) => float_lit(f64::INFINITY, d),
                (ReduceKind::All, _) => "true".into(),
                (ReduceKind::Any, _) => "false".into(),
            };
            let name = self.fresh();
            self.line(format!(
                "{name} = stablehlo.constant dense<{lit}> : tensor<{}>",
                d.mlir()
            ));
            inits.push(name);
        }
        let (res, rt) = self.results(i);
        let mut args: Vec<String> = operands.iter().map(|v| self.name(*v)).collect();
        args.extend(inits.iter().cloned());
        let mut tys: Vec<String> = operands.iter().map(|v| self.ty(*v)).collect();
        let stys: Vec<String> = operands
            .iter()
            .map(|v| format!("tensor<{}>", self.g.ty(*v).dtype.mlir()))
            .collect();
        tys.extend(stys.iter().cloned());
        self.line(format!(
            "{res} = \"stablehlo.reduce\"({}) ({{",
            args.join(", ")
        ));
        let block_args: Vec<String> = (0..n)
            .map(|j| format!("%a{j}: {}", stys[j]))
            .chain((0..n).map(|j| format!("%b{j}: {}", stys[j])))
            .collect();
        self.line(format!("^bb0({}):", block_args.join(", ")));
        for (j, k) in kinds.iter().enumerate() {
            let op = match k {
                ReduceKind::Sum => "add",
                ReduceKind::Max => "maximum",
                ReduceKind::Min => "minimum",
                ReduceKind::All => "and",
                ReduceKind::Any => "or",
            };
            let t = &stys[j];
            let float = self.g.ty(operands[j]).dtype.is_real_float();
            if float && matches!(k, ReduceKind::Max | ReduceKind::Min) {
                // XLA CPU's max/min reductions drop NaNs; make the reducer NaN-propagating
                // explicitly (a + b is NaN when either is), as the IR and the host define it.
                let ne = "comparison_direction = #stablehlo<comparison_direction NE>, \
                          compare_type = #stablehlo<comparison_type FLOAT>";
                let i1 = "tensor<i1>";
                self.line(format!(
                    "  %m{j} = \"stablehlo.{op}\"(%a{j}, %b{j}) : ({t}, {t}) -> {t}"
                ));
                self.line(format!(
                    "  %na{j} = \"stablehlo.compare\"(%a{j}, %a{j}) {{{ne}}} : ({t}, {t}) -> {i1}"
                ));
                self.line(format!(
                    "  %nb{j} = \"stablehlo.compare\"(%b{j}, %b{j}) {{{ne}}} : ({t}, {t}) -> {i1}"
                ));
                self.line(format!(
                    "  %n{j} = \"stablehlo.or\"(%na{j}, %nb{j}) : ({i1}, {i1}) -> {i1}"
                ));
                self.line(format!(
                    "  %s{j} = \"stablehlo.add\"(%a{j}, %b{j}) : ({t}, {t}) -> {t}"
                ));
                self.line(format!(
                    "  %r{j} = \"stablehlo.select\"(%n{j}, %s{j}, %m{j}) : ({i1}, {t}, {t}) -> {t}"
                ));
            } else {
                self.line(format!(
                    "  %r{j} = \"stablehlo.{op}\"(%a{j}, %b{j}) : ({t}, {t}) -> {t}"
                ));
            }
        }
        let rets: Vec<String> = (0..n).map(|j| format!("%r{j}")).collect();
        self.line(format!(
            "  \"stablehlo.return\"({}) : ({}) -> ()",
            rets.join(", "),
            stys.join(", ")
        ));
        self.line(format!(
            "}}) {{dimensions = {}}} : ({}) -> {rt}",
            arr(axes),
            tys.join(", ")
        ));
    }

    /// A scatter-add of `idx ∈ [0, length)` (as 1) into zeros. Out-of-range indices are clamped
    /// and add 0, so nothing relies on scatter's treatment of out-of-bounds indices.
    fn bincount(&mut self, res: &str, a: Var, length: usize, out: DType) {
        let n = self.g.ty(a).shape[0];
        let it = self.g.ty(a).dtype.mlir();
        let ot = out.mlir();
        let (an, aty) = (self.name(a), self.ty(a));
        let (lo, hi, ok0, ok1, ok, upd, cl, idx, zero) = (
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
        );
        let bty = format!("tensor<{n}xi1>");
        let last = length.saturating_sub(1);
        self.line(format!("{lo} = stablehlo.constant dense<0> : {aty}"));
        self.line(format!("{hi} = stablehlo.constant dense<{last}> : {aty}"));
        let cmp = |r: &str, x: &str, y: &str, dir: &str| {
            format!("{r} = \"stablehlo.compare\"({x}, {y}) {{comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type SIGNED>}} : ({aty}, {aty}) -> {bty}")
        };
        self.line(cmp(&ok0, &an, &lo, "GE"));
        self.line(cmp(&ok1, &an, &hi, "LE"));
        self.line(format!("{ok} = stablehlo.and {ok0}, {ok1} : {bty}"));
        self.line(format!(
            "{upd} = \"stablehlo.convert\"({ok}) : ({bty}) -> tensor<{n}x{ot}>"
        ));
        self.line(format!("{cl} = stablehlo.clamp {lo}, {an}, {hi} : {aty}"));
        self.line(format!(
            "{idx} = \"stablehlo.reshape\"({cl}) : ({aty}) -> tensor<{n}x1x{it}>"
        ));
        self.line(format!(
            "{zero} = stablehlo.constant dense<0> : tensor<{length}x{ot}>"
        ));
        self.line(format!(
            "{res} = \"stablehlo.scatter\"({zero}, {idx}, {upd}) ({{"
        ));
        self.line(format!("^bb0(%a0: tensor<{ot}>, %b0: tensor<{ot}>):"));
        self.line(format!(
            "  %s = \"stablehlo.add\"(%a0, %b0) : (tensor<{ot}>, tensor<{ot}>) -> tensor<{ot}>"
        ));
        self.line(format!("  \"stablehlo.return\"(%s) : (tensor<{ot}>) -> ()"));
        self.line(format!(
            "}}) {{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], \
             scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, \
             unique_indices = false}} : (tensor<{length}x{ot}>, tensor<{n}x1x{it}>, tensor<{n}x{ot}>) \
             -> tensor<{length}x{ot}>"
        ));
    }

    /// The median: the floats mapped to integers of the same order (IEEE total order: the bits,
    /// with the magnitude bits of negative values flipped), one unstable integer sort (equal
    /// keys are equal bits, so stability is moot; integer compares are cheaper than XLA's
    /// TOTALORDER float compare), the middle key(s) mapped back. NaN keys sort outside the
    /// keys of ±inf, so the sorted ends tell whether there is a NaN: no extra pass.
    /// Element `i` of the rank-1 `src` (type `ty`) as a rank-0 value: a one-element slice
    /// (`one`) reshaped to `scalar`.
    fn element(&mut self, src: &str, i: usize, ty: &str, one: &str, scalar: &str) -> String {
        let (sl, sc) = (self.fresh(), self.fresh());
        self.line(format!(
            "{sl} = \"stablehlo.slice\"({src}) {{start_indices = array<i64: {i}>, limit_indices = array<i64: {}>, strides = array<i64: 1>}} : ({ty}) -> {one}",
            i + 1
        ));
        self.line(format!(
            "{sc} = \"stablehlo.reshape\"({sl}) : ({one}) -> {scalar}"
        ));
        sc
    }

    /// `(lo + hi) / 2` of two rank-0 values of dtype `d` (numpy's median of an even count).
    fn mean_of_two(&mut self, lo: &str, hi: &str, d: DType) -> String {
        let fs = format!("tensor<{}>", d.mlir());
        let (sum, two, q) = (self.fresh(), self.fresh(), self.fresh());
        self.line(format!(
            "{sum} = \"stablehlo.add\"({lo}, {hi}) : ({fs}, {fs}) -> {fs}"
        ));
        self.line(format!(
            "{two} = stablehlo.constant dense<{}> : {fs}",
            float_lit(2.0, d)
        ));
        self.line(format!(
            "{q} = \"stablehlo.divide\"({sum}, {two}) : ({fs}, {fs}) -> {fs}"
        ));
        q
    }

    fn median(&mut self, i: usize, res: &str, a: Var) {
        if let Some((keys, m)) = self.spread_source(a) {
            return self.median_of_squared_deviations(res, a, &keys, m);
        }
        let ty = self.g.ty(a).clone();
        let n = ty.shape[0];
        let d = ty.dtype;
        let (it, mask) = key_type(d);
        let inf_bits = if d == DType::F32 {
            i64::from(f32::INFINITY.to_bits() as i32)
        } else {
            f64::INFINITY.to_bits() as i64
        };
        let ft = d.mlir();
        let (fty, kty, bty) = (
            format!("tensor<{n}x{ft}>"),
            format!("tensor<{n}x{it}>"),
            format!("tensor<{n}xi1>"),
        );
        let (s0, s1, sb) = (
            format!("tensor<{it}>"),
            format!("tensor<1x{it}>"),
            "tensor<i1>".to_string(),
        );
        let fs = format!("tensor<{ft}>");
        let x = self.name(a);
        let cmp = |r: &str, x: &str, y: &str, dir: &str, t: &str, rt: &str| {
            format!("{r} = \"stablehlo.compare\"({x}, {y}) {{comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type SIGNED>}} : ({t}, {t}) -> {rt}")
        };
        // keys
        let (bits, zero, neg, m, flip, key, sorted) = (
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
        );
        self.line(format!(
            "{bits} = \"stablehlo.bitcast_convert\"({x}) : ({fty}) -> {kty}"
        ));
        self.line(format!("{zero} = stablehlo.constant dense<0> : {kty}"));
        self.line(cmp(&neg, &bits, &zero, "LT", &kty, &bty));
        self.line(format!("{m} = stablehlo.constant dense<{mask}> : {kty}"));
        self.line(format!(
            "{flip} = \"stablehlo.xor\"({bits}, {m}) : ({kty}, {kty}) -> {kty}"
        ));
        self.line(format!(
            "{key} = \"stablehlo.select\"({neg}, {flip}, {bits}) : ({bty}, {kty}, {kty}) -> {kty}"
        ));
        self.line(format!("{sorted} = \"stablehlo.sort\"({key}) ({{"));
        self.line(format!("^bb0(%a0: {s0}, %b0: {s0}):"));
        self.line(format!(
            "  %c = \"stablehlo.compare\"(%a0, %b0) {{comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>}} : ({s0}, {s0}) -> tensor<i1>"
        ));
        self.line("  \"stablehlo.return\"(%c) : (tensor<i1>) -> ()".into());
        self.line(format!(
            "}}) {{dimension = 0 : i64, is_stable = false}} : ({kty}) -> {kty}"
        ));
        self.sorted_keys.insert(i, sorted.clone());
        // one sorted element as a scalar key
        let at = |l: &mut Self, i: usize| l.element(&sorted, i, &kty, &s1, &s0);
        // a scalar key back to its float
        let (z0, m0) = (self.fresh(), self.fresh());
        self.line(format!("{z0} = stablehlo.constant dense<0> : {s0}"));
        self.line(format!("{m0} = stablehlo.constant dense<{mask}> : {s0}"));
        let value = |l: &mut Self, k: &str| -> String {
            let (ng, fl, b, f) = (l.fresh(), l.fresh(), l.fresh(), l.fresh());
            l.line(cmp(&ng, k, &z0, "LT", &s0, &sb));
            l.line(format!(
                "{fl} = \"stablehlo.xor\"({k}, {m0}) : ({s0}, {s0}) -> {s0}"
            ));
            l.line(format!(
                "{b} = \"stablehlo.select\"({ng}, {fl}, {k}) : ({sb}, {s0}, {s0}) -> {s0}"
            ));
            l.line(format!(
                "{f} = \"stablehlo.bitcast_convert\"({b}) : ({s0}) -> {fs}"
            ));
            f
        };
        let hi_key = at(self, n / 2);
        let hi = value(self, &hi_key);
        let mid = if n % 2 == 1 {
            hi
        } else {
            let lo_key = at(self, n / 2 - 1);
            let lo = value(self, &lo_key);
            self.mean_of_two(&lo, &hi, d)
        };
        // NaN: a key below that of −inf or above that of +inf
        let first = at(self, 0);
        let last = at(self, n - 1);
        let (lo_inf, hi_inf, below, above, any, nan) = (
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
        );
        self.line(format!(
            "{lo_inf} = stablehlo.constant dense<{}> : {s0}",
            -inf_bits - 1
        ));
        self.line(format!(
            "{hi_inf} = stablehlo.constant dense<{inf_bits}> : {s0}"
        ));
        self.line(cmp(&below, &first, &lo_inf, "LT", &s0, &sb));
        self.line(cmp(&above, &last, &hi_inf, "GT", &s0, &sb));
        self.line(format!(
            "{any} = \"stablehlo.or\"({below}, {above}) : ({sb}, {sb}) -> {sb}"
        ));
        self.line(format!(
            "{nan} = stablehlo.constant dense<{}> : {fs}",
            float_lit(f64::NAN, d)
        ));
        self.line(format!(
            "{res} = \"stablehlo.select\"({any}, {nan}, {mid}) : ({sb}, {fs}, {fs}) -> {fs}"
        ));
    }

    /// `d = s·s`, `s = p − broadcast(m)`, `m = Median(p)` already lowered: the sorted keys of `p`
    /// and `m` (the spread of [`Aggregation::Median`](crate::metrics::Aggregation) in CNR).
    fn spread_source(&self, d: Var) -> Option<(String, Var)> {
        let node = |v: Var| &self.g.nodes[v.node].op;
        let Op::Binary(BinaryOp::Mul, s1, s2) = node(d) else {
            return None;
        };
        let Op::Binary(BinaryOp::Sub, p, b) = node(*s1) else {
            return None;
        };
        let Op::Broadcast(m, _) = node(*b) else {
            return None;
        };
        match node(*m) {
            Op::Median(p2) if s1 == s2 && p2 == p && self.g.ty(*m).rank() == 0 => {
                Some((self.sorted_keys.get(&m.node)?.clone(), *m))
            }
            _ => None,
        }
    }

    /// The median of `d = (p − m)²` without a second sort: `p` sorted (the keys of its median,
    /// mapped back) makes `d` V-shaped (non-increasing, then non-decreasing: subtracting `m` and
    /// squaring are monotone on each side, rounding included), so the `r + 1` smallest values
    /// of `d` form a contiguous window and the rank-`r` value is `min_i max(d[i], d[i + r])`:
    /// two slices, an elementwise max and a min reduce, bit for bit the value a sort selects.
    /// NaN exactly when `d` has a NaN: `m` NaN (any NaN in `p`), or `m = ±inf` equal to an
    /// element (`inf − inf`).
    fn median_of_squared_deviations(&mut self, res: &str, d: Var, keys: &str, m: Var) {
        let ty = self.g.ty(d).clone();
        let n = ty.shape[0];
        let dt = ty.dtype;
        let (it, mask) = key_type(dt);
        let ft = dt.mlir();
        let (fty, kty, bty, fs, sb) = (
            format!("tensor<{n}x{ft}>"),
            format!("tensor<{n}x{it}>"),
            format!("tensor<{n}xi1>"),
            format!("tensor<{ft}>"),
            "tensor<i1>".to_string(),
        );
        let mn = self.name(m);
        let (zero, neg, mk, flip, bits, sp, mb, df, dd) = (
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
        );
        // p sorted, as floats
        self.line(format!("{zero} = stablehlo.constant dense<0> : {kty}"));
        self.line(format!("{neg} = \"stablehlo.compare\"({keys}, {zero}) {{comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>}} : ({kty}, {kty}) -> {bty}"));
        self.line(format!("{mk} = stablehlo.constant dense<{mask}> : {kty}"));
        self.line(format!(
            "{flip} = \"stablehlo.xor\"({keys}, {mk}) : ({kty}, {kty}) -> {kty}"
        ));
        self.line(format!(
            "{bits} = \"stablehlo.select\"({neg}, {flip}, {keys}) : ({bty}, {kty}, {kty}) -> {kty}"
        ));
        self.line(format!(
            "{sp} = \"stablehlo.bitcast_convert\"({bits}) : ({kty}) -> {fty}"
        ));
        // d in p's sorted order, with the graph's operations
        self.line(format!(
            "{mb} = \"stablehlo.broadcast_in_dim\"({mn}) {{broadcast_dimensions = array<i64>}} : ({fs}) -> {fty}"
        ));
        self.line(format!(
            "{df} = \"stablehlo.subtract\"({sp}, {mb}) : ({fty}, {fty}) -> {fty}"
        ));
        self.line(format!(
            "{dd} = \"stablehlo.multiply\"({df}, {df}) : ({fty}, {fty}) -> {fty}"
        ));
        let at = |l: &mut Self, r: usize| -> String {
            let w = n - r;
            let wty = format!("tensor<{w}x{ft}>");
            let (a, b, mx, init, v) = (l.fresh(), l.fresh(), l.fresh(), l.fresh(), l.fresh());
            l.line(format!(
                "{a} = \"stablehlo.slice\"({dd}) {{start_indices = array<i64: 0>, limit_indices = array<i64: {w}>, strides = array<i64: 1>}} : ({fty}) -> {wty}"
            ));
            l.line(format!(
                "{b} = \"stablehlo.slice\"({dd}) {{start_indices = array<i64: {r}>, limit_indices = array<i64: {n}>, strides = array<i64: 1>}} : ({fty}) -> {wty}"
            ));
            l.line(format!(
                "{mx} = \"stablehlo.maximum\"({a}, {b}) : ({wty}, {wty}) -> {wty}"
            ));
            l.line(format!(
                "{init} = stablehlo.constant dense<{}> : {fs}",
                float_lit(f64::INFINITY, dt)
            ));
            l.line(format!("{v} = \"stablehlo.reduce\"({mx}, {init}) ({{"));
            l.line(format!("^bb0(%a0: {fs}, %b0: {fs}):"));
            l.line(format!(
                "  %r0 = \"stablehlo.minimum\"(%a0, %b0) : ({fs}, {fs}) -> {fs}"
            ));
            l.line(format!("  \"stablehlo.return\"(%r0) : ({fs}) -> ()"));
            l.line(format!(
                "}}) {{dimensions = array<i64: 0>}} : ({wty}, {fs}) -> {fs}"
            ));
            v
        };
        let hi = at(self, n / 2);
        let mid = if n % 2 == 1 {
            hi
        } else {
            let lo = at(self, n / 2 - 1);
            self.mean_of_two(&lo, &hi, dt)
        };
        // NaN in d: m NaN, or m = ±inf equal to the first or last element of sorted p
        let fcmp = |r: &str, x: &str, y: &str, dir: &str| {
            format!("{r} = \"stablehlo.compare\"({x}, {y}) {{comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type FLOAT>}} : ({fs}, {fs}) -> {sb}")
        };
        let one = format!("tensor<1x{ft}>");
        let end = |l: &mut Self, i: usize| l.element(&sp, i, &fty, &one, &fs);
        let first = end(self, 0);
        let last = end(self, n - 1);
        let (isnan, am, inf, isinf, e0, e1, hit, both, flag, nan) = (
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
            self.fresh(),
        );
        self.line(fcmp(&isnan, &mn, &mn, "NE"));
        self.line(format!("{am} = \"stablehlo.abs\"({mn}) : ({fs}) -> {fs}"));
        self.line(format!(
            "{inf} = stablehlo.constant dense<{}> : {fs}",
            float_lit(f64::INFINITY, dt)
        ));
        self.line(fcmp(&isinf, &am, &inf, "EQ"));
        self.line(fcmp(&e0, &first, &mn, "EQ"));
        self.line(fcmp(&e1, &last, &mn, "EQ"));
        self.line(format!(
            "{hit} = \"stablehlo.or\"({e0}, {e1}) : ({sb}, {sb}) -> {sb}"
        ));
        self.line(format!(
            "{both} = \"stablehlo.and\"({isinf}, {hit}) : ({sb}, {sb}) -> {sb}"
        ));
        self.line(format!(
            "{flag} = \"stablehlo.or\"({isnan}, {both}) : ({sb}, {sb}) -> {sb}"
        ));
        self.line(format!(
            "{nan} = stablehlo.constant dense<{}> : {fs}",
            float_lit(f64::NAN, dt)
        ));
        self.line(format!(
            "{res} = \"stablehlo.select\"({flag}, {nan}, {mid}) : ({sb}, {fs}, {fs}) -> {fs}"
        ));
    }

    fn sort(&mut self, i: usize, operands: &[Var], axis: usize, descending: bool) {
        let (res, rt) = self.results(i);
        let args: Vec<String> = operands.iter().map(|v| self.name(*v)).collect();
        let tys: Vec<String> = operands.iter().map(|v| self.ty(*v)).collect();
        let stys: Vec<String> = operands
            .iter()
            .map(|v| format!("tensor<{}>", self.g.ty(*v).dtype.mlir()))
            .collect();
        self.line(format!(
            "{res} = \"stablehlo.sort\"({}) ({{",
            args.join(", ")
        ));
        let block_args: Vec<String> = (0..operands.len())
            .flat_map(|j| [format!("%a{j}: {}", stys[j]), format!("%b{j}: {}", stys[j])])
            .collect();
        self.line(format!("^bb0({}):", block_args.join(", ")));
        let key = self.g.ty(operands[0]).dtype;
        let dir = if descending { "GT" } else { "LT" };
        let ct = compare_type(key, true);
        let t = &stys[0];
        self.line(format!(
            "  %c = \"stablehlo.compare\"(%a0, %b0) {{comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type {ct}>}} : ({t}, {t}) -> tensor<i1>"
        ));
        self.line("  \"stablehlo.return\"(%c) : (tensor<i1>) -> ()".into());
        self.line(format!(
            "}}) {{dimension = {axis} : i64, is_stable = true}} : ({}) -> {rt}",
            tys.join(", ")
        ));
    }
}

fn compare_type(d: DType, total_order: bool) -> &'static str {
    match d {
        DType::Bool => "UNSIGNED",
        DType::I32 | DType::I64 => "SIGNED",
        _ if total_order => "TOTALORDER",
        _ => "FLOAT",
    }
}

fn symbol(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("m_{s}")
    } else {
        s
    }
}

/// Lowers a program to a StableHLO MLIR module.
///
/// ```
/// use ultrasound_metrics::graph::{trace, TensorType};
/// use ultrasound_metrics::DType;
/// let p = trace("scale", &[TensorType::new(DType::F32, &[2, 3])], |x| Ok(vec![x[0].sum(&[0])])).unwrap();
/// let text = ultrasound_metrics::lower::stablehlo::lower(&p);
/// assert!(text.contains("func.func public @main(%arg0: tensor<2x3xf32>) -> (tensor<3xf32>)"));
/// assert!(text.contains("\"stablehlo.reduce\""));
/// ```
pub fn lower(p: &Program) -> String {
    let g = p.graph();
    let mut l = Lowerer {
        g,
        out: String::new(),
        tmp: 0,
        sorted_keys: Default::default(),
    };
    let params: Vec<String> = g
        .params
        .iter()
        .enumerate()
        .map(|(i, t)| format!("%arg{i}: {}", t.mlir()))
        .collect();
    let outs: Vec<String> = p.outputs().iter().map(|t| t.mlir()).collect();
    for i in 0..g.nodes.len() {
        l.node(i);
    }
    let rets: Vec<String> = p.output_vars().iter().map(|v| l.name(*v)).collect();
    let mut s = String::new();
    let sig: Vec<String> = g.params.iter().map(|t| t.to_string()).collect();
    let osig: Vec<String> = p.outputs().iter().map(|t| t.to_string()).collect();
    let _ = writeln!(
        s,
        "// {}: ({}) -> ({})",
        p.name(),
        sig.join(", "),
        osig.join(", ")
    );
    let _ = writeln!(s, "// fingerprint {}", p.fingerprint());
    let _ = writeln!(s, "module @{} {{", symbol(p.name()));
    let _ = writeln!(
        s,
        "  func.func public @main({}) -> ({}) {{",
        params.join(", "),
        outs.join(", ")
    );
    s.push_str(&l.out);
    let _ = writeln!(
        s,
        "    \"func.return\"({}) : ({}) -> ()",
        rets.join(", "),
        outs.join(", ")
    );
    s.push_str("  }\n}\n");
    s
}

/// The integer type of a float's order-preserving sort key, and the mask that flips a negative
/// float's magnitude bits (`i32` for `f32`, `i64` for `f64`).
fn key_type(d: DType) -> (&'static str, i64) {
    if d == DType::F32 {
        ("i32", i64::from(i32::MAX))
    } else {
        ("i64", i64::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_literals_round_trip() {
        assert_eq!(float_lit(1.0, DType::F64), "1.0e0");
        assert_eq!(float_lit(0.1, DType::F64), "1.0e-1");
        assert_eq!(float_lit(-2.5e-7, DType::F32), "-2.5e-7");
        assert_eq!(float_lit(f64::INFINITY, DType::F32), "0x7F800000");
        assert_eq!(
            float_lit(f64::NEG_INFINITY, DType::F64),
            "0xFFF0000000000000"
        );
        let x = 0.1f32;
        let s = float_lit(x as f64, DType::F32);
        assert_eq!(s.parse::<f32>().unwrap(), x);
    }
}
