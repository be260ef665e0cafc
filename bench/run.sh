#!/usr/bin/env bash
# galley against ripgrep and cat over a generated archive (issue 7).
#
#   bench/run.sh [SIZE...]        default: 100MB; the full table: bench/run.sh 100MB 1GB
#
# For each SIZE it generates a seeded corpus (reused when present) under
# ${GALLEY_BENCH_DIR:-target/bench-corpus}/SIZE, warms the page cache, then
# times, interleaved for ROUNDS rounds (default 5), over the dated article
# folders of the corpus:
#   galley check DIRS --format json | cat > /dev/null
#   rg: every pattern of the shipped packs galley runs on English articles
#   (examples/bench_patterns.rs), searched in the three passes ripgrep is
#   fastest at, output through one pipe:
#     { rg -F -o -n --column -f names.txt DIRS        # literals galley matches as written
#       rg -F -i -o -n --column -f phrases.txt DIRS   # literals galley matches in any case
#       rg -o -n --column -f regexes.txt DIRS; } | cat > /dev/null
#   find DIRS -type f -print0 | xargs -0 cat > /dev/null
# and once, under UNION_TIMEOUT (default 300 s), the same patterns as one
# regex union in a single rg pass (rg -o -n --column -f patterns.txt DIRS).
# with /usr/bin/time (wall, user, sys, max RSS). The corpus's single-line file
# (cliff/feed-dump.txt, 1% of SIZE) is timed on its own, galley under a
# CLIFF_TIMEOUT (default 60 s), with galley on growing prefixes of it to show
# how its time grows. Then galley's start-up on one small article (median of
# STARTUP_RUNS, default 20). Output goes through a pipe so no tool can tell it
# writes to /dev/null. The report is printed and written to
# bench/results/DATE-SIZES.md.
#
# Environment: GALLEY_BENCH_DIR, ROUNDS, STARTUP_RUNS, CLIFF_TIMEOUT, UNION_TIMEOUT, SEED
# (default 42), CARGO_TARGET_DIR (where the release build goes), RG (default:
# rg on PATH).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(100MB)
rounds=${ROUNDS:-5}
startup_runs=${STARTUP_RUNS:-20}
cliff_timeout=${CLIFF_TIMEOUT:-60}
union_timeout=${UNION_TIMEOUT:-300}
seed=${SEED:-42}
bench_dir=${GALLEY_BENCH_DIR:-$root/target/bench-corpus}
target_dir=${CARGO_TARGET_DIR:-$root/target}
rg_bin=${RG:-$(command -v rg || true)}
timer=/usr/bin/time

for tool in "$timer" "$rg_bin" "$(command -v timeout || true)"; do
    if [[ -z $tool || ! -x $tool ]]; then
        echo "bench/run.sh: needs GNU time at /usr/bin/time, timeout, and ripgrep (rg) on PATH" >&2
        exit 2
    fi
done
for size in "${sizes[@]}"; do
    if [[ ! $size =~ ^[0-9]+([KMG]i?B?)?$ ]]; then
        echo "bench/run.sh: cannot read size '$size' (try 5MB, 100MB, 1GB)" >&2
        exit 2
    fi
done

echo "== building (release)" >&2
cargo build --release --locked --bin galley --example gen_corpus --example bench_patterns >&2
galley=$target_dir/release/galley
gen=$target_dir/release/examples/gen_corpus

mkdir -p "$bench_dir" bench/results
work=$(mktemp -d "${TMPDIR:-/tmp}/galley-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

patterns=$bench_dir/patterns.txt
"$target_dir/release/examples/bench_patterns" > "$patterns" 2> "$work/patterns.log"
pattern_note=$(sed 's/^bench_patterns: //' "$work/patterns.log")
for set in names phrases regexes; do
    "$target_dir/release/examples/bench_patterns" --set "$set" > "$bench_dir/$set.txt" 2> /dev/null
done
# rg_cmd PATHS...: the three-pass search, as a shell command.
rg_cmd() {
    local q
    q=$(printf "'%s' " "$@")
    echo "{ '$rg_bin' -F -o -n --column -f '$bench_dir/names.txt' $q;" \
        "'$rg_bin' -F -i -o -n --column -f '$bench_dir/phrases.txt' $q;" \
        "'$rg_bin' -o -n --column -f '$bench_dir/regexes.txt' $q; }"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
load() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }

# timed NAME CMD [TIMEOUT]: runs CMD under bash with /usr/bin/time and
# appends "wall user sys rss" to $work/NAME. Exit status 0 or 1 is success
# (galley exits 1 when it finds something, rg when it finds nothing); a run
# that times out is recorded as "timeout".
timed() {
    local name=$1 cmd=$2 limit=${3:-0} status=0
    local -a guard=()
    ((limit > 0)) && guard=(timeout "$limit")
    "$timer" -f '%e %U %S %M' -o "$work/time.out" "${guard[@]}" bash -c "$cmd; exit \${PIPESTATUS[0]}" || status=$?
    if ((status == 124 && limit > 0)); then
        echo "timeout" >> "$work/$name"
        return
    fi
    if ((status > 1)); then
        echo "bench/run.sh: '$cmd' exited $status" >&2
        exit 1
    fi
    tail -n 1 "$work/time.out" >> "$work/$name"
}

# stats NAME: "wall cpu rss" medians of the runs recorded for NAME.
stats() {
    local f=$work/$1
    if grep -q timeout "$f"; then
        echo "timeout timeout timeout"
        return
    fi
    printf '%s %s %s\n' \
        "$(awk '{ print $1 }' "$f" | median)" \
        "$(awk '{ print $2 + $3 }' "$f" | median)" \
        "$(awk '{ print $4 }' "$f" | median)"
}

# row TOOL LABEL BYTES [LIMIT]: one line of the timing table.
row() {
    local w c r
    read -r w c r < <(stats "$1")
    if [[ $w == timeout ]]; then
        echo "| $2 | > ${4:-$cliff_timeout} (timed out) | | | |"
        return
    fi
    awk -v t="$2" -v w="$w" -v c="$c" -v r="$r" -v b="$3" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.1f | %.1f |\n", t, w, c, r / 1024, (w > 0 ? b / 1048576 / w : 0) }'
}

# now_us: microseconds since the epoch, from bash itself (no fork).
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

dirty=""
git diff --quiet HEAD -- src rules Cargo.toml Cargo.lock 2>/dev/null || dirty=" (with uncommitted changes to src/rules/Cargo)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$dirty"
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)
rg_version=$("$rg_bin" --version | sed -n 1p)
date=$(date +%F)
joined=$(IFS=-; echo "${sizes[*]}")
report=bench/results/$date-$joined.md

{
    echo "# galley benchmark, $date"
    echo
    echo "- machine: $(nproc) cores, $cpu, $mem RAM, Linux $(uname -r); load average at start: $(load)"
    echo "- galley: commit $commit, release profile; $(rustc --version 2>/dev/null || echo rustc unknown)"
    echo "- ripgrep: $rg_version ($rg_bin)"
    echo "- patterns for rg: $pattern_note (examples/bench_patterns.rs)"
    echo "- corpus: examples/gen_corpus.rs, seed $seed; $rounds interleaved rounds per tool, page cache warm; medians"
    echo "- commands, over the dated folders (every article but cliff/feed-dump.txt):"
    echo "  galley: \`galley check DIRS --format json | cat >/dev/null\`;"
    echo "  rg: \`{ rg -F -o -n --column -f names.txt DIRS; rg -F -i -o -n --column -f phrases.txt DIRS;" \
        "rg -o -n --column -f regexes.txt DIRS; } | cat >/dev/null\`;"
    echo "  rg union (one run): \`rg -o -n --column -f patterns.txt DIRS | cat >/dev/null\`;"
    echo "  cat: \`find DIRS -type f -print0 | xargs -0 cat >/dev/null\`"
    echo
} > "$work/report.md"

declare -A galley_wall
for size in "${sizes[@]}"; do
    corpus=$bench_dir/$size
    if [[ ! -d $corpus ]]; then
        echo "== generating $size corpus in $corpus" >&2
        rm -rf "$corpus.tmp"
        "$gen" --out "$corpus.tmp" --size "$size" --seed "$seed" --manifest "$bench_dir/$size.manifest.tsv"
        mv "$corpus.tmp" "$corpus"
    else
        echo "== reusing $corpus" >&2
    fi
    cliff=$corpus/cliff/feed-dump.txt
    mapfile -t dirs < <(find "$corpus" -mindepth 1 -maxdepth 1 -type d -not -name cliff | sort)
    qdirs=$(printf "'%s' " "${dirs[@]}")
    files=$(find "${dirs[@]}" -type f | wc -l)
    bytes=$(find "${dirs[@]}" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    largest=$(find "${dirs[@]}" -type f -printf '%s\n' | sort -n | tail -n 1)
    cliff_bytes=$(wc -c < "$cliff")

    echo "== warming the page cache" >&2
    for _ in 1 2; do find "$corpus" -type f -print0 | xargs -0 cat > /dev/null; done

    # Counts, untimed: what each tool reports on the article folders.
    status=0
    "$galley" check "${dirs[@]}" --format json > "$work/galley.json" || status=$?
    if ((status > 1)); then
        echo "bench/run.sh: galley check exited $status on $corpus" >&2
        exit 1
    fi
    findings=$(grep -c '"rule":' "$work/galley.json" || true)
    rm -f "$work/galley.json"
    rg_matches=$(bash -c "$(rg_cmd "${dirs[@]}") | wc -l")

    load_before=$(load)
    rm -f "$work"/galley "$work"/rg "$work"/union "$work"/cat
    for ((i = 1; i <= rounds; i++)); do
        echo "== $size round $i/$rounds" >&2
        timed galley "'$galley' check $qdirs --format json | cat > /dev/null"
        timed rg "$(rg_cmd "${dirs[@]}") | cat > /dev/null"
        timed cat "find $qdirs -type f -print0 | xargs -0 cat > /dev/null"
    done
    load_after=$(load)
    echo "== $size: rg with the union in one pass (once, at most ${union_timeout} s)" >&2
    timed union "'$rg_bin' -o -n --column -f '$patterns' $qdirs | cat > /dev/null" "$union_timeout"
    read -r g_wall g_cpu g_rss < <(stats galley)
    read -r r_wall r_cpu r_rss < <(stats rg)
    read -r c_wall c_cpu c_rss < <(stats cat)
    galley_wall[$size]=$g_wall

    echo "== $size: the single-line file" >&2
    rm -f "$work"/cliff-*
    timed cliff-galley "'$galley' check '$cliff' --format json | cat > /dev/null" "$cliff_timeout"
    timed cliff-rg "$(rg_cmd "$cliff") | cat > /dev/null"
    timed cliff-cat "cat '$cliff' > /dev/null"
    prefixes=()
    for kb in 16 32 64 128 256 512; do
        ((kb * 1024 < cliff_bytes)) || break
        # Cut at a sentence end so the prefix is a well-formed article.
        cut_at=$(head -c $((kb * 1024)) "$cliff" | grep -ob '\. ' | tail -n 1 | cut -d : -f 1)
        head -c $((cut_at + 1)) "$cliff" > "$work/prefix-$kb.txt"
        echo >> "$work/prefix-$kb.txt"
        timed "cliff-prefix-$kb" "'$galley' check '$work/prefix-$kb.txt' --format json | cat > /dev/null" "$cliff_timeout"
        prefixes+=("$kb")
        [[ $(cat "$work/cliff-prefix-$kb") == timeout ]] && break
    done

    {
        echo "## $size corpus"
        echo
        echo "Article folders: $files files, $bytes bytes (largest $largest bytes)." \
            "galley: $findings findings; rg: $rg_matches matches." \
            "Load average before/after the rounds: $load_before / $load_after."
        echo
        echo "| tool | wall s | CPU s (user+sys) | peak RSS MiB | MiB/s (wall) |"
        echo "|---|---:|---:|---:|---:|"
        row galley galley "$bytes"
        row rg "rg (3 passes)" "$bytes"
        row cat cat "$bytes"
        row union "rg (one union regex; 1 run)" "$bytes" "$union_timeout"
        echo
        echo "| ratio | wall | CPU | peak RSS |"
        echo "|---|---:|---:|---:|"
        echo "| galley / rg | $(ratio "$g_wall" "$r_wall") | $(ratio "$g_cpu" "$r_cpu") | $(ratio "$g_rss" "$r_rss") |"
        echo "| galley / cat | $(ratio "$g_wall" "$c_wall") | $(ratio "$g_cpu" "$c_cpu") | $(ratio "$g_rss" "$c_rss") |"
        echo
        echo "Runs (wall user sys maxrss-KB):"
        echo
        for t in galley rg cat union; do
            echo "- $t: $(paste -sd ',' "$work/$t" | sed 's/,/; /g')"
        done
        echo
        echo "### The single-line file ($cliff_bytes bytes, one run each, galley limited to ${cliff_timeout} s)"
        echo
        echo "| tool | wall s | CPU s (user+sys) | peak RSS MiB | MiB/s (wall) |"
        echo "|---|---:|---:|---:|---:|"
        row cliff-galley galley "$cliff_bytes"
        row cliff-rg "rg (3 passes)" "$cliff_bytes"
        row cliff-cat cat "$cliff_bytes"
        for kb in "${prefixes[@]}"; do
            row "cliff-prefix-$kb" "galley, first $(wc -c < "$work/prefix-$kb.txt") bytes" \
                "$(wc -c < "$work/prefix-$kb.txt")"
        done
        echo
    } >> "$work/report.md"
done

# Start-up: one small article, STARTUP_RUNS times each.
small=$work/small-article.txt
sample=$(find "$bench_dir/${sizes[0]}" -name '*.txt' -size -6k -size +2k -print -quit)
cp "$sample" "$small"
startup() {
    local cmd=$1 t0 t1 status
    for ((i = 0; i < startup_runs; i++)); do
        t0=$(now_us)
        status=0
        bash -c "$cmd" > /dev/null 2>&1 || status=$?
        t1=$(now_us)
        if ((status > 1)); then
            echo "bench/run.sh: start-up command '$cmd' exited $status" >&2
            exit 1
        fi
        echo $((t1 - t0))
    done | median | awk '{ printf "%.1f", $1 / 1000 }'
}
echo "== start-up" >&2
g_start=$(startup "'$galley' check '$small' --format json | cat")
r_start=$(startup "$(rg_cmd "$small") | cat")
u_start=$(startup "'$rg_bin' -o -n --column -f '$patterns' '$small' | cat")
b_start=$(startup "true | cat")
{
    echo "## Start-up"
    echo
    echo "One $(wc -c < "$small")-byte article, median of $startup_runs runs, each through \`bash -c '… | cat'\`:"
    echo
    echo "| command | ms |"
    echo "|---|---:|"
    echo "| galley check --format json | $g_start |"
    echo "| rg, 3 passes | $r_start |"
    echo "| rg, one union regex | $u_start |"
    echo "| bash -c 'true \\| cat' (the harness alone) | $b_start |"
    echo
} >> "$work/report.md"

if ((${#sizes[@]} > 1)); then
    {
        echo "## Scaling (galley wall-time medians over the article folders)"
        echo
        for ((i = 1; i < ${#sizes[@]}; i++)); do
            a=${sizes[i - 1]} b=${sizes[i]}
            echo "- time($b) / time($a) = $(ratio "${galley_wall[$b]}" "${galley_wall[$a]}")"
        done
        echo
    } >> "$work/report.md"
fi
echo "Load average at the end: $(load)." >> "$work/report.md"

cp "$work/report.md" "$report"
cat "$report"
echo "== written to $report" >&2
