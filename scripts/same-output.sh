#!/usr/bin/env bash
# Checks that this tree's galley writes byte for byte what a reference
# binary writes: a change to the hot path must not change any output.
#
# Usage: scripts/same-output.sh REF_BINARY [INPUT_DIR]...
#
# Inputs: the seeds, a generated corpus (the seeds copied 20 times, and
# once more re-encoded as GB18030, so that detection is exercised), and
# every INPUT_DIR given (the shared samples, the composer's pages written
# by `GALLEY_COMPOSE_DIR=DIR cargo test --release --test composer --
# --ignored`). Each is cleaned by both binaries with `--format txt` and
# `--format jsonl`, at `-j 1` and `-j 2`, and the outputs are compared
# with `diff -r`. Exits 1 on the first difference.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 REF_BINARY [INPUT_DIR]..." >&2
    exit 2
fi
reference=$(realpath "$1")
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

cargo build --release --quiet
galley=$root/target/release/galley

tmp=$(mktemp -d "${TMPDIR:-/tmp}/galley-same.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

corpus=$tmp/corpus
# shellcheck source=scripts/corpus.sh
source "$root/scripts/corpus.sh"
make_corpus 20 "$corpus"
make_corpus 1 "$corpus/gb18030" GB18030

inputs=(seeds "$corpus" "$@")
compared=0
for input in "${inputs[@]}"; do
    for format in txt jsonl; do
        for j in 1 2; do
            "$reference" clean "$input" -o "$tmp/ref" --format "$format" -j "$j" -q || true
            "$galley" clean "$input" -o "$tmp/new" --format "$format" -j "$j" -q || true
            if ! diff -r -x run.json "$tmp/ref" "$tmp/new" >"$tmp/diff"; then
                echo "DIFFERENT: $input --format $format -j $j" >&2
                head -n 40 "$tmp/diff" >&2
                exit 1
            fi
            rm -rf "$tmp/ref" "$tmp/new"
            compared=$((compared + 1))
        done
    done
done
echo "same output: $compared runs over ${#inputs[@]} inputs"
