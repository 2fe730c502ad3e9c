#!/usr/bin/env bash
# Start-up of the real desk, as a person sees it (issue 6): time to the first screen and to the
# complete portfolio in a pseudo-terminal, peak vs settled resident memory (and the live heap by
# phase), and keystrokes during a save; with 100k and 1M generated prospects, several runs each, medians printed.
#
#   scripts/first-frame.sh              # 100k (5 runs) and 1M (3 runs)
#   SIZES="100000" RUNS=9 scripts/first-frame.sh
#
# Needs: cargo, a Linux /proc. Generated stores are cached in ${DEALDESK_PERF_DIR:-/tmp/dealdesk-perf}.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"100000 1000000"}
RUNS=${RUNS:-5}
RUNS_1M=${RUNS_1M:-3}
DIR=${DEALDESK_PERF_DIR:-/tmp/dealdesk-perf}
mkdir -p "$DIR"

cargo build --release --quiet --bin dealdesk --example generate --example first_frame --example memory
BIN=$PWD/target/release/dealdesk
EX=$PWD/target/release/examples

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
echo "binary: $BIN ($(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ', with local changes'))"

# The baseline: the desk with an empty store (the welcome screen), for its own memory.
"$EX/first_frame" "$BIN" "$DIR/empty-does-not-exist.json" 0 3

for n in $SIZES; do
  store="$DIR/p$n.json"
  [ -s "$store" ] || "$EX/generate" "$n" "$store" 1
  runs=$RUNS
  [ "$n" -ge 1000000 ] && runs=$RUNS_1M
  # A warm-up run first so that every measured run reads the file from the page cache alike.
  "$EX/first_frame" "$BIN" "$store" "$n" 1 > /dev/null
  "$EX/first_frame" "$BIN" "$store" "$n" "$runs"
  # The live heap by phase, counted by the allocator (resident size keeps freed pages).
  "$EX/memory" "$store"
  if [ "$n" -le 100000 ]; then
    "$EX/first_frame" "$BIN" "$store" "$n" 3 --save-probe
  fi
done
