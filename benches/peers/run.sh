#!/usr/bin/env bash
# One command regenerates BENCHMARKS.md: installs the Python reference (ultrasound-metrics 0.1.0,
# numpy, jax[cpu], jaxtyping 0.3.2 — newer jaxtyping breaks the reference's import) into a local
# venv, times it on NumPy and JAX, times ours on the same inputs (and checks that the outputs
# agree), measures bandwidth, and writes the report.
# Usage: benches/peers/run.sh [--quick]   (from the repository root; ~25 min on 2 cores)
#   UM_PEERS_ONLY=REGEX  only the cases whose "case metric" matches (e.g. 'gcnr|tsnr')
#   UM_PEERS_OUT=FILE    write the report there instead of BENCHMARKS.md
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=${UM_PEERS_VENV:-.venv-peers}
WORK=${UM_PEERS_WORK:-target/peers}
OUT=${UM_PEERS_OUT:-BENCHMARKS.md}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "ultrasound-metrics==0.1.0" "jaxtyping==0.3.2" "jax[cpu]" numpy
fi
rm -rf "$WORK"
mkdir -p "$WORK"
cargo build --release --example peer_bench
"$VENV/bin/python" benches/peers/peers.py "$WORK" "$@"
cargo run -q --release --example peer_bench -- "$WORK/manifest.json" "$WORK/ours.json" "$@"
[ -f benches/peers/notes.md ] && cp benches/peers/notes.md "$WORK/notes.md"
"$VENV/bin/python" benches/peers/report.py "$WORK" "$OUT" "benches/peers/run.sh${*:+ $*}" "$SECONDS"
