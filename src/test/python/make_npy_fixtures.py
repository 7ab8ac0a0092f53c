#!/usr/bin/python3
"""Writes the NumPy .npy files of src/test/resources/npy/ with NumPy itself, for NpyTest.

Run from the repository root with Debian's Python (python3-numpy):

    /usr/bin/python3 src/test/python/make_npy_fixtures.py

The test suite does not need Python: the files are committed. Every value is a formula of its
index i in C order, so the test computes what it expects instead of copying numbers:

    arange-f4.npy     float32 (2, 3, 4), (i - 8) / 4         format 1.0
    arange-f8.npy     float64 (3, 4), i * 0.1                format 1.0 (read as float32)
    arange-f8-be.npy  float64 big-endian (5,), i * 0.1 - 0.2 format 1.0
    arange-f4-v2.npy  float32 (3,), i + 0.5                  format 2.0
    arange-f4-v3.npy  float32 (3,), i + 0.5                  format 3.0
    scalar-f4.npy     float32 (), 2.5                        format 1.0
    empty-f4.npy      float32 (0, 3)                         format 1.0
    fortran-f4.npy    float32 (2, 3), Fortran order          refused
    arange-i8.npy     int64 (4,), i                          refused
"""

import os

import numpy as np


def write(folder, name, array, version=None):
    with open(os.path.join(folder, name), "wb") as f:
        np.lib.format.write_array(f, array, version=version)


def main():
    folder = os.path.join("src", "test", "resources", "npy")
    os.makedirs(folder, exist_ok=True)
    write(folder, "arange-f4.npy", ((np.arange(24, dtype="<f4") - 8) / 4).reshape(2, 3, 4))
    write(folder, "arange-f8.npy", (np.arange(12, dtype="<f8") * 0.1).reshape(3, 4))
    write(folder, "arange-f8-be.npy", (np.arange(5) * 0.1 - 0.2).astype(">f8"))
    write(folder, "arange-f4-v2.npy", np.arange(3, dtype="<f4") + 0.5, version=(2, 0))
    write(folder, "arange-f4-v3.npy", np.arange(3, dtype="<f4") + 0.5, version=(3, 0))
    write(folder, "scalar-f4.npy", np.array(2.5, dtype="<f4"))
    write(folder, "empty-f4.npy", np.zeros((0, 3), dtype="<f4"))
    write(folder, "fortran-f4.npy", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3)))
    write(folder, "arange-i8.npy", np.arange(4, dtype="<i8"))


if __name__ == "__main__":
    main()
