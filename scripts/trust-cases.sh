#!/usr/bin/env bash
# Reruns, against the release build, the eleven ways a careless user or an
# attacker broke galley's trust (issue "Trust"), and prints one line per
# case: what happened and the exit status. The integration tests in
# tests/trust.rs hold the same cases as assertions; this script is for
# seeing them at full size (a 16 MB line, 20,000 threads asked for, …).
#
# Usage: scripts/trust-cases.sh        (needs unshare -rm for the full-disk case)
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cargo build --release --quiet || exit 1
galley=$root/target/release/galley
tmp=$(mktemp -d "${TMPDIR:-/tmp}/galley-trust.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

say() { printf '%-3s %-52s %s\n' "$1" "$2" "$3"; }
files() { find "$1" -type f 2>/dev/null | wc -l; }

# 1. A hostile name must not write outside OUT.
mkdir -p w/in && cp "$root"/seeds/002_*.txt 'w/in/a\..\..\..\victim.txt'
"$galley" clean w/in -o w/out -q; rc=$?
say 1 "name a\\..\\..\\..\\victim.txt" "exit $rc; outside OUT: $(find . -path ./w -prune -o -type f -print | wc -l) files; item folder $(ls w/out | grep -v -e jsonl -e run.json)"

# 2. A typo'd input over a finished output.
cp -r "$root/seeds" seeds && "$galley" clean seeds -o o -q
before=$(cat o/manifest.jsonl | md5sum)
"$galley" clean seedz -o o -q 2>err; rc=$?
say 2 "typo: clean seedz -o o (o finished)" "exit $rc; manifest $( [ "$before" = "$(md5sum <o/manifest.jsonl)" ] && echo unchanged || echo CHANGED); $(cat err)"

# 3. Linear time: one 16 MB line, 200 KB of ')'.
python3 - <<'EOF'
import random
random.seed(1)
words = "the of and to in council street said would which railway election morning".split()
open("line.txt", "w").write(" ".join(random.choice(words) for _ in range(2_600_000))[:16_000_000])
open("parens.txt", "w").write(")" * 200_000)
EOF
for f in line.txt parens.txt; do
    start=$(date +%s.%N); "$galley" clean "$f" -o "out-$f" -q; rc=$?; end=$(date +%s.%N)
    say 3 "$f ($(stat -c %s "$f") bytes)" "exit $rc in $(printf '%.2f' "$(echo "$end - $start" | bc)") s"
done

# 4. OUT equal to the input folder.
"$galley" clean seeds -o seeds -q 2>err; rc=$?
say 4 "clean seeds -o seeds" "exit $rc; $(cat err)"

# 5. A text page with one NUL byte.
python3 -c "import sys; t=open('seeds/003_3f1f02917a16f933.txt','rb').read(); open('nul.txt','wb').write(t[:5000]+b'\0'+t[5000:])"
"$galley" clean nul.txt -o out5 -q 2>err; rc=$?
say 5 "page with one NUL byte" "exit $rc; items $(wc -l <out5/manifest.jsonl 2>/dev/null); malformed $(grep -o '"malformed":[0-9]*' out5/pages.jsonl 2>/dev/null)"

# 6. Removed inputs and a switched format.
mkdir six && cp seeds/*.txt six/ && "$galley" clean six -o out6 -q && rm six/000_*.txt
"$galley" clean six -o out6 -q --format jsonl; rc=$?
say 6 "input removed, then --format jsonl" "exit $rc; OUT holds: $(ls out6 | tr '\n' ' ')"

# 7. kill -9 during a rerun.
mkdir seven && for i in $(seq -w 1 400); do for f in seeds/*.txt; do cp "$f" "seven/${i}_$(basename "$f")"; done; done
"$galley" clean seven -o out7 -q
rm seven/001_*; "$galley" clean seven -o out7 -q & pid=$!; sleep 0.5; kill -9 $pid; wait $pid 2>/dev/null
listed=$(grep -o '"path":"[^"]*"' out7/manifest.jsonl | wc -l)
say 7 "kill -9 during a rerun of 2,000 files" "manifest lists $listed, OUT holds $(find out7 -name '*.txt' | wc -l) item files"

# 8. An absurd thread count.
start=$(date +%s.%N); "$galley" clean seeds -o out8 -j 65535 2>err >/dev/null; rc=$?; end=$(date +%s.%N)
say 8 "-j 65535" "exit $rc in $(printf '%.2f' "$(echo "$end - $start" | bc)") s; $(head -1 err)"

# 9. A full disk, and OUT a file.
if unshare -rm true 2>/dev/null; then
    mkdir disk
    unshare -rm sh -c "mount -t tmpfs -o size=256k tmpfs disk && '$galley' clean seeds -o disk/out -q && '$galley' clean seven -o disk/out -q 2>err; echo \$? >rc; ls -A disk >ls"
    say 9 "full disk (256 KB tmpfs) over a finished output" "exit $(cat rc); $(wc -l <err) line: $(cut -c1-90 err); disk holds: $(tr '\n' ' ' <ls)"
else
    say 9 "full disk" "not tried: unshare -rm not permitted"
fi
touch afile; "$galley" clean seeds -o afile -q 2>err; rc=$?
say 9 "-o a file" "exit $rc; $(cat err)"

# 10. EUC-TW and double-encoded UTF-8.
python3 - <<'EOF'
# A stream of two-byte codes in EUC-TW's range (both bytes 0xA1-0xFE), which
# GB18030 decodes without a single malformed sequence.
eucw = bytes.fromhex("e6e8c9f4ece2c4cfc5b0c5c5d5f2c8c0") * 40
open("euctw.txt", "wb").write(b"EUC-TW" + eucw + b"\n")
text = open("seeds/003_3f1f02917a16f933.txt", encoding="utf-8").read()
open("mojibake-gbk.txt", "w", encoding="utf-8").write(text.encode("utf-8").decode("gbk", errors="replace"))
open("mojibake-1252.txt", "w", encoding="utf-8").write(
    "Zürich – the café’s “best” crème brûlée, naïve façade.\n".encode("utf-8").decode("cp1252", errors="replace") * 20)
EOF
for f in euctw.txt mojibake-gbk.txt mojibake-1252.txt; do
    "$galley" clean "$f" -o "out-$f" -q 2>err; rc=$?
    say 10 "$f" "exit $rc; $(grep -o '"encoding":"[^"]*"' "out-$f/pages.jsonl" 2>/dev/null) $(grep -o '"warnings":\[[^]]*\]' "out-$f/pages.jsonl" 2>/dev/null | cut -c1-110) $(head -c 150 err)"
done

# 11. Standard input: -o, --format, the page record, explain -.
"$galley" clean - -o out11 --format jsonl -q <seeds/001_a69710dabf6f1119.txt; rc=$?
say 11 "clean - -o out11 --format jsonl" "exit $rc; OUT holds: $(ls out11 | tr '\n' ' '); pages $(wc -l <out11/pages.jsonl)"
"$galley" explain - <seeds/001_a69710dabf6f1119.txt >explain.txt; rc=$?
say 11 "explain -" "exit $rc; $(head -1 explain.txt)"
