"""Writes tests/data/matlab_layout.uff: a small UFF file laid out as MATLAB's USTB writes it
(dimensions reversed on disk, trailing singleton dimensions dropped, 1x1 scalars), with
  /beamformed_data  uff.beamformed_data, 4 channels, complex single, linear scan 6 x 5
  /channel_data     uff.channel_data, 50 samples x 4 channels, real single, with scalars
Values are closed-form so the Rust test can recompute them:
  beamformed: channel c, depth iz, lateral ix  ->  (100c + 10ix + iz) - i(100c + 10ix + iz)/2
              pixel p = ix * Nz + iz (z fastest, as USTB's linear_scan)
  channel:    sample s, channel c  ->  1000c + s
Run: python3 tests/data/make_uff_fixtures.py  (needs h5py, numpy)."""
import os
import h5py
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
M, NZ, NX, NS = 4, 5, 6, 50


def obj(g, cls, name):
    g.attrs["class"] = cls
    g.attrs["name"] = name
    g.attrs["size"] = np.array([1, 1], dtype=np.float64)


def real_field(g, name, value):
    d = g.create_dataset(name, data=value)
    d.attrs["class"] = "single" if value.dtype == np.float32 else "double"
    d.attrs["name"] = name
    d.attrs["complex"] = np.array([0], dtype=np.uint8)
    return d


with h5py.File(os.path.join(here, "matlab_layout.uff"), "w") as f:
    bf = f.create_group("beamformed_data")
    obj(bf, "uff.beamformed_data", "beamformed_data")
    c, ix, iz = np.meshgrid(np.arange(M), np.arange(NX), np.arange(NZ), indexing="ij")
    v = (100 * c + 10 * ix + iz).reshape(M, NX * NZ).astype(np.float32)  # (channel, pixel)
    data = bf.create_group("data")
    data.attrs["class"] = "single"
    data.attrs["name"] = "data"
    data.attrs["complex"] = np.array([1], dtype=np.uint8)
    data.create_dataset("real", data=v)
    data.create_dataset("imag", data=-v / 2)
    scan = bf.create_group("scan")
    obj(scan, "uff.linear_scan", "scan")
    real_field(scan, "x_axis", (np.arange(NX) * 2e-4 - 5e-4).reshape(1, NX))
    real_field(scan, "z_axis", (np.arange(NZ) * 1e-4 + 0.02).reshape(1, NZ))

    ch = f.create_group("channel_data")
    obj(ch, "uff.channel_data", "channel_data")
    s, cc = np.meshgrid(np.arange(NS), np.arange(M), indexing="ij")
    real_field(ch, "data", (1000 * cc + s).astype(np.float32).T.copy())  # (channel, sample)
    real_field(ch, "sampling_frequency", np.array([[20.832e6]]))
    real_field(ch, "sound_speed", np.array([[1540.0]]))
    real_field(ch, "initial_time", np.array([[0.0]]))
    real_field(ch, "modulation_frequency", np.array([[0.0]]))
