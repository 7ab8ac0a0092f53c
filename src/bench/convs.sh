#!/usr/bin/env bash
# ConvScope's convolution plans vs PyTorch's conv2d, layer by layer, on every convolution of ResNet-18 and
# MobileNetV2 at 1×3×224×224, one image, 1 and 2 threads, measured one right after the other on this machine.
#
# Runs src/bench/python/torch_convs.py (Debian's python3-torch, oneDNN) for the per-layer table, then
# ConvBench --torch on that table, which prints ConvScope's figures beside PyTorch's and their ratio
# (PyTorch's ms / ConvScope's: above 1, ConvScope is faster). Build first: mvn -q test-compile.
#
# Usage: src/bench/convs.sh [--network resnet18|mobilenet_v2] [--seconds S] [--cpu] [--networks] [--min]
#   --network N   one network only
#   --seconds S   ConvBench's measuring seconds per network and thread count (default 8)
#   --cpu         ConvBench times its thread's CPU time (1 thread only; for a machine busy with other work)
#   --networks    PyTorch also times its whole networks (batch norm folded) for the share of the convolutions
#   --min         both sides report each layer's fastest run, not the median (for a machine busy with other work)
# Environment: JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), PYTHON (default /usr/bin/python3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
seconds=8
bench_args=()
torch_args=()

while [ $# -gt 0 ]; do
    case "$1" in
        --network) bench_args+=(--network "$2"); torch_args+=(--only "$2"); shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --cpu) bench_args+=(--cpu --threads 1); torch_args+=(--threads 1); shift ;;
        --networks) torch_args+=(--networks); shift ;;
        --min) torch_args+=(--stat min); bench_args+=(--stat min); shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "convs.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

[ -d "$root/target/test-classes/org/convscope/bench" ] || { echo "convs.sh: run mvn -q test-compile first" >&2; exit 2; }
table=$(mktemp)
trap 'rm -f "$table"' EXIT
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/python/torch_convs.py" --table "$table" "${torch_args[@]}"
"$java" --add-modules jdk.incubator.vector -cp "$root/target/classes:$root/target/test-classes" \
    org.convscope.bench.ConvBench --torch "$table" --seconds "$seconds" "${bench_args[@]}" 2>&1 | grep -v '^WARNING: Using incubator'
