#!/usr/bin/env python3
"""Whole-command timings, side by side: runs each command in turn (round robin, so a busy
machine slows them all alike), RUNS times after WARMUP untimed rounds, and prints the median,
the 10th and 90th percentiles and each median's ratio to the first command's (the reference,
e.g. the JVM hello world).

usage: bench/timeit.py [--runs N] [--warmup N] [--json FILE] NAME=COMMAND...
Commands run through bash with stdin from /dev/null and output discarded.
"""
import json
import statistics
import subprocess
import sys
import time


def main(argv):
    runs, warmup, out, cmds = 21, 3, None, []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--runs":
            runs = int(argv[i + 1]); i += 2; continue
        if a == "--warmup":
            warmup = int(argv[i + 1]); i += 2; continue
        if a == "--json":
            out = argv[i + 1]; i += 2; continue
        name, _, cmd = a.partition("=")
        cmds.append((name, cmd))
        i += 1
    if not cmds:
        print(__doc__, file=sys.stderr)
        return 2
    times = {name: [] for name, _ in cmds}
    for r in range(warmup + runs):
        for name, cmd in cmds:
            t0 = time.perf_counter()
            p = subprocess.run(["bash", "-c", cmd], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            dt = (time.perf_counter() - t0) * 1000
            if p.returncode != 0:
                sys.stderr.write(f"{name}: exit {p.returncode}: {p.stderr.decode(errors='replace')[:400]}\n")
                return 1
            if p.stderr.strip():
                sys.stderr.write(f"{name}: unexpected stderr: {p.stderr.decode(errors='replace')[:400]}\n")
                return 1
            if r >= warmup:
                times[name].append(dt)
    ref = statistics.median(times[cmds[0][0]])
    rows = []
    print(f"{'command':<28} {'median':>9} {'p10':>9} {'p90':>9} {'ratio':>7}   ({runs} runs each, interleaved)")
    for name, cmd in cmds:
        t = sorted(times[name])
        med = statistics.median(t)
        p10 = t[max(0, int(len(t) * 0.1))]
        p90 = t[min(len(t) - 1, int(len(t) * 0.9))]
        rows.append({"name": name, "command": cmd, "median_ms": round(med, 1), "p10_ms": round(p10, 1),
                     "p90_ms": round(p90, 1), "ratio": round(med / ref, 2), "runs": runs})
        print(f"{name:<28} {med:8.1f}ms {p10:8.1f}ms {p90:8.1f}ms {med / ref:6.2f}x")
    if out:
        with open(out, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
