//! Temporary probe: do executions on two PJRT clients (or two devices of one) overlap?
use std::time::Instant;
use ultrasound_metrics as um;
use um::pjrt::{plugin, Api, Client, CompileOptions};

fn cpu_s() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}

fn main() -> um::Result<()> {
    let name = std::env::args()
        .nth(1)
        .unwrap_or("coherence_factor_c64_64x100x100".into());
    let text = std::fs::read_to_string(format!("graphs/{name}.mlir")).unwrap();
    let api = Api::load(&plugin::ensure_cpu_plugin()?)?;
    let c1 = Client::create(api, &[])?;
    let c2 = Client::create(api, &[])?;
    let n_el = 64 * 100 * 100 * 2;
    let bytes: Vec<u8> = (0..n_el)
        .flat_map(|i| ((i % 17) as f32 - 8.0).to_ne_bytes())
        .collect();
    let setups: Vec<_> = [(&c1, 0), (&c1, 1), (&c2, 0)]
        .iter()
        .map(|(c, d)| {
            let exe = c.compile(&text, &CompileOptions::for_device(*d)).unwrap();
            let buf = c
                .buffer_from_host(&bytes, um::DType::C64, &[64, 100, 100], *d as usize)
                .unwrap();
            (exe, buf)
        })
        .collect();
    let run = |i: usize| {
        let (e, b) = &setups[i];
        let _ = e.execute(&[b]).unwrap();
    };
    for i in 0..3 {
        run(i);
    }
    let n = 200;
    let time = |label: &str, f: &dyn Fn()| {
        let c = cpu_s();
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        let w = t.elapsed().as_secs_f64();
        println!(
            "{label}: {:.3} ms/iter, cpu/wall {:.2}",
            w / n as f64 * 1e3,
            (cpu_s() - c) / w
        );
    };
    time("one", &|| run(0));
    time("two sequential", &|| {
        run(0);
        run(2)
    });
    time("same client, two devices, two threads", &|| {
        std::thread::scope(|s| {
            s.spawn(|| run(0));
            s.spawn(|| run(1));
        })
    });
    time("two clients, two threads", &|| {
        std::thread::scope(|s| {
            s.spawn(|| run(0));
            s.spawn(|| run(2));
        })
    });
    Ok(())
}
