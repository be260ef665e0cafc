#!/usr/bin/env bash
# Two or more galley binaries against each other and ripgrep, in one run:
# the before/after table a change's note needs (bench/run.sh is the full benchmark).
#
#   bench/compare.sh ROUNDS NAME=BINARY[ CHECK-ARGS…] [NAME=BINARY[ CHECK-ARGS…]…]
#   e.g. bench/compare.sh 5 before=/tmp/galley-old after=target/release/galley
#        bench/compare.sh 5 all=target/release/galley 'off=target/release/galley --ignore typography'
#
# Arguments after the binary go to `check`: one binary with some rules ignored
# against itself with all on is how a rule set's marginal cost is measured.
# GALLEY_BENCH_SIZE picks another corpus size (default 100MB).
#
# Over the 100 MB corpus of bench/run.sh (generated here when missing, seed 42),
# each round times every binary (`check --no-config --format json DIRS | cat`)
# and rg's three passes over the packs' patterns, interleaved, with
# /usr/bin/time; it prints one line per run (name, wall, user, sys, max RSS KiB)
# and then the medians and the ratios to rg.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:?usage: bench/compare.sh ROUNDS NAME=BINARY...}
shift
[[ $# -ge 1 ]] || { echo "usage: bench/compare.sh ROUNDS NAME=BINARY..." >&2; exit 2; }
command -v rg > /dev/null || { echo "bench/compare.sh: needs ripgrep (rg) on PATH" >&2; exit 2; }
bench_dir=${GALLEY_BENCH_DIR:-$root/target/bench-corpus}
target_dir=${CARGO_TARGET_DIR:-$root/target}
size=${GALLEY_BENCH_SIZE:-100MB}
corpus=$bench_dir/$size
(cd "$root" && cargo build --release --locked -q --example gen_corpus --example bench_patterns)
mkdir -p "$bench_dir"
if [[ ! -d $corpus ]]; then
    "$target_dir/release/examples/gen_corpus" --out "$corpus.tmp" --size "$size" --seed 42 >&2
    mv "$corpus.tmp" "$corpus"
fi
for set in names phrases regexes; do
    "$target_dir/release/examples/bench_patterns" --set "$set" > "$bench_dir/$set.txt" 2> /dev/null
done
dirs=$(find "$corpus" -mindepth 1 -maxdepth 1 -type d ! -name cliff | sort | tr '\n' ' ')
rg_cmd="{ rg -F -o -n --column -f '$bench_dir/names.txt' $dirs; rg -F -i -o -n --column -f '$bench_dir/phrases.txt' $dirs; rg -o -n --column -f '$bench_dir/regexes.txt' $dirs; } | cat > /dev/null"
find "$corpus" -type f -print0 | xargs -0 cat > /dev/null
log=$(mktemp)
trap 'rm -f "$log" "$log.t"' EXIT
for _ in $(seq 1 "$rounds"); do
    for pair in "$@" "rg=rg"; do
        name=${pair%%=*} rest=${pair#*=}
        bin=${rest%% *} extra=${rest#"${rest%% *}"}
        if [[ $name == rg && $bin == rg ]]; then cmd=$rg_cmd; else cmd="'$bin' check --no-config --format json$extra $dirs | cat > /dev/null"; fi
        /usr/bin/time -f "$name %e %U %S %M" -o "$log.t" bash -c "$cmd" || true
        tail -n 1 "$log.t" | tee -a "$log"
    done
done
python3 "$root/bench/medians.py" "$log"
