#!/usr/bin/python3
"""Photos and torchvision's preprocessing of them, for testing `convscope infer --input IMAGE`
against the recipe PyTorch users run (issue 10 §4.2).

Run with Debian's Python (python3-torch 1.13, python3-torchvision 0.14, python3-pil):
    /usr/bin/python3 src/test/python/make_preprocess_fixtures.py [--out src/test/resources/preprocess]

Writes two PNG photos drawn in code (shapes, gradients, fine stripes: what resampling gets wrong
shows) and, for each, what torchvision's transforms make of it as PIL reads it (RGB), before
ToTensor, as PNG (8-bit, lossless: the network's input is (v/255 − mean)/std of these pixels):
  <photo>-imagenet.png  Resize(256), CenterCrop(224)  (then ImageNet's mean and std)
  <photo>-custom.png    Resize(300), CenterCrop(224)  (then CUSTOM_MEAN, CUSTOM_STD)
fixture.json lists the means and standard deviations. The sizes are chosen so that torchvision's
rounding shows: wide.png (410×300) is resized to 349×256 (256·410/300 = 349.87, truncated),
small.png (180×150) is grown to 307×256, and its centre crop starts at column round(41.5) = 42
(Python rounds half to even).
"""
import argparse
import json
import os

import numpy as np
import torch
from PIL import Image, ImageDraw
from torchvision import transforms

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]
CUSTOM_SIZE = 300
CUSTOM_MEAN = [0.5, 0.4, 0.3]
CUSTOM_STD = [0.2, 0.25, 0.3]
PHOTOS = {"wide": (410, 300), "small": (180, 150)}


def draw(width, height, seed):
    """A photo-like picture: smooth colour gradients, discs and bars with hard edges, fine stripes."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float64)
    r = 127 + 100 * np.sin(x / width * 3.1 + 0.5) * np.cos(y / height * 2.3)
    g = 127 + 110 * np.cos((x + y) / (width + height) * 5.0)
    b = 60 + 150 * (y / height)
    rgb = np.stack([r, g, b], axis=-1).clip(0, 255).astype(np.uint8)
    image = Image.fromarray(rgb, "RGB")
    pen = ImageDraw.Draw(image)
    for _ in range(6):
        cx, cy = rng.integers(0, width), rng.integers(0, height)
        radius = int(rng.integers(8, max(9, height // 4)))
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        pen.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=colour)
    for i in range(0, width // 3, 4):   # stripes two pixels wide: aliasing shows
        pen.line([(i, height - 30), (i, height - 5)], fill=(250, 250, 250), width=2)
    pen.rectangle([width // 2, 10, width // 2 + 40, 50], fill=(10, 20, 200))
    return image


def crop(image, size):
    """torchvision's Resize(size) then CenterCrop(224) of a PIL image: still 8-bit pixels."""
    return transforms.CenterCrop(224)(transforms.Resize(size)(image))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join("src", "test", "resources", "preprocess"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    about = {"imagenet": {"resize": 256, "crop": 224, "mean": IMAGENET_MEAN, "std": IMAGENET_STD},
             "custom": {"resize": CUSTOM_SIZE, "crop": 224, "mean": CUSTOM_MEAN, "std": CUSTOM_STD},
             "torch": torch.__version__, "photos": {name: list(size) for name, size in PHOTOS.items()}}
    for seed, (name, (w, h)) in enumerate(PHOTOS.items()):
        path = os.path.join(args.out, name + ".png")
        draw(w, h, seed).save(path, optimize=True)
        image = Image.open(path).convert("RGB")
        crop(image, 256).save(os.path.join(args.out, name + "-imagenet.png"), optimize=True)
        crop(image, CUSTOM_SIZE).save(os.path.join(args.out, name + "-custom.png"), optimize=True)
        print(f"{name}: {w}×{h} → {transforms.Resize(256)(image).size} → 224×224")
    with open(os.path.join(args.out, "fixture.json"), "w") as f:
        json.dump(about, f)
        f.write("\n")


if __name__ == "__main__":
    main()
