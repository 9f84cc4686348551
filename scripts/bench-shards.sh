#!/usr/bin/env bash
# Shard jobs with and without a facts file: the wall time of each of N
# `galley clean --shard K/N` jobs when each gathers the batch's facts
# itself (a first pass over the whole corpus), and when `galley facts`
# gathered them once, over a corpus of the seeds copied COPIES times.
#
# Usage: scripts/bench-shards.sh [COPIES] [N]   (default 400 copies: 2000 files; N = 4)
# Environment: JOBS threads per job (default: all cores). The jobs run one
# after the other, as a cluster's array jobs would run side by side: what
# is compared is the work of each job.
set -euo pipefail

copies=${1:-400}
shards=${2:-4}
jobs=${JOBS:-$(nproc)}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

cargo build --release --quiet
galley=$root/target/release/galley

tmp=$(mktemp -d "${TMPDIR:-/tmp}/galley-shards.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
corpus=$tmp/corpus
# shellcheck source=scripts/corpus.sh
source "$root/scripts/corpus.sh"
make_corpus "$copies" "$corpus"
echo "corpus: $(find "$corpus" -type f | wc -l) files; $shards shards, -j $jobs each; load $(cut -d' ' -f1-3 /proc/loadavg)"

# Wall seconds of one command.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

total=0
for ((k = 1; k <= shards; k++)); do
    s=$(seconds "$galley" clean "$corpus" --shard "$k/$shards" -o "$tmp/plain-$k" -j "$jobs" -q)
    echo "without facts: shard $k/$shards  $s s"
    total=$(awk -v a="$total" -v b="$s" 'BEGIN { print a + b }')
done
echo "without facts: all shard jobs  $total s"

f=$(seconds "$galley" facts "$corpus" -o "$tmp/corpus.facts" -j "$jobs" -q)
echo "facts job: $f s ($(stat -c %s "$tmp/corpus.facts") bytes)"
total=$f
for ((k = 1; k <= shards; k++)); do
    s=$(seconds "$galley" clean "$corpus" --shard "$k/$shards" --facts "$tmp/corpus.facts" -o "$tmp/facts-$k" -j "$jobs" -q)
    echo "with facts:    shard $k/$shards  $s s"
    total=$(awk -v a="$total" -v b="$s" 'BEGIN { print a + b }')
    diff -r "$tmp/plain-$k" "$tmp/facts-$k" >/dev/null || { echo "shard $k differs with facts" >&2; exit 1; }
done
echo "with facts:    facts job + all shard jobs  $total s (output identical)"
