#!/usr/bin/env python3
"""Times the Python reference `ultrasound-metrics` 0.1.0 on NumPy and on JAX (jit, after warm-up,
block_until_ready) for every metric that has a Rust counterpart, on inputs it writes as .npy so
that our Rust runner (examples/peer_bench.rs) times the very same data. Also saves each case's
reference output (.npy, flattened to float64) so that the Rust runner checks that its outputs
agree, in the same run.

Columns: a reference function that cannot run on NumPy arrays (the JAX-only clip, motion and
channel-noise modules) has no NumPy time. A function that runs on JAX arrays but cannot be
jitted (it returns a Python float, or converts traced values to Python numbers) is timed eagerly
on JAX and flagged (`jax_mode: "eager"`, with the reason); one that cannot run on JAX at all
has no JAX time (reason recorded).

Usage: peers.py WORKDIR [--quick]   (run by benches/peers/run.sh)
"""
import contextlib
import importlib.util
import io
import json
import os
import platform
import re
import statistics
import sys
import time

os.environ.setdefault("MPLBACKEND", "Agg")  # compute_fwhm draws two figures per call

import numpy as np  # noqa: E402

WORK = sys.argv[1]
QUICK = "--quick" in sys.argv
os.makedirs(WORK, exist_ok=True)

import jax  # noqa: E402

# JAX's default (32-bit) mode, except around the complex128 case (x64 on there, so that it stays
# complex128). With x64 on, XLA CPU segfaults on the reference's tenengrad at 1024² and above.
import jax.numpy as jnp  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import ultrasound_metrics  # noqa: E402
from ultrasound_metrics import metrics as um  # noqa: E402
from ultrasound_metrics import roi as uroi  # noqa: E402
from ultrasound_metrics.channel import noise as unoise  # noqa: E402
from ultrasound_metrics.motion import corrcoef as ucorr  # noqa: E402

# `ultrasound_metrics.data` imports pyuff_ustb at package import (spec §1.3); the B-mode helpers
# themselves need nothing from it, so load their module file directly.
_spec = importlib.util.spec_from_file_location(
    "um_visualize_bmode", os.path.join(os.path.dirname(ultrasound_metrics.__file__), "data", "visualize_bmode.py"))
ubmode = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ubmode)

rng = np.random.default_rng(1234)
MIN_TIME = 0.3 if QUICK else 1.0
ONLY = os.environ.get("UM_PEERS_ONLY")  # a regex on "case metric", to rerun a subset


def channels(shape, dtype):
    re = rng.standard_normal(shape, dtype=np.float64)
    im = rng.standard_normal(shape, dtype=np.float64)
    return (re + 1j * im).astype(dtype)


def envelope(shape, scale=1.0):
    """Rayleigh-distributed speckle amplitude, float32."""
    return (scale * np.abs(channels(shape, np.complex128))).astype(np.float32)


def rf_line(n):
    t = np.arange(n) - 0.3 * n
    echo = 5.0 * np.exp(-t * t / 50.0) * np.cos(0.8 * t)
    return (0.1 * rng.standard_normal(n) + echo).astype(np.float32)


def psf(n):
    i = np.arange(n)[:, None] - (45 * n) // 100  # peak on a sample, value 1
    j = np.arange(n)[None, :] - (55 * n) // 100
    return (np.sinc(i * 0.5 / np.pi) ** 2) * (np.sinc(j * 0.35 / np.pi) ** 2)


def axes(n):
    return np.arange(n, dtype=np.float64) * 0.1


def flat(out):
    """Any reference output as one float64 vector (complex: re, im interleaved; None dropped)."""
    if isinstance(out, (tuple, list)):
        parts = [flat(o) for o in out if o is not None]
        return np.concatenate(parts) if parts else np.zeros(0)
    a = np.asarray(out)
    if np.iscomplexobj(a):
        a = a.astype(np.complex128).reshape(-1).view(np.float64)
    return a.astype(np.float64).reshape(-1)


def measured(out):
    """compute_fwhm/compute_sll: the measured axes only (drop the NaN/None placeholders)."""
    v = flat(out)
    return v[~np.isnan(v)]


def timeit(f, cleanup=None, min_time=None, max_reps=200):
    """Median and min wall time of f() over repetitions after one warm-up call."""
    min_time = MIN_TIME if min_time is None else min_time
    f()
    if cleanup:
        cleanup()
    times = []
    start = time.perf_counter()
    while len(times) < 3 or (time.perf_counter() - start < min_time and len(times) < max_reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
        if cleanup:
            cleanup()
    return {"median_s": statistics.median(times), "min_s": min(times), "reps": len(times)}


def quiet(fn):
    """Calls fn with stdout swallowed (compute_fwhm prints two lines per call)."""
    def g(*a):
        with contextlib.redirect_stdout(io.StringIO()):
            return fn(*a)
    return g


def reason(e):
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg[:100]}"


results = []
manifest = []


def add(case, metric, inputs, np_fn=None, jax_fn=None, *, jax_none=None, frames=False, tiny=False,
        bound=False, post=flat, cleanup=None, tol=None, note=None):
    """One (case, metric): save inputs, time the reference, save its output.

    inputs: list of arrays (the call's positional array arguments). np_fn/jax_fn take them
    (as numpy / jax arrays). jax_none: why JAX cannot run it (when jax_fn is None)."""
    if ONLY and not re.search(ONLY, f"{case} {metric}"):
        return
    paths = []
    for k, x in enumerate(inputs):
        p = os.path.join(WORK, f"{case}_{metric}_in{k}.npy")
        np.save(p, x)
        paths.append({"path": p, "dtype": np.dtype(x.dtype).name, "shape": list(x.shape)})
    nbytes = int(sum(x.nbytes for x in inputs))
    entry = {"case": case, "metric": metric, "inputs": paths, "frames": frames, "tiny": tiny,
             "bound": bound, "input_bytes": nbytes, "numpy": None, "jax": None, "jax_mode": None,
             "jax_reason": None, "jax_first_call_s": None, "note": note}
    ref = None
    if np_fn is not None:
        call = (lambda: [np_fn(*[x[i] for x in inputs]) for i in range(inputs[0].shape[0])]) if frames \
            else (lambda: np_fn(*inputs))
        ref = call()
        entry["numpy"] = timeit(call, cleanup)
    if jax_fn is not None:
        xj = [jnp.asarray(x) for x in inputs]
        fn = jax.vmap(jax_fn) if frames else jax_fn
        jf = jax.jit(fn)
        t = time.perf_counter()
        try:
            out = jax.block_until_ready(jf(*xj))
            entry["jax_first_call_s"] = time.perf_counter() - t
            entry["jax_mode"] = "jit"
            entry["jax"] = timeit(lambda: jax.block_until_ready(jf(*xj)), cleanup)
        except Exception as e:  # noqa: BLE001 - the reason is reported
            entry["jax_reason"] = "not jittable: " + reason(e)
            entry["jax_mode"] = "eager"
            t = time.perf_counter()
            out = jax.block_until_ready(fn(*xj))
            entry["jax_first_call_s"] = time.perf_counter() - t
            entry["jax"] = timeit(lambda: jax.block_until_ready(fn(*xj)), cleanup)
        if ref is None:
            ref = out
    else:
        entry["jax_reason"] = jax_none
    if frames:
        ref = np.stack([np.asarray(r) for r in ref])
    # bytes of the result: with the input's, what any implementation must at least move
    entry["output_bytes"] = int(np.asarray(ref).nbytes) if not isinstance(ref, (list, tuple)) \
        else int(sum(np.asarray(r).nbytes for r in ref))
    expected = os.path.join(WORK, f"{case}_{metric}_expected.npy")
    np.save(expected, post(ref))
    wide = any(np.dtype(x.dtype) in (np.float64, np.complex128) for x in inputs if x.dtype != bool)
    tol = tol or ({"rtol": 1e-9, "atol": 1e-12} if wide else {"rtol": 2e-4, "atol": 2e-5})
    manifest.append({**entry, "expected": expected, "tol": tol})
    results.append(entry)
    n = entry["numpy"]["median_s"] * 1e3 if entry["numpy"] else float("nan")
    j = entry["jax"]["median_s"] * 1e3 if entry["jax"] else float("nan")
    print(f"{case:<24} {metric:<22} numpy {n:10.3f} ms   jax {j:10.3f} ms {entry['jax_mode'] or '-'}",
          flush=True)


NO_JAX_TSNR = "runs on NumPy only: calls xp.errstate, missing from jax.numpy (spec §3.10)"
NO_JAX_RES = "NumPy + SciPy only (scipy.optimize / scipy.signal, spec §3.12-3.13)"
NO_NUMPY = "JAX only"

# --- the coherence family -------------------------------------------------------------------------
COHERENCE = {
    "cf": lambda x: um.coherence_factor(x),
    "gcf": lambda x: um.generalized_coherence_factor(x, m0=1),
    "pcf": lambda x: um.phase_coherence_factor(x),
    "scf": lambda x: um.sign_coherence_factor(x),
}
for case, shape, dtype, frames in [
    ("tiny_c64_8x4x4", (8, 4, 4), np.complex64, False),
    ("c64_64x100x100", (64, 100, 100), np.complex64, False),
    ("c128_64x100x100", (64, 100, 100), np.complex128, False),
    ("c64_128x200x300", (128, 200, 300), np.complex64, False),
    ("batch16_c64_64x100x100", (16, 64, 100, 100), np.complex64, True),
]:
    x = channels(shape, dtype)
    jax.config.update("jax_enable_x64", dtype == np.complex128)
    for name, fn in COHERENCE.items():
        add(case, name, [x], fn, fn, frames=frames, tiny=case.startswith("tiny"), bound=True)
    jax.config.update("jax_enable_x64", False)

# value_and_grad of mean(CF): JAX's jit(value_and_grad) of the reference's own function
x = channels((64, 100, 100), np.complex64)
vg = jax.value_and_grad(lambda v: jnp.mean(um.coherence_factor(v)))
add("c64_64x100x100", "cf_value_and_grad", [x], None, vg, jax_none=None,
    post=lambda o: flat([o[0], o[1]]), tol={"rtol": 1e-3, "atol": 1e-6},
    note="NumPy has no gradient")

# --- region statistics on ROI vectors -------------------------------------------------------------
for tag, n in [("tiny_16", 16), ("f32_1e4", 10_000), ("f32_1e6", 1_000_000)]:
    tiny = tag.startswith("tiny")
    inside, outside = envelope(n, 2.0), envelope(n, 1.0)
    add(tag, "contrast", [inside, outside], um.contrast, um.contrast, tiny=tiny)
    add(tag, "cnr", [inside, outside], um.compute_cnr, um.compute_cnr, tiny=tiny)
    if tiny:
        continue
    med = lambda s, o: um.compute_cnr(s, o, "MEDIAN", "MEDIAN")  # noqa: E731
    add(tag, "cnr_median", [inside, outside], med, med)
    add(tag, "gcnr", [inside, outside], um.gcnr, um.gcnr)
    add(tag, "rf_snr", [inside, outside], um.compute_rf_snr, um.compute_rf_snr)
    line = rf_line(n)
    add(tag, "find_signal_and_noise", [line], um.find_signal_and_noise, um.find_signal_and_noise)
    frames_ = channels((n // 100, 100), np.complex64)
    add(f"c64_{n // 100}x100", "tsnr", [frames_], um.tsnr, None, jax_none=NO_JAX_TSNR)

# --- images ---------------------------------------------------------------------------------------
for n in [8, 512, 2048]:
    tiny = n == 8
    tag = f"tiny_f32_{n}x{n}" if tiny else f"f32_{n}x{n}"
    img = envelope((n, n))
    add(tag, "tenengrad", [img], um.tenengrad, um.tenengrad, tiny=tiny)
    add(tag, "decibel", [img], ubmode.decibel, ubmode.decibel, tiny=tiny)
    if tiny:
        continue
    ax = axes(n)
    centre, radius = (n * 0.05, n * 0.05), n * 0.025
    mask = uroi.build_mask(centre, radius, ax, ax, shape="circle")
    ten_roi = lambda im, m: um.tenengrad(im, roi=m, normalize=True)  # noqa: E731
    add(tag, "tenengrad_roi_mean", [img, mask], ten_roi, ten_roi)
    add(tag, "db_zero", [img], ubmode.db_zero, ubmode.db_zero)
    iq = channels((n, n), np.complex64)
    add(f"c64_{n}x{n}", "bmode", [iq], ubmode.create_bmode_image, ubmode.create_bmode_image)
    thr = lambda x: um.is_clipped_threshold(x, max_threshold=2.5)  # noqa: E731
    add(tag, "clip_threshold", [img], None, thr, jax_none=None, note=NO_NUMPY)
    amp = lambda x: um.is_clipped_max_amplitude(x)  # noqa: E731
    add(tag, "clip_max_amplitude", [img], None, amp, note=NO_NUMPY)
    ratio = lambda x: um.clip_ratio(x, method="threshold", max_threshold=2.5)  # noqa: E731
    add(tag, "clip_ratio", [img], None, ratio, note=NO_NUMPY)
    bm = lambda xa, za: uroi.build_mask((n * 0.05, n * 0.05), n * 0.025, xa, za, shape="circle")  # noqa: E731
    add(f"axes_{n}", "build_mask_circle", [ax, ax], bm, bm)

# --- motion and channel noise ---------------------------------------------------------------------
for shape in [(4, 16), (16, 100 * 100), (64, 200 * 300)]:
    tiny = shape[0] == 4
    tag = ("tiny_" if tiny else "") + f"f32_{shape[0]}x{shape[1]}"
    v = rng.standard_normal(shape).astype(np.float32)
    add(tag, "corrcoef", [v], None, ucorr.corrcoef, note=NO_NUMPY, tiny=tiny)
    if tiny:
        continue
    add(tag, "pairwise_corrcoef", [v], None, lambda a: ucorr.pairwise_corrcoef(a), note=NO_NUMPY)
    add(tag, "pairwise_corrcoef_agg", [v], None, ucorr.pairwise_corrcoef_agg, note=NO_NUMPY)
for shape in [(4, 8, 4, 4), (4, 64, 100, 100), (16, 64, 100, 100)]:
    tiny = shape[1] == 8
    tag = ("tiny_" if tiny else "") + "c64_" + "x".join(map(str, shape))
    d = channels(shape, np.complex64)
    add(tag, "noise_repeated", [d], None, unoise.noise_repeated_measurements, note=NO_NUMPY, tiny=tiny)
    add(tag, "noise_adjacent", [d], None, unoise.noise_adjacent_frames, note=NO_NUMPY, tiny=tiny)

# --- resolution -----------------------------------------------------------------------------------
for n in [128, 512]:
    p = psf(n)
    add(f"f64_{n}x{n}", "fwhm", [p], quiet(um.compute_fwhm), None, jax_none=NO_JAX_RES,
        post=measured, cleanup=lambda: plt.close("all"),
        note="ours fixes the reference's FWHM bugs (spec §3.12): outputs differ by design")
    add(f"f64_{n}x{n}", "sll", [p], um.compute_sll, None, jax_none=NO_JAX_RES, post=measured)

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
