#!/usr/bin/env bash
# The app left running: the training studio (LeNet-5 on MNIST at full speed, every view shown, autosaving) and the
# explorer drawing a stroke point per frame and browsing test digits, headless, for 30 minutes. Every minute it prints
# the heap in use at the end of a full collection (the collector's own record, not a reading taken after it while
# training goes on), the live threads, the FX thread's frame time (p99 and max), training images/s and explorer
# frames; at the end whether the heap stayed within 10% of minute 1 and no thread was added. Exits 1 if either bar
# is missed.
#
# Usage: src/bench/soak.sh [--minutes N] [--log FILE]
#   --minutes N   how long (default 30)
#   --log FILE    also write the output to FILE (default target/soak-<date>.log)
# The JVM options are the app launcher's (-Xmx2g, Parallel GC). Build first: mvn -q -B compile.
# Environment: JAVA_HOME  JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
minutes=30
log="$root/target/soak-$(date +%Y%m%d-%H%M).log"
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes=$2; shift 2 ;;
        --log) log=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "soak.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

java=""
for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
    if [ -x "$j" ] && "$j" -version 2>&1 | grep -q 'version "25'; then java=$j; break; fi
done
[ -n "$java" ] || { echo "soak.sh: no JDK 25 (set JAVA_HOME or install temurin-25-jdk)" >&2; exit 2; }
[ -f "$root/target/classes/org/convscope/Main.class" ] || { echo "soak.sh: no build (run mvn -q -B compile)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$tmp/cp.txt" >&2)
mkdir -p "$(dirname "$log")"

cd "$root"
{
    echo "soak of $minutes minute(s), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    "$java" --add-modules jdk.incubator.vector -Xmx2g -XX:+UseParallelGC \
        -Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
        -cp "target/classes:$(cat "$tmp/cp.txt")" org.convscope.Main bench --soak --minutes "$minutes" 2>&1 \
        | grep --line-buffered -v '^WARNING: '
} | tee "$log"
