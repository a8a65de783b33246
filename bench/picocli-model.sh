#!/usr/bin/env bash
# picocli's model for `quiz` by annotations against the programmatic API (bench/PicocliModel.java),
# each in a JVM with its own class-data archive, interleaved; prints each run's time to a parsed
# command line and the medians. See docs/performance.md (picocli model row; the full runs are in its git history).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-11}"
out="$root/target/bench/picocli-model"
jar="$root/target/quizcard.jar"
./quizcard --version >/dev/null   # builds the jar when needed
rm -rf "$out" && mkdir -p "$out/classes"
javac -cp "$jar" -d "$out/classes" bench/PicocliModel.java
(cd "$out/classes" && jar cf "$out/model.jar" .)
cp="$jar:$out/model.jar"
flags=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData)
for how in ann prog; do
  java -XX:DumpLoadedClassList="$out/$how.classes" -cp "$cp" org.quizcard.cli.PicocliModel "$how" 2>/dev/null
  java -Xshare:dump -XX:SharedClassListFile="$out/$how.classes" -XX:SharedArchiveFile="$out/$how.jsa" -cp "$cp" >/dev/null 2>&1
done
for _ in $(seq 1 "$runs"); do
  for how in ann prog; do
    java "${flags[@]}" -Xshare:auto -XX:SharedArchiveFile="$out/$how.jsa" -cp "$cp" org.quizcard.cli.PicocliModel "$how" 2>&1 \
      | grep ' ms' >>"$out/times.txt"
  done
done
python3 - "$out/times.txt" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    how, ms = line.split()[:2]
    times.setdefault(how, []).append(float(ms))
for how, t in times.items():
    print(f"{how}: median {statistics.median(t):.1f} ms over {len(t)} runs (min {min(t):.1f}, max {max(t):.1f})")
PY
