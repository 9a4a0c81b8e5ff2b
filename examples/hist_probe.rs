//! Timing probe for issue #5 (gCNR and MEDIAN CNR on large regions).
//!
//! `cargo run --release --example hist_probe` times `gcnr` (100 bins) and `compute_cnr` with
//! MEDIAN on two f32 regions of 10^4 and 10^6 values: host backend, PJRT on device-resident
//! inputs, and the cold first call (trace + lower + compile + run, no cached executable).
//! `-- --kernels` instead times hand-written StableHLO kernels for histogram counting
//! (compare-and-sum in several layouts and dtypes, and a scatter-add bincount), the
//! measurement behind gCNR's bin-index + bincount graph.
use std::time::{Duration, Instant};

use ndarray::Array1;
use ultrasound_metrics as um;
use um::metrics::{Aggregation, CnrParams};
use um::pjrt::{plugin, Api, Client, CompileOptions};
use um::DType;

fn bytes<T: Copy, const N: usize>(v: &[T], f: fn(T) -> [u8; N]) -> Vec<u8> {
    v.iter().flat_map(|&x| f(x)).collect()
}

/// compare layout [chunk, m] reduced over axis 0 (major), f32 compares, i32 counts, `k` chunks
fn cmp_major(n: usize, m: usize, k: usize, ty: &str) -> String {
    let c = n / k;
    let mut s = format!("func.func public @main(%x: tensor<{n}x{ty}>, %e: tensor<{m}x{ty}>) -> tensor<{m}xi32> {{\n");
    s += "  %z = stablehlo.constant dense<0> : tensor<i32>\n";
    s += &format!("  %eb = \"stablehlo.broadcast_in_dim\"(%e) {{broadcast_dimensions = array<i64: 1>}} : (tensor<{m}x{ty}>) -> tensor<{c}x{m}x{ty}>\n");
    let mut acc = String::new();
    for j in 0..k {
        s += &format!("  %x{j} = \"stablehlo.slice\"(%x) {{start_indices = array<i64: {}>, limit_indices = array<i64: {}>, strides = array<i64: 1>}} : (tensor<{n}x{ty}>) -> tensor<{c}x{ty}>\n", j * c, (j + 1) * c);
        s += &format!("  %xb{j} = \"stablehlo.broadcast_in_dim\"(%x{j}) {{broadcast_dimensions = array<i64: 0>}} : (tensor<{c}x{ty}>) -> tensor<{c}x{m}x{ty}>\n");
        s += &format!("  %b{j} = \"stablehlo.compare\"(%xb{j}, %eb) {{comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>}} : (tensor<{c}x{m}x{ty}>, tensor<{c}x{m}x{ty}>) -> tensor<{c}x{m}xi1>\n");
        s += &format!("  %i{j} = \"stablehlo.convert\"(%b{j}) : (tensor<{c}x{m}xi1>) -> tensor<{c}x{m}xi32>\n");
        s += &format!("  %r{j} = \"stablehlo.reduce\"(%i{j}, %z) ({{\n  ^bb0(%p: tensor<i32>, %q: tensor<i32>):\n    %s = \"stablehlo.add\"(%p, %q) : (tensor<i32>, tensor<i32>) -> tensor<i32>\n    \"stablehlo.return\"(%s) : (tensor<i32>) -> ()\n  }}) {{dimensions = array<i64: 0>}} : (tensor<{c}x{m}xi32>, tensor<i32>) -> tensor<{m}xi32>\n");
        if j == 0 {
            acc = "%r0".into();
        } else {
            s += &format!("  %acc{j} = stablehlo.add {acc}, %r{j} : tensor<{m}xi32>\n");
            acc = format!("%acc{j}");
        }
    }
    s += &format!("  return {acc} : tensor<{m}xi32>\n}}\n");
    s
}

/// compare layout [m, chunk] reduced over axis 1 (minor), like today but f32/i32
fn cmp_minor(n: usize, m: usize, ty: &str) -> String {
    let mut s = format!("func.func public @main(%x: tensor<{n}x{ty}>, %e: tensor<{m}x{ty}>) -> tensor<{m}xi32> {{\n");
    s += "  %z = stablehlo.constant dense<0> : tensor<i32>\n";
    s += &format!("  %eb = \"stablehlo.broadcast_in_dim\"(%e) {{broadcast_dimensions = array<i64: 0>}} : (tensor<{m}x{ty}>) -> tensor<{m}x{n}x{ty}>\n");
    s += &format!("  %xb = \"stablehlo.broadcast_in_dim\"(%x) {{broadcast_dimensions = array<i64: 1>}} : (tensor<{n}x{ty}>) -> tensor<{m}x{n}x{ty}>\n");
    s += &format!("  %b = \"stablehlo.compare\"(%xb, %eb) {{comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>}} : (tensor<{m}x{n}x{ty}>, tensor<{m}x{n}x{ty}>) -> tensor<{m}x{n}xi1>\n");
    s += &format!(
        "  %i = \"stablehlo.convert\"(%b) : (tensor<{m}x{n}xi1>) -> tensor<{m}x{n}xi32>\n"
    );
    s += &format!("  %r = \"stablehlo.reduce\"(%i, %z) ({{\n  ^bb0(%p: tensor<i32>, %q: tensor<i32>):\n    %s = \"stablehlo.add\"(%p, %q) : (tensor<i32>, tensor<i32>) -> tensor<i32>\n    \"stablehlo.return\"(%s) : (tensor<i32>) -> ()\n  }}) {{dimensions = array<i64: 1>}} : (tensor<{m}x{n}xi32>, tensor<i32>) -> tensor<{m}xi32>\n");
    s += &format!("  return %r : tensor<{m}xi32>\n}}\n");
    s
}

/// bin index by floor((x-lo)*scale) then scatter-add of ones into m bins
fn scatter(n: usize, m: usize) -> String {
    let mut s = format!(
        "func.func public @main(%x: tensor<{n}xf32>, %e: tensor<{m}xf32>) -> tensor<{m}xi32> {{\n"
    );
    s += "  %lo = \"stablehlo.slice\"(%e) {start_indices = array<i64: 0>, limit_indices = array<i64: 1>, strides = array<i64: 1>} : (tensor<";
    s += &format!("{m}xf32>) -> tensor<1xf32>\n");
    s += "  %lo0 = \"stablehlo.reshape\"(%lo) : (tensor<1xf32>) -> tensor<f32>\n";
    s += &format!("  %lob = \"stablehlo.broadcast_in_dim\"(%lo0) {{broadcast_dimensions = array<i64>}} : (tensor<f32>) -> tensor<{n}xf32>\n");
    s += &format!("  %d = stablehlo.subtract %x, %lob : tensor<{n}xf32>\n");
    s += &format!(
        "  %sc = stablehlo.constant dense<{}.0> : tensor<{n}xf32>\n",
        m - 1
    );
    s += &format!("  %t = stablehlo.multiply %d, %sc : tensor<{n}xf32>\n");
    s += &format!("  %f = stablehlo.floor %t : tensor<{n}xf32>\n");
    s += &format!("  %i = \"stablehlo.convert\"(%f) : (tensor<{n}xf32>) -> tensor<{n}xi32>\n");
    s += &format!("  %lo_i = stablehlo.constant dense<0> : tensor<{n}xi32>\n");
    s += &format!(
        "  %hi_i = stablehlo.constant dense<{}> : tensor<{n}xi32>\n",
        m - 1
    );
    s += &format!("  %ic = stablehlo.clamp %lo_i, %i, %hi_i : tensor<{n}xi32>\n");
    s += &format!("  %idx = \"stablehlo.reshape\"(%ic) : (tensor<{n}xi32>) -> tensor<{n}x1xi32>\n");
    s += &format!("  %ones = stablehlo.constant dense<1> : tensor<{n}xi32>\n");
    s += &format!("  %zeros = stablehlo.constant dense<0> : tensor<{m}xi32>\n");
    s += &format!("  %r = \"stablehlo.scatter\"(%zeros, %idx, %ones) ({{\n  ^bb0(%p: tensor<i32>, %q: tensor<i32>):\n    %s = \"stablehlo.add\"(%p, %q) : (tensor<i32>, tensor<i32>) -> tensor<i32>\n    \"stablehlo.return\"(%s) : (tensor<i32>) -> ()\n  }}) {{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, indices_are_sorted = false, unique_indices = false}} : (tensor<{m}xi32>, tensor<{n}x1xi32>, tensor<{n}xi32>) -> tensor<{m}xi32>\n");
    s += &format!("  return %r : tensor<{m}xi32>\n}}\n");
    s
}

fn median_ms(mut f: impl FnMut(), budget: Duration) -> f64 {
    f();
    let mut v = Vec::new();
    let start = Instant::now();
    while v.len() < 3 || (start.elapsed() < budget && v.len() < 500) {
        let t = Instant::now();
        f();
        v.push(t.elapsed().as_secs_f64() * 1e3);
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn metrics() -> um::Result<()> {
    um::runtime::set_disk_cache(false);
    let dev = um::Device::cpu()?;
    let median = CnrParams {
        fun_signal: Aggregation::Median,
        fun_noise: Aggregation::Median,
        ..Default::default()
    };
    for n in [10_000usize, 1_000_000] {
        let mut s = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 40) as f32 / (1u64 << 24) as f32
        };
        let a: Array1<f32> = (0..n).map(|_| next()).collect();
        let b: Array1<f32> = (0..n).map(|_| 0.5 + next()).collect();
        let (da, db) = (dev.put(&a)?, dev.put(&b)?);
        let budget = Duration::from_secs(if n > 100_000 { 3 } else { 1 });
        type Run<'a> = Box<dyn Fn() -> f64 + 'a>;
        let cases: Vec<(&str, Run, Run)> = vec![
            (
                "gcnr",
                Box::new(|| um::gcnr(&a, &b, Default::default()).unwrap() as f64),
                Box::new(|| {
                    um::gcnr(&da, &db, Default::default())
                        .unwrap()
                        .to_ndarray()
                        .unwrap()
                        .into_scalar() as f64
                }),
            ),
            (
                "cnr_median",
                Box::new(|| um::compute_cnr(&a, &b, median).unwrap() as f64),
                Box::new(|| {
                    um::compute_cnr(&da, &db, median)
                        .unwrap()
                        .to_ndarray()
                        .unwrap()
                        .into_scalar() as f64
                }),
            ),
        ];
        for (name, host, pjrt) in &cases {
            um::runtime::clear_memory_cache();
            let t = Instant::now();
            let v = pjrt();
            let cold = t.elapsed().as_secs_f64() * 1e3;
            let h = median_ms(
                || {
                    std::hint::black_box(host());
                },
                budget,
            );
            let p = median_ms(
                || {
                    std::hint::black_box(pjrt());
                },
                budget,
            );
            println!(
                "n={n:8} {name:11} host {h:9.3} ms  pjrt {p:9.3} ms  cold {cold:8.1} ms  value {v} (host {})",
                host()
            );
        }
    }
    Ok(())
}

fn main() -> um::Result<()> {
    if std::env::args().any(|a| a == "--kernels") {
        kernels()
    } else if std::env::args().any(|a| a == "--sort") {
        sorts()
    } else if std::env::args().any(|a| a == "--extrema") {
        extrema()
    } else {
        metrics()
    }
}

/// XLA's sort of 10^6 values with each comparator: the cost behind MEDIAN CNR on PJRT.
fn sorts() -> um::Result<()> {
    let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    let n = 1_000_000usize;
    let x: Vec<f32> = (0..n)
        .map(|i| ((i as u64 * 2654435761) % 1000003) as f32 / 1000003.0)
        .collect();
    let xi: Vec<i32> = x.iter().map(|v| v.to_bits() as i32).collect();
    let bx = client.buffer_from_host(&bytes(&x, f32::to_ne_bytes), DType::F32, &[n], 0)?;
    let bi = client.buffer_from_host(&bytes(&xi, i32::to_ne_bytes), DType::I32, &[n], 0)?;
    for (ty, ct, stable, buf) in [
        ("f32", "TOTALORDER", true, &bx),
        ("f32", "FLOAT", true, &bx),
        ("f32", "FLOAT", false, &bx),
        ("i32", "SIGNED", true, &bi),
    ] {
        let text = format!(
            "func.func public @main(%x: tensor<{n}x{ty}>) -> tensor<{n}x{ty}> {{
  %r = \"stablehlo.sort\"(%x) ({{
  ^bb0(%a: tensor<{ty}>, %b: tensor<{ty}>):
    %c = \"stablehlo.compare\"(%a, %b) {{comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type {ct}>}} : (tensor<{ty}>, tensor<{ty}>) -> tensor<i1>
    \"stablehlo.return\"(%c) : (tensor<i1>) -> ()
  }}) {{dimension = 0 : i64, is_stable = {stable}}} : (tensor<{n}x{ty}>) -> tensor<{n}x{ty}>
  return %r : tensor<{n}x{ty}>
}}"
        );
        let exe = client.compile(&text, &CompileOptions::for_device(0))?;
        let ms = median_ms(
            || {
                exe.execute(&[buf]).unwrap();
            },
            Duration::from_secs(3),
        );
        println!("sort n={n} {ty} {ct:10} stable={stable:5}: {ms:8.2} ms");
    }
    Ok(())
}

fn kernels() -> um::Result<()> {
    let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    let m = 101;
    for n in [10_000usize, 1_000_000] {
        let x: Vec<f32> = (0..n)
            .map(|i| ((i as u64 * 2654435761) % 1000003) as f32 / 1000003.0)
            .collect();
        let e: Vec<f32> = (0..m).map(|i| i as f32 / (m - 1) as f32).collect();
        let x64: Vec<f64> = x.iter().map(|&v| v as f64).collect();
        let e64: Vec<f64> = e.iter().map(|&v| v as f64).collect();
        let bx = client.buffer_from_host(&bytes(&x, f32::to_ne_bytes), DType::F32, &[n], 0)?;
        let be = client.buffer_from_host(&bytes(&e, f32::to_ne_bytes), DType::F32, &[m], 0)?;
        let bx64 = client.buffer_from_host(&bytes(&x64, f64::to_ne_bytes), DType::F64, &[n], 0)?;
        let be64 = client.buffer_from_host(&bytes(&e64, f64::to_ne_bytes), DType::F64, &[m], 0)?;
        let mut kernels: Vec<(String, String, bool)> = vec![
            ("scatter".into(), scatter(n, m), false),
            ("minor f32 1chunk".into(), cmp_minor(n, m, "f32"), false),
            ("minor f64 1chunk".into(), cmp_minor(n, m, "f64"), true),
        ];
        for k in [1usize, 4, 16] {
            if n % k == 0 {
                kernels.push((
                    format!("major f32 {k}chunks"),
                    cmp_major(n, m, k, "f32"),
                    false,
                ));
                kernels.push((
                    format!("major f64 {k}chunks"),
                    cmp_major(n, m, k, "f64"),
                    true,
                ));
            }
        }
        for (name, text, f64_) in kernels {
            let t = Instant::now();
            let exe = client.compile(&text, &CompileOptions::for_device(0))?;
            let ct = t.elapsed().as_secs_f64() * 1e3;
            let args = if f64_ { [&bx64, &be64] } else { [&bx, &be] };
            let out = exe.execute(&args)?;
            let counts = out[0].to_host_vec::<i32>()?;
            let mut v = Vec::new();
            for _ in 0..(if n > 100_000 { 7 } else { 200 }) {
                let t = Instant::now();
                let o = exe.execute(&args)?;
                o[0].to_host_vec::<i32>()?;
                v.push(t.elapsed().as_secs_f64() * 1e3);
            }
            v.sort_by(f64::total_cmp);
            println!(
                "n={n:8} {name:20} compile {ct:7.1} ms  run median {:8.3} ms  (sum/last {} {})",
                v[v.len() / 2],
                counts.iter().map(|&c| c as i64).sum::<i64>(),
                counts[m - 1]
            );
        }
    }
    Ok(())
}

/// One reduce over `dims` of `[r, c]` f32 data: `ops` are (operand expression name, init,
/// combiner, element type) in one variadic reduce.
fn red(
    out: &str,
    args: &[(&str, &str, &str, &str)],
    dims: &str,
    shape: &str,
    rshape: &str,
) -> String {
    let mut s = String::new();
    for (j, (_, init, _, ty)) in args.iter().enumerate() {
        s += &format!("  %{out}_i{j} = stablehlo.constant dense<{init}> : tensor<{ty}>\n");
    }
    let names: Vec<String> = args.iter().map(|a| a.0.to_string()).collect();
    let inits: Vec<String> = (0..args.len()).map(|j| format!("%{out}_i{j}")).collect();
    let bb: Vec<String> = args
        .iter()
        .enumerate()
        .map(|(j, a)| format!("%p{j}: tensor<{}>", a.3))
        .chain(
            args.iter()
                .enumerate()
                .map(|(j, a)| format!("%q{j}: tensor<{}>", a.3)),
        )
        .collect();
    let res = if args.len() > 1 {
        format!("%{out}:{}", args.len())
    } else {
        format!("%{out}")
    };
    s += &format!(
        "  {res} = \"stablehlo.reduce\"({}, {}) ({{\n  ^bb0({}):\n",
        names.join(", "),
        inits.join(", "),
        bb.join(", ")
    );
    for (j, a) in args.iter().enumerate() {
        s += &format!(
            "    %c{j} = \"stablehlo.{}\"(%p{j}, %q{j}) : (tensor<{}>, tensor<{}>) -> tensor<{}>\n",
            a.2, a.3, a.3, a.3
        );
    }
    let cs: Vec<String> = (0..args.len()).map(|j| format!("%c{j}")).collect();
    let ts: Vec<String> = args.iter().map(|a| format!("tensor<{}>", a.3)).collect();
    s += &format!(
        "    \"stablehlo.return\"({}) : ({}) -> ()\n",
        cs.join(", "),
        ts.join(", ")
    );
    let ins: Vec<String> = args
        .iter()
        .map(|a| format!("tensor<{shape}x{}>", a.3))
        .collect();
    let outs: Vec<String> = args
        .iter()
        .map(|a| format!("tensor<{rshape}{}>", a.3))
        .collect();
    s += &format!(
        "  }}) {{dimensions = array<i64: {dims}>}} : ({}, {}) -> ({})\n",
        ins.join(", "),
        ts.join(", "),
        outs.join(", ")
    );
    s
}

/// NaN-propagating extrema (issue #5: `db_zero`, `is_clipped_max_amplitude`) as hand-written
/// kernels on f32 2048x2048: the variadic reduce with an `any(isnan)` operand (what the graphs
/// do), separate single-output reduces, and a single-output integer max over the bits.
fn extrema() -> um::Result<()> {
    let client = Client::create(Api::load(&plugin::ensure_cpu_plugin()?)?, &[])?;
    let (r, c) = (2048usize, 2048usize);
    let x: Vec<f32> = (0..r * c)
        .map(|i| ((i as u64 * 2654435761) % 1000003) as f32 / 1000003.0 - 0.5)
        .collect();
    let bx = client.buffer_from_host(&bytes(&x, f32::to_ne_bytes), DType::F32, &[r, c], 0)?;
    let sh = format!("{r}x{c}");
    let head = |ret: &str| {
        format!("func.func public @main(%x: tensor<{sh}xf32>) -> {ret} {{\n  %a = stablehlo.abs %x : tensor<{sh}xf32>\n  %n = \"stablehlo.compare\"(%a, %a) {{comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>}} : (tensor<{sh}xf32>, tensor<{sh}xf32>) -> tensor<{sh}xi1>\n")
    };
    let ninf = "0xFF800000";
    let pinf = "0x7F800000";
    let mut ks: Vec<(&str, String)> = Vec::new();
    // all-axes max of |x| (db_zero)
    let mut k = head("(tensor<f32>, tensor<i1>)");
    k += &red(
        "r",
        &[("%a", ninf, "maximum", "f32"), ("%n", "false", "or", "i1")],
        "0, 1",
        &sh,
        "",
    );
    k += "  return %r#0, %r#1 : tensor<f32>, tensor<i1>\n}\n";
    ks.push(("db max: variadic (max, any)", k));
    let mut k = head("(tensor<f32>, tensor<i1>)");
    k += &red("m", &[("%a", ninf, "maximum", "f32")], "0, 1", &sh, "");
    k += &red("y", &[("%n", "false", "or", "i1")], "0, 1", &sh, "");
    k += "  return %m, %y : tensor<f32>, tensor<i1>\n}\n";
    ks.push(("db max: max + any (two reduces)", k));
    let mut k = head("(tensor<f32>)");
    k += &red("m", &[("%a", ninf, "maximum", "f32")], "0, 1", &sh, "");
    k += "  return %m : tensor<f32>\n}\n";
    ks.push(("db max: max only (NaN dropped)", k));
    let mut k = head("(tensor<i32>)");
    k += &format!(
        "  %b = \"stablehlo.bitcast_convert\"(%a) : (tensor<{sh}xf32>) -> tensor<{sh}xi32>\n"
    );
    k += &red("m", &[("%b", "0", "maximum", "i32")], "0, 1", &sh, "");
    k += "  return %m : tensor<i32>\n}\n";
    ks.push(("db max: i32 max of bits", k));
    // per-row min and max of x (clip_max_amplitude)
    let rs = format!("{r}x");
    let headx = |ret: &str| {
        format!("func.func public @main(%x: tensor<{sh}xf32>) -> {ret} {{\n  %n = \"stablehlo.compare\"(%x, %x) {{comparison_direction = #stablehlo<comparison_direction NE>, compare_type = #stablehlo<comparison_type FLOAT>}} : (tensor<{sh}xf32>, tensor<{sh}xf32>) -> tensor<{sh}xi1>\n")
    };
    let t3 = format!("(tensor<{r}xf32>, tensor<{r}xf32>, tensor<{r}xi1>)");
    let mut k = headx(&t3);
    k += &red(
        "r",
        &[
            ("%x", pinf, "minimum", "f32"),
            ("%x", ninf, "maximum", "f32"),
            ("%n", "false", "or", "i1"),
        ],
        "1",
        &sh,
        &rs,
    );
    k += &format!(
        "  return %r#0, %r#1, %r#2 : tensor<{r}xf32>, tensor<{r}xf32>, tensor<{r}xi1>\n}}\n"
    );
    ks.push(("rows: variadic (min, max, any)", k));
    let mut k = headx(&t3);
    k += &red("lo", &[("%x", pinf, "minimum", "f32")], "1", &sh, &rs);
    k += &red("hi", &[("%x", ninf, "maximum", "f32")], "1", &sh, &rs);
    k += &red("y", &[("%n", "false", "or", "i1")], "1", &sh, &rs);
    k += &format!("  return %lo, %hi, %y : tensor<{r}xf32>, tensor<{r}xf32>, tensor<{r}xi1>\n}}\n");
    ks.push(("rows: min + max + any (three)", k));
    let mut k = format!(
        "func.func public @main(%x: tensor<{sh}xf32>) -> (tensor<{r}xi32>, tensor<{r}xi32>) {{\n"
    );
    k += &format!(
        "  %b = \"stablehlo.bitcast_convert\"(%x) : (tensor<{sh}xf32>) -> tensor<{sh}xi32>\n"
    );
    k += &format!("  %z = stablehlo.constant dense<0> : tensor<{sh}xi32>\n  %m = stablehlo.constant dense<2147483647> : tensor<{sh}xi32>\n");
    k += &format!("  %ng = \"stablehlo.compare\"(%b, %z) {{comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>}} : (tensor<{sh}xi32>, tensor<{sh}xi32>) -> tensor<{sh}xi1>\n");
    k += &format!("  %f = stablehlo.xor %b, %m : tensor<{sh}xi32>\n  %k = stablehlo.select %ng, %f, %b : tensor<{sh}xi1>, tensor<{sh}xi32>\n");
    k += &red(
        "lo",
        &[("%k", "2147483647", "minimum", "i32")],
        "1",
        &sh,
        &rs,
    );
    k += &red(
        "hi",
        &[("%k", "-2147483648", "maximum", "i32")],
        "1",
        &sh,
        &rs,
    );
    k += &format!("  return %lo, %hi : tensor<{r}xi32>, tensor<{r}xi32>\n}}\n");
    ks.push(("rows: i32 total-order keys min + max", k));
    for (name, text) in ks {
        let t = Instant::now();
        let exe = match client.compile(&text, &CompileOptions::for_device(0)) {
            Ok(e) => e,
            Err(e) => {
                println!("{name}: compile error {e}\n{text}");
                continue;
            }
        };
        let ct = t.elapsed().as_secs_f64() * 1e3;
        let ms = median_ms(
            || {
                exe.execute(&[&bx]).unwrap();
            },
            Duration::from_secs(2),
        );
        println!("{name:40} compile {ct:7.1} ms  run median {ms:8.3} ms");
    }
    Ok(())
}
