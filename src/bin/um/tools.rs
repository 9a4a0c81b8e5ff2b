//! `um graphs`, `um devices`, `um setup`.

use std::path::Path;

use ultrasound_metrics as um;

use crate::CliResult;

pub fn setup() -> CliResult {
    let path = um::pjrt::plugin::ensure_cpu_plugin()?;
    println!("PJRT CPU plugin ready: {}", path.display());
    Ok(())
}

pub fn devices() -> CliResult {
    println!("host      ndarray evaluator (always available)");
    match um::Device::cpu_devices() {
        Ok(devs) => {
            if let Some(d) = devs.first() {
                println!(
                    "cpu       {} [{}]",
                    d.plugin_path().display(),
                    d.plugin_version()
                );
            }
            for d in &devs {
                println!("  {d:<8}{}", d.description());
            }
        }
        Err(e) => println!("cpu       unavailable: {}", crate::one_line(&e.to_string())),
    }
    match crate::backend::gpu_device() {
        Ok(d) => {
            println!(
                "gpu       {} [{}]",
                d.plugin_path().display(),
                d.plugin_version()
            );
            if let Ok(all) = um::Device::plugin_devices(d.plugin_path()) {
                for d in &all {
                    println!("  {d:<8}{}", d.description());
                }
            }
        }
        Err(e) => println!("gpu       unavailable: {e}"),
    }
    println!(
        "executable cache: {}",
        um::runtime::disk_cache_dir().display()
    );
    Ok(())
}

pub fn graphs(out: &Path, check: bool) -> CliResult {
    let entries = um::metrics::catalog::reference_programs()?;
    let io = |e: std::io::Error, p: &Path| um::Error::Io {
        path: p.to_path_buf(),
        problem: e.to_string(),
    };
    if !check {
        std::fs::create_dir_all(out).map_err(|e| io(e, out))?;
    }
    let mut stale = Vec::new();
    for e in &entries {
        let path = out.join(format!("{}.mlir", e.stem));
        let text = e.program.to_stablehlo();
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path);
            }
        } else {
            crate::output::write_atomic(&path, text.as_bytes())?;
            println!("wrote {}", path.display());
        }
    }
    if !stale.is_empty() {
        for p in &stale {
            eprintln!("out of date: {}", p.display());
        }
        return Err(um::Error::Io {
            path: out.to_path_buf(),
            problem: "graphs are out of date: run `cargo run --release -- graphs`".into(),
        }
        .into());
    }
    if check {
        println!("{} graphs up to date in {}", entries.len(), out.display());
    }
    Ok(())
}
