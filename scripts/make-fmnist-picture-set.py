#!/usr/bin/env python3
"""Writes a fixed, class-balanced picture set from Fashion-MNIST's test file (Debian's
dataset-fashion-mnist): the first 4 test images of each of the 10 classes, 40 PNGs in class
subfolders, for the inversion grids of docs/quality.md. Usage: make-fmnist-picture-set.py OUT"""
import gzip
import os
import sys

import numpy as np
from PIL import Image

root = "/usr/share/datasets/fashion-mnist"
names = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot"]
images = np.frombuffer(gzip.open(root + "/t10k-images-idx3-ubyte.gz").read()[16:], np.uint8).reshape(-1, 28, 28)
labels = np.frombuffer(gzip.open(root + "/t10k-labels-idx1-ubyte.gz").read()[8:], np.uint8)
out = sys.argv[1]
taken = {}
for i, (img, label) in enumerate(zip(images, labels)):
    c = int(label)
    if taken.get(c, 0) < 4:
        taken[c] = taken.get(c, 0) + 1
        folder = os.path.join(out, names[c])
        os.makedirs(folder, exist_ok=True)
        Image.fromarray(img, mode="L").save(os.path.join(folder, "%05d.png" % i))
    if sum(taken.values()) == 40:
        break
print("wrote 40 test images under %s" % out)
