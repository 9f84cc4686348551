#!/usr/bin/env bash
# Opens galley's HTML report in a real browser, headless Chromium: it must
# render without a script error, a screenshot is taken, and the DOM as the
# browser built it must hold the sections a reviewer reads, with a page's
# own markup shown as text, never run. Installs Debian's chromium if missing,
# and a Chinese font, so that the screenshot shows the seeds' text.
#
# Usage: .ci/report-check.sh [SCREENSHOT.png]   (default: a temp file)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || [[ -z $(fc-list :lang=zh 2>/dev/null) ]]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei
fi
cargo build -q
galley=$PWD/target/debug/galley
tmp=$(mktemp -d "${TMPDIR:-/tmp}/galley-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
shot=${1:-$tmp/report.png}

# An older output, then a newer one: a page gone, a page added whose text
# holds markup, a page edited.
mkdir "$tmp/in"
cp seeds/*.txt "$tmp/in/"
"$galley" clean "$tmp/in" -o "$tmp/old" -q
rm "$tmp/in"/004_*.txt
printf '本报讯（记者王明） <script>document.title="injected"</script> 市区今天下午停水，<b>请</b>居民提前储水。\n' \
    >"$tmp/in/markup.txt"
printf '\n今天下午停水。\n' >>"$tmp/in/001_a69710dabf6f1119.txt"
"$galley" clean "$tmp/in" -o "$tmp/out" -q
"$galley" report "$tmp/out" -o "$tmp/report.html" --diff "$tmp/old"

browser=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking
    --disable-component-update --disable-sync --no-first-run --enable-logging=stderr
    --user-data-dir="$tmp/profile")
"${browser[@]}" --dump-dom "file://$tmp/report.html" >"$tmp/dom.html" 2>"$tmp/browser.log"
"${browser[@]}" --window-size=1280,1800 --screenshot="$shot" "file://$tmp/report.html" 2>>"$tmp/browser.log"

fail() {
    echo "report-check: $*" >&2
    exit 1
}
[[ -s $shot ]] || fail "no screenshot"
! grep -q 'Uncaught' "$tmp/browser.log" || fail "script error: $(grep 'Uncaught' "$tmp/browser.log")"
grep -q '<title>galley report: ' "$tmp/dom.html" || fail "the page's title changed: a page's markup ran"
for id in run totals items-per-page article-lengths rules warnings orphans changes pages filter; do
    grep -q "id=\"$id\"" "$tmp/dom.html" || fail "no element #$id"
done
pages=$(grep -o '<details data-source=' "$tmp/dom.html" | wc -l)
[[ $pages == 5 ]] || fail "$pages pages shown, not 5"
grep -q '&lt;script&gt;document.title' "$tmp/dom.html" || fail "a page's markup is not shown as text"
grep -q 'page gone: <b>004_468ab1eef400fbf5.txt</b>' "$tmp/dom.html" || fail "the gone page is not named"
grep -q 'item added: <code>markup/01</code>' "$tmp/dom.html" || fail "the added item is not named"
echo "report-check: the report renders in $(chromium --version); screenshot $shot"
