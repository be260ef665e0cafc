#!/usr/bin/env bash
# galley against issue 21's yardstick: ripgrep searching the 13 regexes of
# ../shared/bench/rg-patterns.txt as one union, over a corpus made by
# ../shared/bench/gen_corpus.py (seeded).
#
#   bench/yardstick.sh ROUNDS CORPUS [PATTERNS] [GALLEY | NAME=GALLEY…]
#   e.g. python3 ../shared/bench/gen_corpus.py --out /tmp/y100 --files 17000 --seed 1
#        bench/yardstick.sh 3 /tmp/y100
#        bench/yardstick.sh 3 /tmp/y100 '' before=/tmp/galley-old after=target/release/galley
#
# Each round times, interleaved, with /usr/bin/time (page cache warmed first):
#   galley check --no-config --format json CORPUS | cat > /dev/null   (every default pack)
#   rg -o -n --column -f PATTERNS CORPUS | cat > /dev/null
# and prints one line per run (name, wall, user, sys, max RSS KiB), then the
# medians and galley's ratios to rg, wall and CPU.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:?usage: bench/yardstick.sh ROUNDS CORPUS [PATTERNS] [GALLEY]}
corpus=${2:?usage: bench/yardstick.sh ROUNDS CORPUS [PATTERNS] [GALLEY]}
patterns=${3:-$root/../shared/bench/rg-patterns.txt}
shift $(( $# < 3 ? $# : 3 ))
# The galley binaries, each NAME=PATH (a bare path is named `galley`).
binaries=("${@:-galley=$root/target/release/galley}")
[[ ${binaries[0]} == *=* ]] || binaries=("galley=${binaries[0]}")
command -v rg > /dev/null || { echo "bench/yardstick.sh: needs ripgrep (rg) on PATH" >&2; exit 2; }
[[ -d $corpus && -f $patterns ]] || { echo "bench/yardstick.sh: no corpus or patterns" >&2; exit 2; }
for b in "${binaries[@]}"; do
    [[ -x ${b#*=} ]] || { echo "bench/yardstick.sh: no galley binary at ${b#*=}" >&2; exit 2; }
done
find "$corpus" -type f -print0 | xargs -0 cat > /dev/null
log=$(mktemp)
trap 'rm -f "$log" "$log.t"' EXIT
for _ in $(seq 1 "$rounds"); do
    for pair in "${binaries[@]}" rg=rg; do
        name=${pair%%=*} bin=${pair#*=}
        if [[ $name == rg ]]; then
            cmd="rg -o -n --column -f '$patterns' '$corpus' | cat > /dev/null"
        else
            cmd="'$bin' check --no-config --format json '$corpus' | cat > /dev/null"
        fi
        /usr/bin/time -f "$name %e %U %S %M" -o "$log.t" bash -c "$cmd" || true
        tail -n 1 "$log.t" | tee -a "$log"
    done
done
python3 "$root/bench/medians.py" "$log"
