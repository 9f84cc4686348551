#!/usr/bin/env bash
# Whole-run throughput of `galley clean`: files/s and MB/s at -j 1, -j 2 and
# all cores, with item files and with `--format jsonl`, over a corpus made
# of the checked-in seeds copied N times; then the same corpus re-encoded
# as GB18030 (the encoding detected) at -j 1; then peak memory (maximum
# resident set size, `/usr/bin/time -v`) on 20,000 files at -j 1, with
# item files and with `--format jsonl`.
#
# Usage: scripts/bench-corpus.sh [COPIES]      (default 400: 2000 files, ~22 MB)
# Environment: RUNS (default 3) runs per thread count and format; KEEP=1
# keeps the temp dirs; OUT_ROOT puts the output folders elsewhere (e.g.
# /dev/shm, to leave the file system out of the figures); MEMORY_COPIES
# (default 4000: 20,000 files, ~225 MB) sizes the memory check, 0 skips
# it. Uses hyperfine if it is installed, for the wall-clock figures.
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

# shellcheck source=scripts/corpus.sh
source "$root/scripts/corpus.sh"

# run LABEL CORPUS ARGS...: one run into a new output folder; galley's
# summary line, files/s, the process's wall, user and sys seconds and its
# peak memory.
run() {
    local label=$1 input=$2
    shift 2
    out=$(mktemp -d -u "$outs/run.XXXXXX")
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$galley" clean "$input" -o "$out" "$@" 2>"$tmp/stderr" >/dev/null
    line=$(grep '^galley:' "$tmp/stderr" | tail -n1)
    # galley: N files, P pages, I items, X MB in S s (R MB/s); …
    awk -v label="$label" -v line="$line" -v times="$(cat "$tmp/time")" 'BEGIN {
        split(line, w, " ")
        split(times, t, " ")
        n = w[2]; secs = w[11]
        printf "%-6s %s  [%.0f files/s; wall %.2f s, user %.2f s, sys %.2f s, peak %.1f MB]\n", label, line, n / secs, t[1], t[2], t[3], t[4] / 1024
    }'
}

make_corpus "$copies" "$corpus"
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
    for format in txt jsonl; do
        for ((r = 1; r <= runs; r++)); do
            run "$format" "$corpus" -j "$j" --format "$format"
        done
    done
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --warmup 1 --runs "$runs" --prepare "rm -rf '$outs/hf'" \
            "'$galley' clean '$corpus' -o '$outs/hf' -j $j"
    fi
done

echo
echo "== GB18030, encoding detected, -j 1"
gb=$tmp/gb18030
make_corpus "$copies" "$gb" GB18030
for format in txt jsonl; do
    for ((r = 1; r <= runs; r++)); do
        run "$format" "$gb" -j 1 --format "$format"
    done
done

memory_copies=${MEMORY_COPIES:-4000}
if ((memory_copies > 0)); then
    echo
    many=$tmp/many
    make_corpus "$memory_copies" "$many"
    echo "== peak memory, $(find "$many" -type f | wc -l) files, -j 1"
    for format in txt jsonl; do
        run "$format" "$many" -j 1 --format "$format"
    done
fi
