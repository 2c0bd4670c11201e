#!/usr/bin/python3
"""Makes the Frechet-distance and KID oracle fixtures under core/src/test/resources/oracle/fid-*.json.

Run with Debian's python3-scipy (apt-get install python3-scipy), a test oracle only. The FID is
computed exactly as pytorch-fid's calculate_frechet_distance (scipy.linalg.sqrtm of
sigma1.dot(sigma2), real part, eps offset if not finite); statistics as pytorch-fid computes
them (mean over rows, np.cov(rowvar=False)). KID is the unbiased MMD^2 with the polynomial kernel
k(x, y) = (x.y/d + 1)^3 over the full sets (Binkowski et al. 2018). Deterministic (fixed seed).
"""
import json, os
import numpy as np
from scipy import linalg

out = os.path.join(os.path.dirname(__file__), "..", "core", "src", "test", "resources", "oracle")
rng = np.random.default_rng(20261124)

def frechet(mu1, sigma1, mu2, sigma2, eps=1e-6):
    diff = mu1 - mu2
    covmean, _ = linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    if not np.isfinite(covmean).all():
        offset = np.eye(sigma1.shape[0]) * eps
        covmean = linalg.sqrtm((sigma1 + offset).dot(sigma2 + offset))
    if np.iscomplexobj(covmean):
        covmean = covmean.real
    return float(diff.dot(diff) + np.trace(sigma1) + np.trace(sigma2) - 2 * np.trace(covmean))

def kid(a, b):
    d = a.shape[1]
    kxx = (a @ a.T / d + 1) ** 3
    kyy = (b @ b.T / d + 1) ** 3
    kxy = (a @ b.T / d + 1) ** 3
    m, n = len(a), len(b)
    return float((kxx.sum() - np.trace(kxx)) / (m * (m - 1)) + (kyy.sum() - np.trace(kyy)) / (n * (n - 1))
                 - 2 * kxy.mean())

def case(name, a, b):
    a = a.astype(np.float32).astype(np.float64)
    b = b.astype(np.float32).astype(np.float64)
    fid = frechet(a.mean(0), np.cov(a, rowvar=False), b.mean(0), np.cov(b, rowvar=False))
    with open(os.path.join(out, "fid-" + name + ".json"), "w") as f:
        json.dump({"a": a.tolist(), "b": b.tolist(), "fid": fid, "kid": kid(a, b)}, f)
    print(name, fid, kid(a, b))

# Two correlated Gaussians with different means and covariances.
mix = rng.normal(size=(16, 16))
case("gauss-16", rng.normal(size=(300, 16)) @ mix * 0.3, rng.normal(size=(250, 16)) @ (mix + 0.5 * np.eye(16)) * 0.3 + 0.2)
# Skewed, ReLU-like features (as a conv net's pooled activations are), 32 dims.
case("relu-32", np.maximum(rng.normal(size=(400, 32)) @ rng.normal(size=(32, 32)), 0),
     np.maximum(rng.normal(size=(400, 32)) @ rng.normal(size=(32, 32)) + 0.1, 0))
