#!/usr/bin/python3
"""Makes the PSNR/SSIM oracle fixtures under core/src/test/resources/oracle.

Also writes codes-3x4.npy (see NpyTest). Run with Debian's python3-skimage (apt-get install python3-skimage): scikit-image is the
reference, ganinv's Java code must agree with it to 1e-4. Writes pairs of PNGs and
expected.json = {name: {"psnr": ..., "ssim": ...}}. Deterministic (fixed seed).
"""
import json, os
import numpy as np
from skimage.io import imsave
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

out = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "oracle")
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20261123)
cases = {}

def smooth(shape):
    """A structured image: gradients plus blobs, so SSIM is not trivially near 0."""
    h, w = shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    base = 128 + 60 * np.sin(xx / 3.0) * np.cos(yy / 4.0)
    if len(shape) == 3:
        base = np.stack([base, base[::-1], base[:, ::-1]], axis=-1)
    return base

def add(name, a, b):
    a = np.clip(np.round(a), 0, 255).astype(np.uint8)
    b = np.clip(np.round(b), 0, 255).astype(np.uint8)
    imsave(os.path.join(out, name + "-a.png"), a, check_contrast=False)
    imsave(os.path.join(out, name + "-b.png"), b, check_contrast=False)
    kw = dict(gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)
    if a.ndim == 3:
        ssim = structural_similarity(a, b, channel_axis=-1, **kw)
    else:
        ssim = structural_similarity(a, b, **kw)
    cases[name] = {"psnr": float(peak_signal_noise_ratio(a, b, data_range=255)), "ssim": float(ssim),
                   "channels": 3 if a.ndim == 3 else 1}

add("rgb32-noise", smooth((32, 32, 3)), smooth((32, 32, 3)) + rng.normal(0, 12, (32, 32, 3)))
add("rgb32-random", rng.integers(0, 256, (32, 32, 3)), rng.integers(0, 256, (32, 32, 3)))
add("gray16-noise", smooth((16, 16)), smooth((16, 16)) + rng.normal(0, 25, (16, 16)))
add("rgb64-shift", smooth((64, 64, 3)), np.roll(smooth((64, 64, 3)), 1, axis=1) + 5)
add("gray24x40-blocks", np.kron(rng.integers(0, 256, (3, 5)), np.ones((8, 8))),
    np.kron(rng.integers(0, 256, (3, 5)), np.ones((8, 8))))
with open(os.path.join(out, "expected.json"), "w") as f:
    json.dump(cases, f, indent=2)
print(json.dumps(cases, indent=2))
