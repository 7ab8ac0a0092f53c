#!/usr/bin/python3
"""PyTorch baseline for ConvScope's engine bar: the same LeNet-5, measured on the CPU.

Run with Debian's Python (/usr/bin/python3), which has Debian's python3-torch:

    /usr/bin/python3 src/bench/python/pytorch_lenet.py [--seconds 2] [--threads N] [--json]

Measures, on random MNIST-like data held in memory:
  * training throughput, batch 64, SGD momentum 0.9, lr 0.01, softmax cross-entropy,
    on 1 thread and on N threads (images/s);
  * single-image (batch-1) eager forward latency under torch.no_grad(), median and p99 (µs),
    on 1 and on N threads, with PyTorch's default oneDNN (mkldnn) convolutions and without
    them (faster at batch 1 on some machines); the headline figure is the best median;
  * batch-64 inference throughput under torch.no_grad(), on 1 and on N threads (images/s).

Each measurement warms up, then runs for --seconds of wall time.

Threads: torch.set_num_threads sets PyTorch's OpenMP pool, but Debian's build reaches
OpenBLAS through the generic BLAS interface (BLAS_INFO=generic) and never sets OpenBLAS's own
(pthreads) pool, which then starts one thread per CPU inside each of PyTorch's OpenMP threads.
That oversubscription halves PyTorch's 2-thread throughput on a 2-core machine, so OpenBLAS is
held to 1 thread with threadpoolctl (--blas-threads 1, the default: PyTorch parallelises the
layers itself); --blas-threads same gives OpenBLAS as many threads as PyTorch.

OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE: some machines set these to keep old OpenBLAS builds
off kernels they get wrong; they slow a current OpenBLAS down. This script re-executes
itself once with both removed (that process only) unless --keep-openblas-env is given,
and reports the kernel OpenBLAS then chose.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

_OPENBLAS_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def _reexec_without_openblas_overrides(argv):
    """OpenBLAS reads these at load time, so they must be gone before torch is imported."""
    if "--keep-openblas-env" in argv:
        return
    present = {k: os.environ[k] for k in _OPENBLAS_VARS if k in os.environ}
    if not present:
        return
    env = dict(os.environ)
    for k in _OPENBLAS_VARS:
        env.pop(k, None)
    env["CONVSCOPE_BENCH_UNSET_OPENBLAS"] = ",".join(f"{k}={v}" for k, v in present.items())
    os.execve(sys.executable, [sys.executable] + argv, env)


_reexec_without_openblas_overrides(sys.argv)

import torch  # noqa: E402  (after the possible re-exec)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

try:
    from threadpoolctl import threadpool_info, threadpool_limits  # Debian: python3-threadpoolctl
except ImportError:  # still works, but OpenBLAS then uses its own default thread count
    threadpool_info = None
    threadpool_limits = None


BATCH = 64


class LeNet5(nn.Module):
    """conv 6@5×5 pad 2 → ReLU → max pool 2 → conv 16@5×5 → ReLU → max pool 2
    → flatten → FC 120 → ReLU → FC 84 → ReLU → FC 10 (logits; softmax is in the loss)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def mnist_like(n, generator):
    """Random 28×28 images in [0, 1]: a dark background with a blob of ink, like MNIST digits,
    and uniformly random labels."""
    x = torch.zeros(n, 1, 28, 28)
    ink = torch.rand(n, 1, 20, 20, generator=generator)
    x[:, :, 4:24, 4:24] = torch.where(ink > 0.8, ink, torch.zeros(()))
    y = torch.randint(0, 10, (n,), generator=generator)
    return x, y


BLAS_THREADS = 1  # OpenBLAS's thread count, or None for "as many as PyTorch's"; see --blas-threads


class Threads:
    """Sets PyTorch's (OpenMP) thread count and OpenBLAS's for the duration of a block."""

    def __init__(self, n):
        self.n = n
        self.blas = n if BLAS_THREADS is None else BLAS_THREADS
        self.limits = None

    def __enter__(self):
        self.previous = torch.get_num_threads()
        torch.set_num_threads(self.n)
        if threadpool_limits is not None:
            self.limits = threadpool_limits(limits=self.blas, user_api="blas")
        return self

    def __exit__(self, *exc):
        if self.limits is not None:
            self.limits.restore_original_limits()
        torch.set_num_threads(self.previous)
        return False


def run_for(step, seconds, warmup_seconds):
    """Calls step() for warmup_seconds, then for `seconds`; returns (calls, elapsed seconds)."""
    end = time.perf_counter() + warmup_seconds
    step()
    while time.perf_counter() < end:
        step()
    calls = 0
    start = time.perf_counter()
    end = start + seconds
    now = start
    while now < end:
        step()
        calls += 1
        now = time.perf_counter()
    return calls, now - start


def train_throughput(data, threads, seconds, warmup, seed):
    torch.manual_seed(seed)
    model = LeNet5().train()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    xs, ys = data
    batches = [(xs[i:i + BATCH], ys[i:i + BATCH]) for i in range(0, len(xs) - BATCH + 1, BATCH)]
    k = [0]

    def step():
        x, y = batches[k[0] % len(batches)]
        k[0] += 1
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    with Threads(threads):
        calls, elapsed = run_for(step, seconds, warmup)
    return calls * BATCH / elapsed


def inference_throughput(model, data, threads, seconds, warmup):
    xs, _ = data
    batches = [xs[i:i + BATCH] for i in range(0, len(xs) - BATCH + 1, BATCH)]
    k = [0]

    def step():
        model(batches[k[0] % len(batches)])
        k[0] += 1

    with Threads(threads), torch.no_grad():
        calls, elapsed = run_for(step, seconds, warmup)
    return calls * BATCH / elapsed


def forward_latency(model, data, threads, seconds, warmup, mkldnn=True):
    """Eager batch-1 forward, each call timed on its own; returns (median µs, p99 µs, calls).
    mkldnn=False turns PyTorch's oneDNN convolutions off for this measurement only."""
    xs, _ = data
    singles = [xs[i:i + 1] for i in range(min(len(xs), 256))]
    times = []
    with Threads(threads), torch.no_grad(), torch.backends.mkldnn.flags(enabled=mkldnn):
        end = time.perf_counter() + warmup
        i = 0
        while time.perf_counter() < end:
            model(singles[i % len(singles)])
            i += 1
        clock = time.perf_counter_ns
        stop = clock() + int(seconds * 1e9)
        i = 0
        while True:
            x = singles[i % len(singles)]
            t0 = clock()
            model(x)
            t1 = clock()
            times.append(t1 - t0)
            i += 1
            if t1 >= stop:
                break
    times.sort()
    median = statistics.median(times) / 1000.0
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))] / 1000.0
    return median, p99, len(times)


def blas_description():
    """Which BLAS PyTorch's process actually loaded, with OpenBLAS's kernel (core type)."""
    if threadpool_info is None:
        return "unknown (install python3-threadpoolctl to see it)"
    libs = [i for i in threadpool_info() if i.get("user_api") == "blas"]
    if not libs:
        return "none found"
    parts = []
    for i in libs:
        name = i.get("internal_api", "?")
        if i.get("version"):
            name += " " + i["version"]
        if i.get("architecture"):
            name += " (" + i["architecture"] + " kernels)"
        name += " " + os.path.basename(i.get("filepath", ""))
        parts.append(name)
    return "; ".join(parts)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="timed seconds per measurement (default 2)")
    ap.add_argument("--warmup", type=float, default=None,
                    help="warm-up seconds per measurement (default: a quarter of --seconds, at least 0.25)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="thread count of the multi-threaded runs (default: all CPUs)")
    ap.add_argument("--blas-threads", default="1",
                    help="OpenBLAS's threads: a number, or 'same' as PyTorch's (default 1; see the notes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ap.add_argument("--keep-openblas-env", action="store_true",
                    help="keep OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE if set (default: drop them)")
    args = ap.parse_args()
    seconds = args.seconds
    warmup = args.warmup if args.warmup is not None else max(0.25, seconds / 4)
    n = max(1, args.threads)
    global BLAS_THREADS
    BLAS_THREADS = None if args.blas_threads == "same" else max(1, int(args.blas_threads))

    g = torch.Generator().manual_seed(args.seed)
    data = mnist_like(BATCH * 16, g)  # 1,024 images, 3 MB: stays in cache like a real epoch's batch would

    torch.manual_seed(args.seed)
    model = LeNet5().eval()

    r = {}
    r["torch_train_images_per_second_1_thread"] = train_throughput(data, 1, seconds, warmup, args.seed)
    r["torch_train_images_per_second"] = train_throughput(data, n, seconds, warmup, args.seed)
    # Batch-1 forward: PyTorch's defaults (oneDNN convolutions) on 1 and N threads, and the
    # same without oneDNN, which is often faster at batch 1; the headline is the best median.
    lat = {}
    for threads, key in ((1, "1_thread"), (n, "n_threads")):
        for mk, suffix in ((True, ""), (False, "_no_mkldnn")):
            lat[key + suffix] = forward_latency(model, data, threads, seconds, warmup, mkldnn=mk)
    for key, (med, p99, _) in lat.items():
        r["torch_forward_latency_median_us_" + key] = med
        r["torch_forward_latency_p99_us_" + key] = p99
    best = min(lat, key=lambda k: lat[k][0])
    r["torch_forward_latency_median_us"] = lat[best][0]
    r["torch_forward_latency_p99_us"] = lat[best][1]
    r["torch_forward_latency_config"] = best
    r["torch_forward_latency_samples"] = sum(v[2] for v in lat.values())
    r["torch_inference_images_per_second_1_thread"] = inference_throughput(model, data, 1, seconds, warmup)
    r["torch_inference_images_per_second"] = inference_throughput(model, data, n, seconds, warmup)
    r["torch_version"] = torch.__version__
    r["threads"] = n
    r["blas_threads"] = args.blas_threads if threadpool_limits is not None else "uncontrolled"
    r["blas"] = blas_description()
    r["mkldnn"] = bool(torch.backends.mkldnn.is_available())
    r["cpu"] = cpu_model()
    r["python"] = platform.python_version()
    r["seconds"] = seconds
    r["batch"] = BATCH
    r["openblas_env_removed"] = os.environ.get("CONVSCOPE_BENCH_UNSET_OPENBLAS", "")
    kept = {k: os.environ[k] for k in _OPENBLAS_VARS if k in os.environ}
    r["openblas_env_kept"] = ",".join(f"{k}={v}" for k, v in kept.items())

    if args.json:
        print(json.dumps(r, sort_keys=False))
        return

    print(f"PyTorch {r['torch_version']} on {r['cpu']}, BLAS: {r['blas']} "
          f"({r['blas_threads']} thread(s)), mkldnn: {r['mkldnn']}")
    if r["openblas_env_removed"]:
        print(f"(removed for this run: {r['openblas_env_removed']})")
    rows = [
        ("training, batch 64, SGD momentum", "images/s",
         r["torch_train_images_per_second_1_thread"], r["torch_train_images_per_second"]),
        ("forward batch 1, median", "µs", lat["1_thread"][0], lat["n_threads"][0]),
        ("forward batch 1, p99", "µs", lat["1_thread"][1], lat["n_threads"][1]),
        ("forward batch 1, median, no oneDNN", "µs", lat["1_thread_no_mkldnn"][0], lat["n_threads_no_mkldnn"][0]),
        ("forward batch 1, p99, no oneDNN", "µs", lat["1_thread_no_mkldnn"][1], lat["n_threads_no_mkldnn"][1]),
        ("inference, batch 64", "images/s",
         r["torch_inference_images_per_second_1_thread"], r["torch_inference_images_per_second"]),
    ]
    print(f"{'':36} {'unit':>9} {'1 thread':>12} {str(n) + ' threads':>12}")
    for name, unit, one, many in rows:
        print(f"{name:36} {unit:>9} {one:12,.1f} {many:12,.1f}")
    print(f"best batch-1 forward: {r['torch_forward_latency_median_us']:.1f} µs median "
          f"({r['torch_forward_latency_config']})")


if __name__ == "__main__":
    main()
