#!/usr/bin/env bash
# ConvScope vs PyTorch (CPU) on LeNet-5, measured in the same run on the same machine.
#
# Runs PyTorch's baseline (src/bench/python/pytorch_lenet.py, Debian's python3-torch with
# OpenBLAS) and ConvScope's `bench --json` alternately for a few rounds (the order flips every
# round, so that load from other processes on a shared machine falls on both sides alike),
# keeps each side's best figure over the rounds, and prints the ratios ConvScope/PyTorch.
#
# Usage: src/bench/compare.sh [--rounds N] [--seconds S] [--threads N] [--classes]
#                             [--install] [--keep DIR] [--json]
#   --rounds N    rounds of (PyTorch, ConvScope), order alternating (default 3)
#   --seconds S   timed seconds per PyTorch measurement (default 2)
#   --threads N   PyTorch's multi-thread count (default: nproc)
#   --classes     run ConvScope from target/classes even if the jpackage launcher exists
#   --install     apt-get install python3-torch, OpenBLAS and threadpoolctl if missing
#   --keep DIR    keep every run's raw JSON in DIR
#   --json        print one JSON object (both sides' best figures and the ratios) at the end
# Environment:
#   CONVSCOPE_BENCH_ARGS  extra arguments for `convscope bench --json` (default none)
#   TORCH_BENCH_ARGS      extra arguments for pytorch_lenet.py (e.g. "--blas-threads same")
#   JAVA_HOME             JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   PYTHON                Python with torch (default /usr/bin/python3, Debian's, not pyenv's)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
rounds=3
seconds=2
threads=$(nproc)
force_classes=0
install=0
keep=""
json_out=0

while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --classes) force_classes=1; shift ;;
        --install) install=1; shift ;;
        --keep) keep=$2; shift 2 ;;
        --json) json_out=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

log() { echo "compare.sh: $*" >&2; }

# ---------------------------------------------------------------- PyTorch
torch_ok() { "$python" -c 'import torch, threadpoolctl' >/dev/null 2>&1; }
if ! torch_ok; then
    if [ "$install" = 1 ]; then
        log "installing python3-torch, libopenblas0-pthread, python3-threadpoolctl"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            python3-torch libopenblas0-pthread python3-threadpoolctl >&2
    elif ! "$python" -c 'import torch' >/dev/null 2>&1; then
        log "$python has no torch; run with --install (Debian: python3-torch)"; exit 2
    else
        log "warning: no threadpoolctl (python3-threadpoolctl): OpenBLAS's thread count is not controlled"
    fi
fi
blas_alt=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | sed -n 's/^Value: //p' || true)
case "$blas_alt" in
    *openblas*|"") ;;
    *) log "warning: libblas.so.3 is $blas_alt, not OpenBLAS (install libopenblas0-pthread)" ;;
esac

# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a
# current OpenBLAS down: unset both for the PyTorch command alone.
run_torch() {
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
        "$python" "$here/python/pytorch_lenet.py" --json --seconds "$seconds" --threads "$threads" \
        "${torch_args[@]}"
}

# ---------------------------------------------------------------- ConvScope
# shellcheck source=convscope.sh
. "$here/convscope.sh"
read -r -a extra_args <<< "${CONVSCOPE_BENCH_ARGS:-}"
read -r -a torch_args <<< "${TORCH_BENCH_ARGS:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find_convscope "$force_classes"
convscope_cmd=("${convscope_base[@]}" bench --json "${extra_args[@]}")

run_convscope() {
    run_json "$1" "${convscope_cmd[@]}"
}

# ---------------------------------------------------------------- interleaved rounds
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
log "machine: $cpu, $(nproc) CPUs; $rounds rounds; ConvScope via $convscope_how"
convscope_failed=0
for ((r = 1; r <= rounds; r++)); do
    if ((r % 2)); then order=(torch convscope); else order=(convscope torch); fi
    for side in "${order[@]}"; do
        if [ "$side" = torch ]; then
            log "round $r/$rounds: PyTorch"
            run_torch > "$tmp/torch.$r.json"
        elif [ "$convscope_failed" = 0 ]; then
            log "round $r/$rounds: ConvScope"
            if ! run_convscope "$tmp/convscope.$r.json"; then
                convscope_failed=1
                log "ConvScope's bench failed (later rounds skip it); its output:"
                sed 's/^/  | /' "$tmp/convscope.$r.json.raw" "$tmp/convscope.$r.json.err" | tail -20 >&2
                rm -f "$tmp/convscope.$r.json"
            fi
        fi
    done
done
if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$tmp"/*.json "$keep"/ 2>/dev/null || true; fi

# ---------------------------------------------------------------- report
"$python" - "$tmp" "$rounds" "$cpu" "$json_out" "$blas_alt" <<'EOF'
import glob, json, os, sys

tmp, rounds, cpu, json_out, blas_alt = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", sys.argv[5]
load = lambda side: [json.load(open(p)) for p in sorted(glob.glob(os.path.join(tmp, side + ".*.json")))]
torch_runs, cs_runs = load("torch"), load("convscope")

def best(runs, key, lower_is_better=False):
    vals = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    if not vals:
        return None
    return min(vals) if lower_is_better else max(vals)

def per_round(runs, key):
    return " ".join((f"{r[key]:.1f}" if "latency" in key else f"{r[key]:,.0f}") if isinstance(r.get(key), (int, float)) else "-" for r in runs)

T = {k: best(torch_runs, k, k.startswith("torch_forward_latency")) for k in torch_runs[0]
     if isinstance(torch_runs[0][k], (int, float)) and not isinstance(torch_runs[0][k], bool)}
C = {}
if cs_runs:
    for k, v in cs_runs[0].items():
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            C[k] = best(cs_runs, k, "latency" in k)

rows = [  # (label, ConvScope key, PyTorch key, ratio direction)
    ("training, 1 thread (images/s)", "train_images_per_second_1_thread",
     "torch_train_images_per_second_1_thread", "cs/torch"),
    ("training, all threads (images/s)", "train_images_per_second",
     "torch_train_images_per_second", "cs/torch"),
    ("forward batch 1, median (µs)", "forward_latency_median_us",
     "torch_forward_latency_median_us", "torch/cs"),
    ("forward batch 1, p99 (µs)", "forward_latency_p99_us",
     "torch_forward_latency_p99_us", "torch/cs"),
    ("inference batch 64, all threads (images/s)", "inference_images_per_second",
     "torch_inference_images_per_second", "cs/torch"),
]
ratios = {}
t0 = torch_runs[0]
print()
print(f"Machine: {cpu}, {os.cpu_count()} CPUs")
print(f"PyTorch {t0['torch_version']} (Debian python3-torch), BLAS: {t0['blas']}"
      + (f" [libblas.so.3 → {blas_alt}]" if blas_alt else "")
      + f", BLAS threads: {t0.get('blas_threads')}, oneDNN: {t0.get('mkldnn')}")
if t0.get("openblas_env_removed"):
    print(f"  (unset for PyTorch: {t0['openblas_env_removed']})")
print(f"Best of {len(torch_runs)} PyTorch and {len(cs_runs)} ConvScope runs, interleaved; "
      f"threads: PyTorch {t0['threads']}, ConvScope {cs_runs[0].get('threads', '?') if cs_runs else '-'}")
print()
print(f"{'':44} {'ConvScope':>12} {'PyTorch':>12} {'ratio':>8}")
for label, ck, tk, direction in rows:
    c, t = C.get(ck), T.get(tk)
    ratio = None
    if c and t:
        ratio = c / t if direction == "cs/torch" else t / c
        ratios[ck] = ratio
    fmt = lambda v: "-" if v is None else (f"{v:12,.0f}" if v >= 1000 else f"{v:12,.1f}")
    print(f"{label:44} {fmt(c):>12} {fmt(t):>12} {('%7.2f×' % ratio) if ratio else '       -':>8}")
print("  (ratios: ConvScope/PyTorch for throughput, PyTorch/ConvScope for latency; > 1 means ConvScope is ahead)")
print(f"  PyTorch's batch-1 forward: best of 1/{t0['threads']} threads with and without oneDNN "
      f"(won by {', '.join(sorted({r.get('torch_forward_latency_config', '?') for r in torch_runs}))})")

if C.get("scalar_inference_images_per_second") and C.get("inference_images_per_second"):
    ratios["inference_vs_scalar"] = C["inference_images_per_second"] / C["scalar_inference_images_per_second"]
print()
print("Bar / goal (issue):")
def verdict(ok):
    return "-" if ok is None else ("met" if ok else "NOT met")
r1, rn = ratios.get("train_images_per_second_1_thread"), ratios.get("train_images_per_second")
lat, inf, infs = C.get("forward_latency_median_us"), ratios.get("inference_images_per_second"), ratios.get("inference_vs_scalar")
print(f"  training ≥ 1× PyTorch (goal 3×):  1 thread {verdict(r1 and r1 >= 1)}, all threads {verdict(rn and rn >= 1)}"
      f"; goal {verdict(r1 and rn and min(r1, rn) >= 3)}")
print(f"  forward median ≤ 25 µs:           {verdict(None if lat is None else lat <= 25)}"
      + ("" if lat is None else f" ({lat:.1f} µs)"))
print(f"  inference ≥ 2× scalar:            {verdict(None if infs is None else infs >= 2)}"
      + ("" if infs is None else f" ({infs:.2f}×)") + f"; goal 2× PyTorch: {verdict(None if inf is None else inf >= 2)}")

print()
print("Per round (PyTorch):  train 1t [" + per_round(torch_runs, "torch_train_images_per_second_1_thread")
      + "]  train Nt [" + per_round(torch_runs, "torch_train_images_per_second")
      + "]  fwd µs [" + per_round(torch_runs, "torch_forward_latency_median_us")
      + "]  infer Nt [" + per_round(torch_runs, "torch_inference_images_per_second") + "]")
if cs_runs:
    print("Per round (ConvScope): train 1t [" + per_round(cs_runs, "train_images_per_second_1_thread")
          + "]  train Nt [" + per_round(cs_runs, "train_images_per_second")
          + "]  fwd µs [" + per_round(cs_runs, "forward_latency_median_us")
          + "]  infer Nt [" + per_round(cs_runs, "inference_images_per_second") + "]")
else:
    print("ConvScope: no figures (its bench command failed; see above)")

if json_out:
    print(json.dumps({"cpu": cpu, "torch_version": t0["torch_version"], "blas": t0["blas"],
                      "pytorch": T, "convscope": C, "ratios": ratios,
                      "rounds": {"pytorch": len(torch_runs), "convscope": len(cs_runs)}}))
sys.exit(0 if cs_runs else 3)
EOF
