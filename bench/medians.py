"""The medians table of bench/compare.sh and bench/yardstick.sh.

Reads a log of runs, one per line (name, wall s, user s, sys s, max RSS KiB,
as /usr/bin/time -f "NAME %e %U %S %M" writes it), and prints per name the
medians of wall, CPU (user + sys) and peak RSS, with the ratios to `rg`.
"""
import collections
import statistics as st
import sys

runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    n, w, u, s, m = line.split()
    runs[n].append((float(w), float(u) + float(s), int(m) / 1024))
med = {n: tuple(st.median(r[i] for r in v) for i in range(3)) for n, v in runs.items()}
print("| binary | wall s | CPU s | peak RSS MiB | /rg wall | /rg CPU |\n|---|---:|---:|---:|---:|---:|")
for n, (w, c, m) in med.items():
    print(f"| {n} | {w:.2f} | {c:.2f} | {m:.1f} | {w / med['rg'][0]:.2f} | {c / med['rg'][1]:.2f} |")
