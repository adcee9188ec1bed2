#!/bin/sh
# How the check's cost grows with the unit: TwoLayerNet(784, H, 10) on the first B Fashion-MNIST test
# images of the fixture slice, for H = 50, 100, 200, 400 at B = 3 and B = 3, 30, 300 at H = 50.
# For each mode: the median in-process time of the runs in one JVM (--repeat: 15 runs of the
# incremental and directional modes, 3 of the fast mode, so the JIT has compiled the loops) and the
# peak resident memory of the whole process (GNU time's %M). Usage, from the repository root:
#     sh src/bench/scripts/scale.sh [modes]        (default modes: "incremental fast directional")
# The fast mode is skipped where it would take more than a few minutes (it recomputes every loss:
# elements × batch × 784 × H multiply-adds).
set -e
cd "$(dirname "$0")/../../.."
[ -f target/gradcheck-cli.jar ] || mvn -B -q package -DskipTests
MODES=${1:-"incremental fast directional"}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| hidden | batch | elements | mode | time (median) | time per element | peak RSS |\n'
printf '|---:|---:|---:|---|---:|---:|---:|\n'
for config in "50 3" "100 3" "200 3" "400 3" "50 30" "50 300"; do
  set -- $config
  hidden=$1; batch=$2
  elements=$((784 * hidden + hidden + hidden * 10 + 10))
  for mode in $MODES; do
    work=$((elements * batch * hidden))
    if [ "$mode" = fast ] && [ "$work" -gt 40000000 ]; then
      printf '| %s | %s | %s | %s | (skipped: ~%s G multiply-adds) | | |\n' "$hidden" "$batch" "$elements" "$mode" \
        "$((work * 784 * 2 / 1000000000))"
      continue
    fi
    repeat=15
    [ "$mode" = fast ] && repeat=3
    out=$( { /usr/bin/time -f 'RSS %M' java -jar target/gradcheck-cli.jar check --hidden "$hidden" --batch "$batch" \
             --mode "$mode" --repeat "$repeat"; } 2>&1 )
    ms=$(echo "$out" | sed -n 's/.*PASSED in \([0-9.]*\) ms.*/\1/p')
    [ -n "$ms" ] || { echo "$out"; exit 1; }
    rss=$(echo "$out" | sed -n 's/^RSS \([0-9]*\)/\1/p')
    per=$(awk -v ms="$ms" -v n="$elements" 'BEGIN { printf "%.2f µs", 1000 * ms / n }')
    printf '| %s | %s | %s | %s | %s ms | %s | %s MB |\n' "$hidden" "$batch" "$elements" "$mode" "$ms" "$per" "$((rss / 1024))"
  done
done
