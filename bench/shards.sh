#!/usr/bin/env bash
# The per-shard figures of a sharded run (docs/benchmarks.md, "Beyond one
# machine"): each of N shards checked in turn, as N CI runners would each
# check one, with /usr/bin/time; then the table of files, findings, wall,
# CPU and peak RSS per shard, and the slowest shard against the whole run.
#
#   bench/shards.sh N CORPUS [GALLEY]
#   e.g. bench/shards.sh 8 /tmp/y1g
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${1:?usage: bench/shards.sh N CORPUS [GALLEY]}
corpus=${2:?usage: bench/shards.sh N CORPUS [GALLEY]}
galley=${3:-$root/target/release/galley}
[[ -d $corpus && -x $galley ]] || { echo "bench/shards.sh: no corpus or galley binary" >&2; exit 2; }
find "$corpus" -type f -print0 | xargs -0 cat > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for k in $(seq 1 "$n"); do
    /usr/bin/time -f "$k %e %U %S %M" -o "$out/time.$k" \
        "$galley" check --no-config --shard "$k/$n" --format json --output "$out/report.$k.json" "$corpus" || true
done
python3 - "$out" "$n" <<'PY'
import json, sys
out, n = sys.argv[1], int(sys.argv[2])
rows = []
for k in range(1, n + 1):
    _, wall, user, sys_, rss = open(f"{out}/time.{k}").read().split()[-5:]
    report = json.load(open(f"{out}/report.{k}.json"))
    rows.append((k, report["files_checked"], len(report["diagnostics"]), float(wall),
                 float(user) + float(sys_), int(rss) / 1024))
print("| shard | files | findings | wall s | CPU s | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|")
for k, files, found, wall, cpu, rss in rows:
    print(f"| {k}/{n} | {files} | {found} | {wall:.2f} | {cpu:.2f} | {rss:.1f} |")
files = sum(r[1] for r in rows); found = sum(r[2] for r in rows)
walls = [r[3] for r in rows]
print(f"| all | {files} | {found} | sum {sum(walls):.2f}, slowest {max(walls):.2f} | {sum(r[4] for r in rows):.2f} | max {max(r[5] for r in rows):.1f} |")
PY
