#!/usr/bin/env python3
"""Plots quality against training minutes from evaluate JSON files (docs/quality.md's curve).
Usage: plot-quality-curve.py OUT.png MINUTES=evaluate.json [MINUTES=evaluate.json ...]
Needs Debian's python3-matplotlib."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

points = sorted((float(a.split("=", 1)[0]), json.load(open(a.split("=", 1)[1]))) for a in sys.argv[2:])
minutes = [m for m, _ in points]
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
for key, label in [("psnr_real", "encoder PSNR"), ("psnr_hybrid", "hybrid PSNR")]:
    left.plot(minutes, [e[key] for _, e in points], "o-", label=label)
left.axhline(21.0, color="gray", ls=":", lw=1)
left.axhline(24.0, color="gray", ls="--", lw=1)
left.set_xlabel("training minutes (2 cores)")
left.set_ylabel("dB on Fashion-MNIST test images")
left.legend()
for key, label in [("class_kept_encoder", "class kept (encoder)"), ("class_kept_hybrid", "class kept (hybrid)"),
                   ("probe_accuracy", "linear probe")]:
    right.plot(minutes, [e[key] for _, e in points], "o-", label=label)
right.plot(minutes, [e["class_kl"] for _, e in points], "s--", label="class KL (nats)")
right.axhline(0.8, color="gray", ls=":", lw=1)
right.set_xlabel("training minutes (2 cores)")
right.set_ylim(0, 1)
right.legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=90)
print("wrote", sys.argv[1])
