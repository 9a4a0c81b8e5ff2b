#!/usr/bin/env python3
"""Times the Python reference `ultrasound-metrics` 0.1.0 on NumPy and on JAX (jit, after warm-up,
block_until_ready) for the cases in this file, on inputs it writes as .npy so that our Rust
runner times the very same data. Writes a manifest for the Rust runner and the peer timings.

Usage: peers.py WORKDIR   (run by benches/peers/run.sh)
"""
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

WORK = sys.argv[1]
os.makedirs(WORK, exist_ok=True)

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)  # complex128 cases stay complex128
import jax.numpy as jnp  # noqa: E402
import ultrasound_metrics  # noqa: E402
from ultrasound_metrics import metrics as um  # noqa: E402

rng = np.random.default_rng(1234)


def channels(shape, dtype):
    re = rng.standard_normal(shape, dtype=np.float64)
    im = rng.standard_normal(shape, dtype=np.float64)
    return (re + 1j * im).astype(dtype)


# (case id, metric, input shape, dtype, frames axis)
CASES = [
    ("tiny_c64_8x4x4", (8, 4, 4), np.complex64, False),
    ("c64_64x100x100", (64, 100, 100), np.complex64, False),
    ("c128_64x100x100", (64, 100, 100), np.complex128, False),
    ("c64_128x200x300", (128, 200, 300), np.complex64, False),
    ("batch16_c64_64x100x100", (16, 64, 100, 100), np.complex64, True),
]

METRICS = {
    "cf": lambda x: um.coherence_factor(x),
    "gcf": lambda x: um.generalized_coherence_factor(x, m0=1),
    "pcf": lambda x: um.phase_coherence_factor(x),
    "scf": lambda x: um.sign_coherence_factor(x),
}


def timeit(f, min_time=1.0, max_reps=200):
    """Median and min wall time of f() over repetitions after one warm-up call."""
    f()
    times = []
    start = time.perf_counter()
    while len(times) < 3 or (time.perf_counter() - start < min_time and len(times) < max_reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "min_s": min(times), "reps": len(times)}


results = []
manifest = []
for case_id, shape, dtype, frames in CASES:
    x = channels(shape, dtype)
    path = os.path.join(WORK, f"{case_id}.npy")
    np.save(path, x)
    for name, fn in METRICS.items():
        entry = {"case": case_id, "metric": name, "shape": list(shape), "dtype": np.dtype(dtype).name,
                 "frames": frames, "input_bytes": x.nbytes}
        manifest.append({**entry, "path": path})
        if frames:
            np_call = lambda: [fn(x[i]) for i in range(x.shape[0])]  # noqa: E731
            jf = jax.jit(jax.vmap(fn))
        else:
            np_call = lambda: fn(x)  # noqa: E731
            jf = jax.jit(fn)
        entry["numpy"] = timeit(np_call)
        xj = jnp.asarray(x)
        t = time.perf_counter()
        jf(xj).block_until_ready()
        entry["jax_first_call_s"] = time.perf_counter() - t
        entry["jax"] = timeit(lambda: jf(xj).block_until_ready())
        results.append(entry)
        print(f"{case_id:<24} {name:<4} numpy {entry['numpy']['median_s']*1e3:9.3f} ms   "
              f"jax {entry['jax']['median_s']*1e3:9.3f} ms", flush=True)

# value_and_grad of mean(CF) at c64 (64,100,100): JAX's jit(value_and_grad) of the reference's own
# function (NumPy has no gradient)
x = channels((64, 100, 100), np.complex64)
path = os.path.join(WORK, "vg_c64_64x100x100.npy")
np.save(path, x)
entry = {"case": "c64_64x100x100", "metric": "cf_value_and_grad", "shape": [64, 100, 100],
         "dtype": "complex64", "frames": False, "input_bytes": x.nbytes}
manifest.append({**entry, "path": path})
vg = jax.jit(jax.value_and_grad(lambda v: jnp.mean(um.coherence_factor(v))))
xj = jnp.asarray(x)
t = time.perf_counter()
jax.block_until_ready(vg(xj))
entry["jax_first_call_s"] = time.perf_counter() - t
entry["jax"] = timeit(lambda: jax.block_until_ready(vg(xj)))
entry["numpy"] = None
results.append(entry)
print(f"c64_64x100x100 cf_value_and_grad jax {entry['jax']['median_s']*1e3:9.3f} ms", flush=True)

env = {
    "python": platform.python_version(),
    "numpy": np.__version__,
    "jax": jax.__version__,
    "ultrasound_metrics": getattr(ultrasound_metrics, "__version__", "0.1.0"),
    "jax_backend": jax.default_backend(),
}
with open(os.path.join(WORK, "manifest.json"), "w") as f:
    json.dump(manifest, f)
with open(os.path.join(WORK, "peers.json"), "w") as f:
    json.dump({"env": env, "results": results}, f, indent=1)
