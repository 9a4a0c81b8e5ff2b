//! `um batch`: many files × metrics → one CSV or JSON-lines row each; resumable, shardable.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use ultrasound_metrics as um;

use crate::backend::Ctx;
use crate::backend::{self, BackendChoice};
use crate::metrics::{self, Params, Spec};
use crate::output::{fmt_num, json_num, write_atomic};
use crate::{CliError, CliResult, MetricArgs};

/// The CSV header (also how an existing CSV is recognised).
pub const CSV_HEADER: &str = "file,member,metric,value,stats,backend,error";

/// Extensions searched in folders.
const EXTENSIONS: &[&str] = &["npy", "npz", "uff", "h5", "hdf5"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Jsonl,
}

/// Parses `I/N` (1-based).
pub fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("--shard: expected I/N with 1 <= I <= N, got `{s}`");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let (i, n): (usize, usize) = (
        i.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if n == 0 || i == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> um::Result<()> {
    let rd = std::fs::read_dir(dir).map_err(|e| um::Error::Io {
        path: dir.to_path_buf(),
        problem: format!("cannot list the folder: {e}"),
    })?;
    for entry in rd {
        let entry = entry.map_err(|e| um::Error::Io {
            path: dir.to_path_buf(),
            problem: format!("cannot list the folder: {e}"),
        })?;
        let p = entry.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
    Ok(())
}

/// The input files: files as given, folders searched; sorted and deduplicated.
pub fn collect(paths: &[PathBuf]) -> um::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files)?;
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Quotes a CSV field when needed.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Splits one CSV line into fields.
fn csv_split(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut cur)),
            (_, c) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Reads the rows already in `out`: the `(file, metric)` pairs done. A torn last line (no
/// newline: an interrupted write) is cut off.
fn resume(out: &Path, format: Format) -> um::Result<HashSet<(String, String)>> {
    let io = |problem: String| um::Error::Io {
        path: out.to_path_buf(),
        problem,
    };
    let mut done = HashSet::new();
    let bytes = match std::fs::read(out) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(done),
        Err(e) => return Err(io(format!("cannot read the existing output: {e}"))),
    };
    let complete = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(i) => i + 1,
        None => 0,
    };
    if complete < bytes.len() {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(out)
            .map_err(|e| io(format!("cannot open the existing output: {e}")))?;
        f.set_len(complete as u64)
            .map_err(|e| io(format!("cannot cut the torn last row: {e}")))?;
        eprintln!("note: {}: removed an incomplete last row", out.display());
    }
    let text = String::from_utf8_lossy(&bytes[..complete]);
    let mut lines = text.lines();
    if format == Format::Csv {
        match lines.next() {
            Some(h) if h == CSV_HEADER => {}
            None => {}
            Some(_) => {
                return Err(io(format!(
                    "exists but is not a `um batch` CSV (its header is not `{CSV_HEADER}`); \
                     choose another --out"
                )))
            }
        }
    }
    for (k, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let key = match format {
            Format::Csv => {
                let f = csv_split(line);
                (f.first().cloned(), f.get(2).cloned())
            }
            Format::Jsonl => {
                let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
                    io(format!(
                        "line {}: not JSON ({e}); choose another --out",
                        k + 1
                    ))
                })?;
                (
                    v.get("file").and_then(|f| f.as_str()).map(str::to_string),
                    v.get("metric").and_then(|f| f.as_str()).map(str::to_string),
                )
            }
        };
        match key {
            (Some(f), Some(m)) => {
                done.insert((f, m));
            }
            _ => return Err(io(format!("line {}: not a `um batch` row", k + 1))),
        }
    }
    Ok(done)
}

/// One row: the result or the error of one metric on one file.
struct Row<'a> {
    file: &'a str,
    member: &'a str,
    spec: &'a Spec,
    result: Result<metrics::Outcome, String>,
    backend: &'a str,
}

impl Row<'_> {
    fn line(&self, format: Format) -> String {
        let (value, stats, error) = match &self.result {
            Ok(o) => (
                Some(o.value),
                o.stats.iter().map(|(k, v)| (*k, *v)).collect::<Vec<_>>(),
                None,
            ),
            Err(e) => (None, Vec::new(), Some(crate::one_line(e))),
        };
        match format {
            Format::Csv => {
                let stats = stats
                    .iter()
                    .map(|(k, v)| format!("{k}={}", fmt_num(*v)))
                    .collect::<Vec<_>>()
                    .join(";");
                let fields = [
                    self.file.to_string(),
                    self.member.to_string(),
                    self.spec.name.to_string(),
                    value.map(|v| format!("{v:e}")).unwrap_or_default(),
                    stats,
                    self.backend.to_string(),
                    error.unwrap_or_default(),
                ];
                let mut s = fields
                    .iter()
                    .map(|f| csv_field(f))
                    .collect::<Vec<_>>()
                    .join(",");
                s.push('\n');
                s
            }
            Format::Jsonl => {
                let stats: serde_json::Map<String, serde_json::Value> = stats
                    .iter()
                    .map(|(k, v)| (k.to_string(), json_num(*v)))
                    .collect();
                let v = serde_json::json!({
                    "file": self.file,
                    "member": self.member,
                    "metric": self.spec.name,
                    "value": value.map(json_num),
                    "stats": stats,
                    "backend": self.backend,
                    "error": error,
                });
                format!("{v}\n")
            }
        }
    }
}

/// Which files of the list, which member of each, and how many at once.
pub struct Selection<'a> {
    /// `I/N`: only shard I of N.
    pub shard: Option<&'a str>,
    /// The npz member or UFF object to read.
    pub member: Option<&'a str>,
    /// Files processed at once (`None`: the default, see `--jobs`).
    pub jobs: Option<usize>,
}

/// The contexts the workers run in: one per job, spread over the devices of the chosen plugin
/// (round robin); the host backend runs every job on the host.
fn worker_contexts(ctx: &Ctx, jobs: Option<usize>) -> CliResult<Vec<Ctx>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Ok(match &ctx.device {
        None => (0..jobs.unwrap_or(1))
            .map(|_| Ctx { device: None })
            .collect(),
        Some(d) => {
            let devices = d.siblings();
            let n = jobs.unwrap_or_else(|| cores.min(devices.len()).max(1));
            devices
                .iter()
                .cycle()
                .take(n)
                .map(|d| Ctx {
                    device: Some(d.clone()),
                })
                .collect()
        }
    })
}

/// Every metric row of one file, as output lines, and how many failed.
fn file_rows(
    file: &str,
    todo: &[&Spec],
    ctx: &Ctx,
    member: Option<&str>,
    params: &Params,
    format: Format,
) -> (Vec<String>, usize) {
    let loaded = metrics::load(Path::new(file), member);
    let backend = ctx.short();
    let mut failed = 0;
    let lines = todo
        .iter()
        .map(|spec| {
            let (result, member_name) = match &loaded {
                Ok((input, l)) => (
                    metrics::evaluate(spec, ctx, input, params),
                    l.member.as_str(),
                ),
                Err(e) => (Err(crate::one_line(&e.to_string())), ""),
            };
            if result.is_err() {
                failed += 1;
            }
            Row {
                file,
                member: member_name,
                spec,
                result,
                backend: &backend,
            }
            .line(format)
        })
        .collect();
    (lines, failed)
}

/// `um batch`.
pub fn run(
    paths: &[PathBuf],
    metric_names: &[String],
    out: &Path,
    sel: Selection<'_>,
    args: &MetricArgs,
    choice: BackendChoice,
) -> CliResult {
    let Selection {
        shard,
        member,
        jobs,
    } = sel;
    let format = match out.extension().and_then(|e| e.to_str()) {
        Some("csv") => Format::Csv,
        Some("jsonl") => Format::Jsonl,
        _ => {
            return Err(CliError::usage(format!(
                "--out {}: the output must end in .csv or .jsonl",
                out.display()
            )))
        }
    };
    let specs: Vec<&Spec> = metric_names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| metrics::find(n))
        .collect::<Result<_, _>>()
        .map_err(CliError::usage)?;
    if specs.is_empty() {
        return Err(CliError::usage("--metrics: give at least one metric"));
    }
    let params = Params::from_args(args)?;
    if jobs == Some(0) {
        return Err(CliError::usage("--jobs: must be at least 1"));
    }
    let (shard_i, shard_n) = match shard {
        Some(s) => parse_shard(s).map_err(CliError::usage)?,
        None => (1, 1),
    };
    let all = collect(paths)?;
    let files: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(k, _)| k % shard_n == shard_i - 1)
        .map(|(_, p)| p.display().to_string())
        .collect();

    let done = resume(out, format)?;
    if !out.exists() {
        let header = match format {
            Format::Csv => format!("{CSV_HEADER}\n"),
            Format::Jsonl => String::new(),
        };
        write_atomic(out, header.as_bytes())?;
    }
    let todo: Vec<(&String, Vec<&Spec>)> = files
        .iter()
        .map(|f| {
            let m: Vec<&Spec> = specs
                .iter()
                .copied()
                .filter(|s| !done.contains(&(f.clone(), s.name.to_string())))
                .collect();
            (f, m)
        })
        .collect();
    let total: usize = todo.iter().map(|(_, m)| m.len()).sum();
    let skipped = files.len() * specs.len() - total;
    let workers = if total > 0 {
        worker_contexts(&backend::resolve(choice)?, jobs)?
    } else {
        Vec::new()
    };

    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(total as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40} {pos}/{len} rows  {elapsed_precise} elapsed, ETA {eta_precise}  {msg}",
        ) {
            b.set_style(style);
        }
        b
    } else {
        ProgressBar::hidden()
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(out)
        .map_err(|e| um::Error::Io {
            path: out.to_path_buf(),
            problem: format!("cannot open for appending: {e}"),
        })?;
    let (mut written, mut failed) = (0usize, 0usize);
    let todo: Vec<(&String, Vec<&Spec>)> =
        todo.into_iter().filter(|(_, m)| !m.is_empty()).collect();
    // Workers take files in order from a shared counter and send back each file's rows; this
    // thread writes them in file order, so the output does not depend on the number of jobs.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Vec<String>, usize)>();
    let outcome: CliResult = std::thread::scope(|scope| {
        for ctx in &workers {
            let (tx, next, todo, params) = (tx.clone(), &next, &todo, &params);
            scope.spawn(move || loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((f, specs)) = todo.get(k) else { break };
                let (lines, bad) = file_rows(f, specs, ctx, member, params, format);
                if tx.send((k, lines, bad)).is_err() {
                    break; // the writer stopped (an output error): stop too
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut due = 0;
        for (k, lines, bad) in rx {
            pending.insert(k, (lines, bad));
            while let Some((lines, bad)) = pending.remove(&due) {
                bar.set_message(todo[due].0.to_string());
                for line in &lines {
                    // one write per complete row: an interruption leaves at most a torn last
                    // line, which the next run cuts off
                    file.write_all(line.as_bytes())
                        .and_then(|_| file.flush())
                        .map_err(|e| um::Error::Io {
                            path: out.to_path_buf(),
                            problem: format!("cannot append a row: {e}"),
                        })?;
                    written += 1;
                    bar.inc(1);
                }
                failed += bad;
                due += 1;
            }
        }
        Ok(())
    });
    outcome?;
    let _ = file.sync_all();
    bar.finish_and_clear();
    eprintln!(
        "{}: {written} rows written ({failed} failed), {skipped} already there; {} files in shard {shard_i}/{shard_n} of {}",
        out.display(),
        files.len(),
        all.len()
    );
    if failed > 0 {
        return Err(CliError::fail(format!(
            "{}: {failed} of {written} rows failed (see their `error` field)",
            out.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trip_and_shards() {
        let f = csv_split(&format!("{},b,\"c\"\"d\"", csv_field("a,1")));
        assert_eq!(f, vec!["a,1", "b", "c\"d"]);
        assert_eq!(parse_shard("2/3"), Ok((2, 3)));
        assert!(
            parse_shard("0/3").is_err() && parse_shard("4/3").is_err() && parse_shard("x").is_err()
        );
    }
}
