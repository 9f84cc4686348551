#!/usr/bin/env bash
# Whole-run throughput of `galley clean`: files/s and MB/s at -j 1, -j 2 and
# all cores, over a corpus made of the checked-in seeds copied N times.
#
# Usage: scripts/bench-corpus.sh [COPIES]      (default 400: 2000 files, ~22 MB)
# Environment: RUNS (default 3) runs per thread count; KEEP=1 keeps the
# temp dirs; OUT_ROOT puts the output folders elsewhere (e.g. /dev/shm, to
# leave the file system out of the figures). Uses hyperfine if it is
# installed, for the wall-clock figures.
#
# Each run writes to a new output folder (all are deleted at the end:
# deleting ~10k files between runs makes the next run's file creation pay
# for ext4's recently-deleted inode checks, which on a journal-less ext4
# can cost more than the cleaning itself; for the same reason, figures
# taken within ~5 minutes of deleting many files on the same file system,
# e.g. a previous run of this script, are low). The MB/s and seconds are
# galley's own summary line (time from the first read to the last write);
# files/s is files over those seconds; wall, user and sys are the process's.
set -euo pipefail

copies=${1:-400}
runs=${RUNS:-3}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

cargo build --release --quiet
galley=$root/target/release/galley

tmp=$(mktemp -d "${TMPDIR:-/tmp}/galley-bench.XXXXXX")
outs=$(mktemp -d "${OUT_ROOT:-$tmp}/galley-bench-out.XXXXXX")
if [[ ${KEEP:-0} != 1 ]]; then
    trap 'rm -rf "$outs" "$tmp"' EXIT
fi
corpus=$tmp/corpus

for ((i = 1; i <= copies; i++)); do
    dir=$(printf '%s/copy%04d' "$corpus" "$i")
    mkdir -p "$dir"
    cp seeds/*.txt "$dir/"
done
files=$(find "$corpus" -type f | wc -l)
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
cores=$(nproc)
echo "corpus: $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB in $corpus"
echo "machine: $cores cores ($(uname -m)), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "output under $outs ($(df --output=fstype "$outs" | tail -n1))"
echo "load average before runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# Thread counts: 1, 2 and all cores, without repeats.
jobs=$(printf '%s\n' 1 2 "$cores" | awk '!seen[$0]++')

for j in $jobs; do
    echo
    echo "== -j $j"
    for ((r = 1; r <= runs; r++)); do
        out=$outs/j$j-$r
        TIMEFORMAT='%R %U %S'
        { time "$galley" clean "$corpus" -o "$out" -j "$j" 2>"$tmp/stderr" >/dev/null; } 2>"$tmp/time"
        line=$(grep '^galley:' "$tmp/stderr" | tail -n1)
        # galley: N files, P pages, I items, X MB in S s (R MB/s); …
        awk -v line="$line" -v times="$(cat "$tmp/time")" 'BEGIN {
            split(line, w, " ")
            split(times, t, " ")
            n = w[2]; secs = w[11]
            printf "%s  [%.0f files/s; wall %.2f s, user %.2f s, sys %.2f s]\n", line, n / secs, t[1], t[2], t[3]
        }'
    done
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --warmup 1 --runs "$runs" --prepare "rm -rf '$outs/hf'" \
            "'$galley' clean '$corpus' -o '$outs/hf' -j $j"
    fi
done
