#!/usr/bin/env python3
"""Pictures and reference points of docs/encoder.md (numpy, Pillow, scikit-learn; never at run time).

  encoder-pictures.py set OUT      OUT/fm200/: 20 Fashion-MNIST test images of each class (the first
                                   of each class in file order) as 28x28 PNGs, and OUT/pca/: their
                                   PCA-64/128 reconstructions at 32 px (fit on 20,000 train images)
  encoder-pictures.py grid OUT.png LABEL=SRC ...   one row per source, one column per class (each
                                   class's first image); SRC is a folder of reconstructions or a .npy
  encoder-pictures.py strips OUT.png LABEL=PNG ... strips one under another, labelled
"""
import gzip, os, sys, time
import numpy as np
from PIL import Image, ImageDraw

D = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    return np.frombuffer(gzip.open(D + name).read(), np.uint8, offset=offset)


def box32(x):
    return np.stack([np.asarray(Image.fromarray(a).resize((32, 32), Image.BOX)) for a in x]).reshape(len(x), -1) / 255.0


def make_set(out):
    te, yte = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28), idx("t10k-labels-idx1-ubyte.gz", 8)
    tr = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28)[:20000]
    os.makedirs(f"{out}/fm200", exist_ok=True); os.makedirs(f"{out}/pca", exist_ok=True)
    chosen = []
    for c in range(10):
        for j, i in enumerate(np.where(yte == c)[0][:20]):
            Image.fromarray(te[i]).save(f"{out}/fm200/c{c}-{j:02d}.png"); chosen.append(i)
    x, first1000 = box32(te[chosen]), box32(te[:1000])
    np.save(f"{out}/pca/real32.npy", x.reshape(-1, 32, 32).astype(np.float32))
    for k in (64, 128):
        p = PCA(k).fit(box32(tr))
        t = time.perf_counter(); p.inverse_transform(p.transform(first1000)); dt = time.perf_counter() - t
        r = p.inverse_transform(p.transform(x)).clip(0, 1)
        print(f"PCA-{k}: PSNR on the 200 {(10 * np.log10(1 / ((x - r) ** 2).mean(1))).mean():.2f} dB;"
              f" 1000 images encoded and decoded in {dt:.3f} s")
        np.save(f"{out}/pca/pca{k}.npy", r.reshape(-1, 32, 32).astype(np.float32))


def grid(out, rows, size=64, label_width=150):
    im = Image.new("L", (label_width + 10 * size, len(rows) * size), 255)
    draw = ImageDraw.Draw(im)
    for r, (label, src) in enumerate(rows):
        draw.text((4, r * size + size // 2 - 6), label, fill=0)
        if src.endswith(".npy"):
            a = np.load(src)
            tiles = [Image.fromarray((a[20 * c] * 255).round().astype(np.uint8)) for c in range(10)]
        else:
            tiles = [Image.open(f"{src}/c{c}-00.png").convert("L") for c in range(10)]
        for c, t in enumerate(tiles):
            im.paste(t.resize((size, size), Image.NEAREST), (label_width + c * size, r * size))
    im.save(out)


def strips(out, rows, scale=2, label_width=190):
    ims = [Image.open(p).convert("RGB") for _, p in rows]
    canvas = Image.new("RGB", (max(i.width for i in ims) * scale + label_width,
                               sum(i.height * scale + 4 for i in ims)), (255, 255, 255))
    draw, y = ImageDraw.Draw(canvas), 0
    for (label, _), i in zip(rows, ims):
        canvas.paste(i.resize((i.width * scale, i.height * scale), Image.NEAREST), (label_width, y))
        draw.text((4, y + i.height * scale // 2 - 6), label, fill=(0, 0, 0))
        y += i.height * scale + 4
    canvas.save(out)


if __name__ == "__main__":
    what, out, pairs = sys.argv[1], sys.argv[2], [a.split("=", 1) for a in sys.argv[3:]]
    if what == "set":
        from sklearn.decomposition import PCA
        make_set(out)
    else:
        {"grid": grid, "strips": strips}[what](out, pairs)
