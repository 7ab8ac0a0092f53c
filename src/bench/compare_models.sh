#!/usr/bin/env bash
# ConvScope vs PyTorch (CPU) on torchvision's ResNet-18 and MobileNetV2 at 1×3×224×224 (issue 10
# §3.3), measured in the same run on the same machine.
#
# Exports both models with src/bench/python/pytorch_models.py (random weights, opset 13,
# torch.onnx.export's default settings), then runs, alternately for a few rounds (the order flips
# every round), PyTorch's batch-1 forward (the same script) and ConvScope's
# `bench --model FILE --threads T --json` on each exported file; keeps each side's best figures
# and prints PyTorch ms / ConvScope ms (> 1: ConvScope is faster) against the bar (0.8×) and
# the goal (1.5×).
#
# Usage: src/bench/compare_models.sh [--rounds N] [--seconds S] [--threads T] [--models DIR]
#                                    [--classes] [--keep DIR] [--json]
#   --rounds N    rounds of (PyTorch, ConvScope), order alternating (default 3)
#   --seconds S   timed seconds per PyTorch measurement (default 3)
#   --threads T   threads on both sides (default 2)
#   --models DIR  folder of resnet18.onnx and mobilenet_v2.onnx: exported there if missing
#                 (default: a temporary folder, exported every run)
#   --classes     run ConvScope from target/classes even if the jpackage launcher exists
#   --keep DIR    keep every run's raw JSON in DIR
#   --json        print one JSON object (both sides' best figures and the ratios) at the end
# Environment:
#   CONVSCOPE_BENCH_ARGS  extra arguments for `convscope bench --model FILE` (default none)
#   TORCH_BENCH_ARGS      extra arguments for pytorch_models.py (e.g. "--blas-threads same")
#   JAVA_HOME             JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   PYTHON                Python with torch and torchvision (default /usr/bin/python3, Debian's)
# Exit code 3: ConvScope gave no figures for a model (PyTorch's are printed all the same).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
rounds=3
seconds=3
threads=2
models_dir=""
force_classes=0
keep=""
json_out=0
models=(resnet18 mobilenet_v2)

while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --models) models_dir=$2; shift 2 ;;
        --classes) force_classes=1; shift ;;
        --keep) keep=$2; shift 2 ;;
        --json) json_out=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare_models.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

log() { echo "compare_models.sh: $*" >&2; }

"$python" -c 'import torch, torchvision' >/dev/null 2>&1 \
    || { log "$python has no torch or torchvision (Debian: python3-torch python3-torchvision)"; exit 2; }
# shellcheck source=convscope.sh
. "$here/convscope.sh"
read -r -a extra_args <<< "${CONVSCOPE_BENCH_ARGS:-}"
read -r -a torch_args <<< "${TORCH_BENCH_ARGS:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
models_dir=${models_dir:-$tmp/models}
mkdir -p "$models_dir"
models_dir=$(cd "$models_dir" && pwd)

torch_script=("$python" "$here/python/pytorch_models.py" --threads "$threads")
missing=()
for m in "${models[@]}"; do [ -f "$models_dir/$m.onnx" ] || missing+=("$m"); done
if [ ${#missing[@]} -gt 0 ]; then
    log "exporting ${missing[*]} to $models_dir"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${torch_script[@]}" --export "$models_dir" --export-only \
        --models "$(IFS=,; echo "${missing[*]}")" 2> "$tmp/export.err" \
        || { sed 's/^/  | /' "$tmp/export.err" | tail -20 >&2; log "export failed"; exit 2; }
fi

# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE slow a current OpenBLAS down: unset for PyTorch alone.
run_torch() {
    run_json "$1" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${torch_script[@]}" --json \
        --seconds "$seconds" "${torch_args[@]}"
}

find_convscope "$force_classes"

# ---------------------------------------------------------------- interleaved rounds
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
log "machine: $cpu, $(nproc) CPUs, load average $(cut -d' ' -f1 /proc/loadavg); $rounds rounds;" \
    "ConvScope via $convscope_how"
declare -A convscope_failed=()
for ((r = 1; r <= rounds; r++)); do
    if ((r % 2)); then order=(torch convscope); else order=(convscope torch); fi
    for side in "${order[@]}"; do
        if [ "$side" = torch ]; then
            log "round $r/$rounds: PyTorch"
            if ! run_torch "$tmp/torch.$r.json"; then
                sed 's/^/  | /' "$tmp/torch.$r.json.err" | tail -20 >&2
                log "PyTorch's run failed"; exit 2
            fi
            continue
        fi
        for m in "${models[@]}"; do
            [ -z "${convscope_failed[$m]:-}" ] || continue
            log "round $r/$rounds: ConvScope $m"
            out="$tmp/convscope.$m.$r.json"
            if ! run_json "$out" "${convscope_base[@]}" bench --model "$models_dir/$m.onnx" \
                    --threads "$threads" --json "${extra_args[@]}"; then
                convscope_failed[$m]=1
                log "ConvScope's \`bench --model $m.onnx\` failed (later rounds skip it); its output:"
                sed 's/^/  | /' "$out.raw" "$out.err" | tail -20 >&2
                rm -f "$out"
            fi
        done
    done
done
if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$tmp"/*.json "$keep"/ 2>/dev/null || true; fi

# ---------------------------------------------------------------- report
"$python" - "$tmp" "$cpu" "$json_out" "${models[@]}" <<'EOF'
import glob, json, os, sys

tmp, cpu, json_out, models = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4:]
BAR, GOAL = 0.8, 1.5
torch_runs = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(tmp, "torch.*.json")))]
t0 = torch_runs[0]
print()
print(f"Machine: {cpu}, {os.cpu_count()} CPUs")
print(f"PyTorch {t0['torch_version']} (torchvision {t0['torchvision_version']}), {t0['threads']} threads, "
      f"BLAS: {t0['blas']} ({t0['blas_threads']} thread(s)), oneDNN: {t0['mkldnn']}; load average "
      + " ".join(f"{r['load_average_before']:.1f}-{r['load_average_after']:.1f}" for r in torch_runs))
if t0.get("openblas_env_removed"):
    print(f"  (unset for PyTorch: {t0['openblas_env_removed']})")

def best(runs, key, lower):
    values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    return None if not values else (min(values) if lower else max(values))

def fmt(v, digits=2):
    return "-" if v is None else f"{v:.{digits}f}"

summary = {}
missing = False
for m in models:
    T = [r["models"][m] for r in torch_runs]
    C = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(tmp, f"convscope.{m}.*.json")))]
    t = {k: best(T, k, "latency" in k) for k in
         ("forward_latency_median_ms", "forward_latency_p99_ms", "batch_images_per_second")}
    c = {k: best(C, k, "latency" in k) for k in t}
    configs = sorted({r["forward_latency_config"] for r in T})
    ratio = None if not c["forward_latency_median_ms"] else t["forward_latency_median_ms"] / c["forward_latency_median_ms"]
    ratio_p99 = None if not c["forward_latency_p99_ms"] else t["forward_latency_p99_ms"] / c["forward_latency_p99_ms"]
    ratio_batch = None if not c["batch_images_per_second"] else c["batch_images_per_second"] / t["batch_images_per_second"]
    missing |= not C
    print()
    print(f"{m}: {T[0]['multiply_adds'] / 1e9:.2f} G multiply-adds (PyTorch's count)"
          + (f", ConvScope counts {C[0]['multiply_adds'] / 1e9:.2f} G" if C and "multiply_adds" in C[0] else ""))
    if C and "multiply_adds" in C[0] and abs(C[0]["multiply_adds"] / T[0]["multiply_adds"] - 1) > 0.01:
        print("  warning: the two sides count different multiply-adds: not the same network?")
    print(f"  {'':34} {'ConvScope':>10} {'PyTorch':>10} {'ratio':>8}")
    print(f"  {'batch-1 forward, median (ms)':34} {fmt(c['forward_latency_median_ms']):>10} "
          f"{fmt(t['forward_latency_median_ms']):>10} {fmt(ratio) + '×' if ratio else '-':>8}")
    print(f"  {'batch-1 forward, p99 (ms)':34} {fmt(c['forward_latency_p99_ms']):>10} "
          f"{fmt(t['forward_latency_p99_ms']):>10} {fmt(ratio_p99) + '×' if ratio_p99 else '-':>8}")
    print(f"  {'batch of 8 (images/s)':34} {fmt(c['batch_images_per_second'], 1):>10} "
          f"{fmt(t['batch_images_per_second'], 1):>10} {fmt(ratio_batch) + '×' if ratio_batch else '-':>8}")
    print(f"  PyTorch's batch-1 forward: best of with and without oneDNN (won by {', '.join(configs)}); "
          "per round, oneDNN / without: "
          + "  ".join(f"{r['forward_latency_median_ms_onednn']:.1f}/{r['forward_latency_median_ms_no_onednn']:.1f}" for r in T))
    print("  per round, median ms: PyTorch [" + " ".join(fmt(r.get("forward_latency_median_ms"), 1) for r in T)
          + "]  ConvScope [" + " ".join(fmt(r.get("forward_latency_median_ms"), 1) for r in C) + "]")
    if C and all("open_ms" in r for r in C):
        print("  ConvScope opening the .onnx file (read, checked, built; a fresh JVM), ms per round: ["
              + " ".join(fmt(r["open_ms"], 0) for r in C) + "]")
    verdict = "-" if ratio is None else ("met" if ratio >= BAR else "NOT met")
    goal = "-" if ratio is None else ("met" if ratio >= GOAL else "not yet")
    print(f"  bar {BAR}× PyTorch's speed: {verdict}; goal {GOAL}×: {goal}"
          + ("" if C else "  (no ConvScope figures: its bench failed, see above)"))
    summary[m] = {"pytorch": {**t, "multiply_adds": T[0]["multiply_adds"], "forward_latency_configs": configs},
                  "convscope": {**c, "open_ms": best(C, "open_ms", True)} if C else None,
                  "ratios": {"forward_latency_median": ratio, "forward_latency_p99": ratio_p99,
                             "batch_images_per_second": ratio_batch}}
print()
print("  (ratios: PyTorch ms / ConvScope ms for latency, ConvScope / PyTorch for images/s; > 1 means ConvScope is ahead)")
if json_out:
    print(json.dumps({"cpu": cpu, "torch_version": t0["torch_version"], "threads": t0["threads"],
                      "bar": BAR, "goal": GOAL, "models": summary,
                      "rounds": {"pytorch": len(torch_runs)}}))
sys.exit(3 if missing else 0)
EOF
