#!/usr/bin/env bash
# `--check` and `--incremental` against a full run, over a corpus made of
# the checked-in seeds copied N times: a full run writes OUT, then each
# round edits one file (the number in a line at its foot, so that the
# batch's facts stay the same) and times, one after the
# other, `--check`, `--incremental` and a full run over the earlier output,
# each with the load average before it. At the end OUT is compared with a
# fresh full run (all but `run.json`).
#
# Usage: scripts/bench-incremental.sh [COPIES]   (default 400: 2000 files)
# Environment: ROUNDS (default 5); JOBS (default 2); OUT_ROOT puts the
# corpus and outputs elsewhere (e.g. /dev/shm, to leave the file system
# out of the figures); KEEP=1 keeps them; GALLEY times another build of
# galley (an earlier one, say) instead of this tree's.
set -euo pipefail

copies=${1:-400}
rounds=${ROUNDS:-5}
jobs=${JOBS:-2}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [[ -z ${GALLEY:-} ]]; then
    cargo build --release --quiet
fi
galley=${GALLEY:-$root/target/release/galley}

tmp=$(mktemp -d "${OUT_ROOT:-${TMPDIR:-/tmp}}/galley-incremental.XXXXXX")
if [[ ${KEEP:-0} != 1 ]]; then
    trap 'rm -rf "$tmp"' EXIT
fi

# shellcheck source=scripts/corpus.sh
source "$root/scripts/corpus.sh"
make_corpus "$copies" "$tmp/corpus"
out=$tmp/out
edited=$(find "$tmp/corpus" -type f | sort | awk -v n="$(find "$tmp/corpus" -type f | wc -l)" 'NR == int(n * 3 / 4)')
cp "$edited" "$tmp/original"
# The earlier output already has a line at that foot: a new line there
# would change the batch's edge lines, and every page would be cleaned.
printf '\n今天下午停水%d。\n' 0 >>"$edited"
echo "corpus: $(find "$tmp/corpus" -type f | wc -l) files in $tmp/corpus; output $(df --output=fstype "$tmp" | tail -n1); -j $jobs"
echo "edited: ${edited#"$tmp"/corpus/}"

"$galley" clean "$tmp/corpus" -o "$out" -j "$jobs" -q
sleep 3 # the inputs settle, so that run.json may vouch for them
"$galley" clean "$tmp/corpus" -o "$out" -j "$jobs" -q

# timed LABEL ARGS...: one run; its summary line's tail, wall, user and sys.
timed() {
    local label=$1 load
    shift
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$galley" clean "$tmp/corpus" -o "$out" -j "$jobs" "$@" \
        >/dev/null 2>"$tmp/stderr" || true
    read -r wall user sys < <(tail -n1 "$tmp/time")
    printf '%-12s load %5s  wall %5.2f s  user+sys %5.2f s  %s\n' "$label" "$load" "$wall" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$(grep '^galley:' "$tmp/stderr" | tail -n1 | sed 's/.*warnings//')"
}

for ((r = 1; r <= rounds; r++)); do
    echo "== round $r"
    cp "$tmp/original" "$edited"
    printf '\n今天下午停水%d。\n' "$r" >>"$edited"
    timed check --check
    timed incremental --incremental
    timed full
done

"$galley" clean "$tmp/corpus" -o "$tmp/fresh" -j "$jobs" -q
if diff -r -x run.json "$out" "$tmp/fresh" >/dev/null; then
    echo "OUT after the last runs: byte-identical to a fresh full run (run.json aside)"
else
    echo "OUT differs from a fresh full run" >&2
    exit 1
fi
