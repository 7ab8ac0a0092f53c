#!/usr/bin/python3
"""PyTorch's side of the real-network benchmark (issue 10 §3.3): torchvision's ResNet-18 and
MobileNetV2 at 1×3×224×224, batch-1 forward on the CPU.

Run with Debian's Python (/usr/bin/python3: python3-torch 1.13, python3-torchvision 0.14):

    /usr/bin/python3 src/bench/python/pytorch_models.py [--threads 2] [--seconds 3] [--json]
                                                        [--export DIR [--export-only]]

Builds each model with random weights (weights=None: nothing is downloaded; seeded, so every run
builds the same weights) in eval mode and
  * with --export DIR, writes DIR/resnet18.onnx and DIR/mobilenet_v2.onnx with torch.onnx.export
    at opset 13 and its default settings (training=EVAL folds every BatchNorm into the conv
    before it: what users get), input "input" [1, 3, 224, 224], output "output" [1, 1000];
  * times PyTorch's own eager forward under torch.no_grad() with torch.set_num_threads(T): batch 1,
    each call timed alone, median and p99 (ms), and batch 8 (images/s), each with PyTorch's default
    oneDNN (mkldnn) convolutions and without them. The headline figures are the better of the two
    (`forward_latency_config` says which won).
Each measurement warms up (a quarter of --seconds, at least 0.5 s), then runs for --seconds of
wall time and at least --min-calls calls, but no longer than 3 × --seconds (at least 3 calls):
without oneDNN, a call takes 0.5-2 s here.

Threads and OpenBLAS are handled as in pytorch_lenet.py (imported from it): OpenBLAS held to one
thread with threadpoolctl (--blas-threads), OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE dropped
(re-executing once) unless --keep-openblas-env.

--json prints one object: the machine and PyTorch's settings, and per model under "models" the
keys ConvScope's `bench --model FILE --json` prints: model, multiply_adds, threads,
forward_latency_median_ms, forward_latency_p99_ms, batch_images_per_second.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

import pytorch_lenet as lenet  # re-executes without OPENBLAS_* first, as pytorch_lenet.py does
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torchvision  # noqa: E402

MODELS = ("resnet18", "mobilenet_v2")
INPUT_SHAPE = (1, 3, 224, 224)
BATCH = 8


def build(name, seed):
    torch.manual_seed(seed)
    return getattr(torchvision.models, name)(weights=None).eval()


def multiply_adds(model, x):
    """Multiply-adds of one forward pass: Σ over convolutions of output elements × (input
    channels / groups) × kernel height × kernel width, plus in × out of every linear layer
    (per image)."""
    total = [0]

    def count(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            kh, kw = module.kernel_size
            total[0] += output.numel() * (module.in_channels // module.groups) * kh * kw
        elif isinstance(module, nn.Linear):
            total[0] += output.numel() * module.in_features

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    with torch.no_grad():
        model(x)
    for h in hooks:
        h.remove()
    return total[0] // x.shape[0]


def export(model, x, path):
    torch.onnx.export(model, x, path, opset_version=13, input_names=["input"], output_names=["output"])


def timed_calls(step, seconds, min_calls):
    """Warms up, then calls step() for `seconds` and at least `min_calls` times, but stops after
    three times `seconds` with at least 3 calls (a slow configuration takes a second a call);
    returns each call's duration in seconds."""
    warmup_end = time.perf_counter() + max(0.5, seconds / 4)
    step()
    while time.perf_counter() < warmup_end:
        step()
    times = []
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        step()
        now = time.perf_counter()
        times.append(now - t0)
        elapsed = now - start
        if len(times) >= 3 and (elapsed >= 3 * seconds or (len(times) >= min_calls and elapsed >= seconds)):
            return times


def measure(model, threads, seconds, min_calls, seed):
    """Batch-1 latency and batch-8 throughput with and without oneDNN; returns the figures."""
    g = torch.Generator().manual_seed(seed)
    single = torch.randn(*INPUT_SHAPE, generator=g)
    batch = torch.randn(BATCH, *INPUT_SHAPE[1:], generator=g)
    r = {}
    for onednn, suffix in ((True, "onednn"), (False, "no_onednn")):
        with lenet.Threads(threads), torch.no_grad(), torch.backends.mkldnn.flags(enabled=onednn):
            times = sorted(timed_calls(lambda: model(single), seconds, min_calls))
            r["forward_latency_median_ms_" + suffix] = statistics.median(times) * 1e3
            r["forward_latency_p99_ms_" + suffix] = times[min(len(times) - 1, int(0.99 * len(times)))] * 1e3
            r["forward_calls_" + suffix] = len(times)
            batch_times = timed_calls(lambda: model(batch), seconds, max(3, min_calls // 8))
            r["batch_images_per_second_" + suffix] = BATCH * len(batch_times) / sum(batch_times)
    best = min(("onednn", "no_onednn"), key=lambda s: r["forward_latency_median_ms_" + s])
    r["forward_latency_median_ms"] = r["forward_latency_median_ms_" + best]
    r["forward_latency_p99_ms"] = r["forward_latency_p99_ms_" + best]
    r["forward_latency_config"] = best
    r["batch_images_per_second"] = max(r["batch_images_per_second_onednn"], r["batch_images_per_second_no_onednn"])
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    ap.add_argument("--seconds", type=float, default=3.0, help="timed seconds per measurement (default 3)")
    ap.add_argument("--min-calls", type=int, default=50, help="timed batch-1 calls at least (default 50)")
    ap.add_argument("--models", default=",".join(MODELS), help="comma-separated, default " + ",".join(MODELS))
    ap.add_argument("--export", metavar="DIR", help="write DIR/<model>.onnx (opset 13, default export settings)")
    ap.add_argument("--export-only", action="store_true", help="with --export: export, do not time")
    ap.add_argument("--blas-threads", default="1", help="OpenBLAS's threads: a number, or 'same' (default 1)")
    ap.add_argument("--keep-openblas-env", action="store_true",
                    help="keep OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE if set (default: drop them)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args()
    names = [n for n in args.models.split(",") if n]
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        ap.error(f"unknown model(s) {', '.join(unknown)}; known: {', '.join(MODELS)}")
    if args.export_only and not args.export:
        ap.error("--export-only needs --export DIR")
    lenet.BLAS_THREADS = None if args.blas_threads == "same" else max(1, int(args.blas_threads))
    threads = max(1, args.threads)

    result = {
        "torch_version": torch.__version__,
        "torchvision_version": torchvision.__version__,
        "threads": threads,
        "blas_threads": args.blas_threads if lenet.threadpool_limits is not None else "uncontrolled",
        "blas": lenet.blas_description(),
        "mkldnn": bool(torch.backends.mkldnn.is_available()),
        "cpu": lenet.cpu_model(),
        "python": platform.python_version(),
        "seconds": args.seconds,
        "batch": BATCH,
        "openblas_env_removed": os.environ.get("CONVSCOPE_BENCH_UNSET_OPENBLAS", ""),
        "load_average_before": os.getloadavg()[0],
        "models": {},
    }
    for name in names:
        model = build(name, args.seed)
        x = torch.zeros(*INPUT_SHAPE)
        r = {"model": name, "multiply_adds": multiply_adds(model, x),
             "parameters": sum(p.numel() for p in model.parameters()), "threads": threads}
        if args.export:
            os.makedirs(args.export, exist_ok=True)
            r["onnx"] = os.path.join(args.export, name + ".onnx")
            export(model, x, r["onnx"])
            print(f"pytorch_models.py: wrote {r['onnx']}", file=sys.stderr)
        if not args.export_only:
            r.update(measure(model, threads, args.seconds, args.min_calls, args.seed))
        result["models"][name] = r
    if args.export_only:
        return
    result["load_average_after"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(result))
        return
    print(f"PyTorch {result['torch_version']} on {result['cpu']}, {threads} thread(s), "
          f"BLAS: {result['blas']} ({result['blas_threads']} thread(s)), oneDNN: {result['mkldnn']}")
    print(f"load average (1 min) {result['load_average_before']:.1f} before, {result['load_average_after']:.1f} after, "
          f"{os.cpu_count()} CPUs")
    print(f"{'':14} {'GMAC':>6} {'config':>10} {'median ms':>10} {'p99 ms':>8} {'batch 8 img/s':>14}")
    for name, r in result["models"].items():
        for config in ("onednn", "no_onednn"):
            print(f"{name:14} {r['multiply_adds'] / 1e9:6.2f} {config:>10} "
                  f"{r['forward_latency_median_ms_' + config]:10.2f} {r['forward_latency_p99_ms_' + config]:8.2f} "
                  f"{r['batch_images_per_second_' + config]:14.1f}")
        print(f"{'':14} best batch-1: {r['forward_latency_median_ms']:.2f} ms median ({r['forward_latency_config']})")


if __name__ == "__main__":
    main()
