#!/usr/bin/env python3
"""Writes BENCHMARKS.md from peers.json (Python reference timings) and ours.json (our timings)."""
import json
import platform
import subprocess
import sys

work, out_path, command = sys.argv[1], sys.argv[2], sys.argv[3]
peers = json.load(open(f"{work}/peers.json"))
ours = json.load(open(f"{work}/ours.json"))
bw = ours["bandwidth"]["threads_2_gbps"]
key = {(r["case"], r["metric"]): r for r in ours["results"]}


def ms(s):
    return f"{s * 1e3:.3f}" if s < 0.01 else f"{s * 1e3:.1f}"


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


try:
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
except OSError:
    rustc = "?"
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()

lines = [
    "# Benchmarks",
    "",
    "Side by side, same inputs, same run. Regenerate with the command below; every number here",
    "comes from that command's run. Times are medians (ms); ratios > 1 mean we are faster.",
    "",
    f"- command: `{command}`",
    f"- machine: {cpu()}, {nproc} cores; read bandwidth {ours['bandwidth']['threads_1_gbps']:.1f} GB/s (1 thread), {bw:.1f} GB/s (2 threads)",
    f"- ours: {ours['device']}, plugin {ours['plugin']}, {rustc}",
    f"- peers: ultrasound-metrics {peers['env']['ultrasound_metrics']}, numpy {peers['env']['numpy']}, "
    f"jax {peers['env']['jax']} ({peers['env']['jax_backend']}), Python {peers['env']['python']}",
    "",
    "Columns: `numpy` and `jax` are the Python reference (JAX: `jit`, after warm-up, "
    "`block_until_ready`); `host` is our ndarray backend; `pjrt` our PJRT CPU call on a "
    "device-resident input (result left on the device, like JAX); `pjrt+put` includes the "
    "ndarray → device transfer. `best` is our fastest path. `bound` = input bytes / 2-thread read "
    "bandwidth, the memory lower bound. `cold` is our first call with no cached executable "
    "(lower + compile + run); `disk` the first call of a new process whose executable is in the "
    "on-disk cache; `jax first` JAX's trace + compile + run.",
    "",
    "| case | metric | numpy | jax | host | pjrt | pjrt+put | best | ×numpy | ×jax | best/bound | cold | disk | jax first |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
]
for p in peers["results"]:
    o = key.get((p["case"], p["metric"]))
    if o is None:
        continue
    n = p["numpy"]["median_s"] if p.get("numpy") else None
    j = p["jax"]["median_s"]
    h, r, q = o["host"]["median_s"], o["pjrt_resident"]["median_s"], o["pjrt_put"]["median_s"]
    best = min(h, r)
    bound = p["input_bytes"] / (bw * 1e9)
    lines.append(
        f"| {p['case']} | {p['metric']} | {ms(n) if n else '—'} | {ms(j)} | {ms(h)} | {ms(r)} | {ms(q)} | {ms(best)} | "
        f"{f'{n / best:.1f}' if n else '—'} | {j / best:.1f} | {best / bound:.1f} | {ms(o['first_call_cold_s'])} | "
        f"{ms(o['first_call_disk_s'])} | {ms(p['jax_first_call_s'])} |"
    )
lines += ["", "## Notes", "", open(f"{work}/notes.md").read() if __import__('os').path.exists(f"{work}/notes.md") else ""]
open(out_path, "w").write("\n".join(lines).rstrip() + "\n")
print(f"wrote {out_path}")
