#!/usr/bin/python3
"""PyTorch's time for every convolution of ResNet-18 and MobileNetV2 at 1×3×224×224, layer by layer.

The peer of ConvScope's ConvBench (src/jmh/java/org/convscope/bench/ConvBench.java), which lists the same
geometries in the same order. Run with Debian's Python, which has python3-torch 1.13 (oneDNN):

    /usr/bin/python3 src/bench/python/torch_convs.py [--seconds 0.3] [--threads 1,2] [--table FILE] [--json FILE]
                                                     [--networks] [--only resnet18|mobilenet_v2]

Each layer: torch.nn.functional.conv2d with bias, batch 1, under torch.no_grad(), on 1 and on 2 threads, with
oneDNN (mkldnn) on and off; the figure kept is the faster of the two (PyTorch picks its path by heuristics, and at
batch 1 the other one sometimes wins). Median (--stat min: the fastest) of the calls in --seconds after a warm-up. --networks also times
torchvision's whole ResNet-18 and MobileNetV2 (batch norm folded into the convolutions, as torch.onnx.export gives
them), for the share of the convolutions in the whole.

--table FILE writes one line "network layer threads ms" per layer and thread count, which ConvBench --torch FILE
reads to print the ratios beside its own figures; --json FILE writes the same as
{"layers": [{"network", "name", "ms": {"1": .., "2": ..}}], "conv_totals": {...}, "networks": {...}}.
"""

import argparse
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F

try:
    from threadpoolctl import threadpool_limits  # Debian: python3-threadpoolctl
except ImportError:
    threadpool_limits = None


def conv(name, c, h, w, f, k, stride=1, pad=None, groups=1):
    """A square-kernel convolution with symmetric padding (k // 2 unless given)."""
    return dict(name=name, c=c, h=h, w=w, f=f, groups=groups, k=k, stride=stride,
                pad=k // 2 if pad is None else pad)


def resnet18():
    layers = [conv("conv1", 3, 224, 224, 64, 7, 2, 3)]
    size, channels = 56, 64
    for stage, width in enumerate((64, 128, 256, 512), start=1):
        for block in range(2):
            stride = 2 if stage > 1 and block == 0 else 1
            out = size // stride
            prefix = f"layer{stage}.{block}"
            layers.append(conv(prefix + ".conv1", channels, size, size, width, 3, stride))
            layers.append(conv(prefix + ".conv2", width, out, out, width, 3))
            if stride != 1:
                layers.append(conv(prefix + ".downsample", channels, size, size, width, 1, stride, 0))
            size, channels = out, width
    return layers


# torchvision's MobileNetV2 inverted residual settings: expansion t, output channels c, repeats n, first stride s.
MOBILENET_V2 = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                (6, 320, 1, 1))


def mobilenet_v2():
    layers = [conv("features.0", 3, 224, 224, 32, 3, 2)]
    size, channels, index = 112, 32, 1
    for t, c, n, s in MOBILENET_V2:
        for i in range(n):
            stride = s if i == 0 else 1
            hidden = channels * t
            prefix = f"features.{index}"
            if t != 1:
                layers.append(conv(prefix + ".expand", channels, size, size, hidden, 1))
            layers.append(conv(prefix + ".depthwise", hidden, size, size, hidden, 3, stride, groups=hidden))
            size //= stride
            layers.append(conv(prefix + ".project", hidden, size, size, c, 1))
            channels, index = c, index + 1
    layers.append(conv("features.18", channels, size, size, 1280, 1))
    return layers


NETWORKS = {"resnet18": resnet18, "mobilenet_v2": mobilenet_v2}


class Threads:
    """PyTorch's thread count for a block; OpenBLAS (reached by Debian's torch without a thread setting) held to 1."""

    def __init__(self, n):
        self.n = n

    def __enter__(self):
        self.previous = torch.get_num_threads()
        torch.set_num_threads(self.n)
        self.limits = threadpool_limits(limits=1, user_api="blas") if threadpool_limits else None

    def __exit__(self, *exc):
        if self.limits is not None:
            self.limits.restore_original_limits()
        torch.set_num_threads(self.previous)
        return False


STAT = statistics.median  # or min, with --stat min


def median_ms(call, seconds):
    """Median (or STAT) wall time of call() in ms over `seconds`, after a warm-up of a third of that (at least 3 calls)."""
    end = time.perf_counter() + seconds / 3
    for _ in range(3):
        call()
    while time.perf_counter() < end:
        call()
    times = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(times) < 5:
        t0 = time.perf_counter_ns()
        call()
        times.append(time.perf_counter_ns() - t0)
    return STAT(times) / 1e6


def time_layer(layer, threads, seconds):
    g = torch.Generator().manual_seed(1)
    x = torch.randn(1, layer["c"], layer["h"], layer["w"], generator=g)
    weight = torch.randn(layer["f"], layer["c"] // layer["groups"], layer["k"], layer["k"], generator=g) * 0.1
    bias = torch.randn(layer["f"], generator=g)

    def call():
        F.conv2d(x, weight, bias, layer["stride"], layer["pad"], 1, layer["groups"])

    best = None
    with Threads(threads), torch.no_grad():
        for mkldnn in (True, False):
            with torch.backends.mkldnn.flags(enabled=mkldnn):
                ms = median_ms(call, seconds)
            best = ms if best is None else min(best, ms)
    return best


def fused_model(name):
    """torchvision's model in eval mode with every BatchNorm folded into the convolution before it."""
    import torchvision
    from torch.nn.utils.fusion import fuse_conv_bn_eval
    model = getattr(torchvision.models, name)().eval()
    pairs = []

    def walk(module):
        children = list(module.named_children())
        for (n1, m1), (n2, m2) in zip(children, children[1:]):
            if isinstance(m1, torch.nn.Conv2d) and isinstance(m2, torch.nn.BatchNorm2d):
                pairs.append((module, n1, n2))
        for _, child in children:
            walk(child)

    walk(model)
    for parent, conv_name, bn_name in pairs:
        setattr(parent, conv_name, fuse_conv_bn_eval(getattr(parent, conv_name), getattr(parent, bn_name)))
        setattr(parent, bn_name, torch.nn.Identity())
    return model


def time_network(name, threads, seconds):
    model = fused_model(name)
    x = torch.randn(1, 3, 224, 224)
    best = None
    with Threads(threads), torch.no_grad():
        for mkldnn in (True, False):
            with torch.backends.mkldnn.flags(enabled=mkldnn):
                ms = median_ms(lambda: model(x), seconds)
            best = ms if best is None else min(best, ms)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=0.3, help="measuring time per layer and configuration")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    parser.add_argument("--json", help="write the figures to this file as JSON")
    parser.add_argument("--table", help="write the figures to this file as lines 'network layer threads ms'")
    parser.add_argument("--networks", action="store_true", help="also time the whole torchvision networks")
    parser.add_argument("--only", choices=sorted(NETWORKS), help="one network only")
    parser.add_argument("--stat", choices=("median", "min"), default="median",
                        help="the figure kept of each measurement's calls (min: on a busy machine, the calls that ran undisturbed)")
    args = parser.parse_args()
    global STAT
    STAT = min if args.stat == "min" else statistics.median
    threads = [int(t) for t in args.threads.split(",")]

    rows = []
    totals = {}
    for network, make in NETWORKS.items():
        if args.only and network != args.only:
            continue
        print(f"{network}: layer, ms on " + ", ".join(f"{t} thread(s)" for t in threads) + ", GFLOP/s on the last")
        for layer in make():
            ms = {str(t): time_layer(layer, t, args.seconds) for t in threads}
            out = (layer["h"] + 2 * layer["pad"] - layer["k"]) // layer["stride"] + 1
            flops = 2 * layer["f"] * (layer["c"] // layer["groups"]) * layer["k"] ** 2 * out * out
            rows.append(dict(network=network, name=layer["name"], ms=ms))
            figures = "  ".join(f"{ms[str(t)]:8.3f}" for t in threads)
            print(f"  {layer['name']:<24} {figures}  {flops / ms[str(threads[-1])] / 1e6:7.1f}")
            for t in threads:
                totals.setdefault(network, {}).setdefault(str(t), 0.0)
                totals[network][str(t)] += ms[str(t)]
        print(f"  {'sum of the convolutions':<24} " + "  ".join(f"{totals[network][str(t)]:8.3f}" for t in threads))
    whole = {}
    if args.networks:
        for network in NETWORKS:
            if args.only and network != args.only:
                continue
            whole[network] = {str(t): time_network(network, t, 4 * args.seconds) for t in threads}
            print(f"{network} whole network (BN folded), ms: "
                  + ", ".join(f"{whole[network][str(t)]:.2f} on {t}" for t in threads))
    if args.table:
        with open(args.table, "w") as f:
            for row in rows:
                for t, ms in row["ms"].items():
                    f.write(f"{row['network']} {row['name']} {t} {ms:.4f}\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(torch=torch.__version__, layers=rows, conv_totals=totals, networks=whole), f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
