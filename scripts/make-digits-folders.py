#!/usr/bin/env python3
"""Writes scikit-learn's bundled handwritten digits (Debian's python3-sklearn: 1797 8x8 gray
images, 10 classes, from the UCI optdigits test set) as two class-sorted image folders in the
ImageFolder convention: OUT/digits-train/<digit>/<row>.png (even rows) and OUT/digits-test/...
(odd rows). Real images with labels that no download is needed for: the README's measurements
of --count on a class-sorted source use them. Usage: make-digits-folders.py OUT"""
import gzip
import os
import sys

import numpy as np
from PIL import Image

src = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"
out = sys.argv[1]
with gzip.open(src, "rt") as f:
    rows = np.loadtxt(f, delimiter=",")
pixels = rows[:, :64].reshape(-1, 8, 8)
labels = rows[:, 64].astype(int)
for i, (img, label) in enumerate(zip(pixels, labels)):
    split = "digits-train" if i % 2 == 0 else "digits-test"
    folder = os.path.join(out, split, str(label))
    os.makedirs(folder, exist_ok=True)
    # Values are 0..16 ink counts; scale to 0..255 gray.
    Image.fromarray(np.round(img * 255 / 16).astype(np.uint8), mode="L").save(os.path.join(folder, "%04d.png" % i))
print("wrote %d images (%d train, %d test) under %s" % (len(labels), (len(labels) + 1) // 2, len(labels) // 2, out))
