# Sourced by the scripts that build a corpus from the checked-in seeds;
# run from the repository's root.

# make_corpus N DIR [ENCODING]: the seeds copied N times into DIR, re-encoded
# from UTF-8 if ENCODING is given.
make_corpus() {
    local n=$1 into=$2 encoding=${3:-}
    mkdir -p "$into/seeds"
    for seed in seeds/*.txt; do
        if [[ -n $encoding ]]; then
            iconv -f UTF-8 -t "$encoding" "$seed" >"$into/seeds/$(basename "$seed")"
        else
            cp "$seed" "$into/seeds/"
        fi
    done
    for ((i = 1; i <= n; i++)); do
        dir=$(printf '%s/copy%04d' "$into" "$i")
        mkdir -p "$dir"
        cp "$into"/seeds/*.txt "$dir/"
    done
    rm -r "$into/seeds"
}
