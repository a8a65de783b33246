#!/usr/bin/env bash
# Whole-command benchmarks of issue 7, each beside its reference in the same run; see
# docs/performance.md. Writes data under target/bench (git-ignored) and prints a report.
#
#   bench/run.sh [startup|lint|replay|stats|record|grade|optimize|import|all]   (default all)
#
# Needs: JDK 17 (and JDK 25 for its start-up line: JDK25_HOME, default
# /usr/lib/jvm/temurin-25-jdk-amd64), python3, /usr/bin/time, node + npm for the ts-fsrs side.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
what="${1:-all}"
out="$root/target/bench"
runs="${RUNS:-21}"
jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$out"

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
./quizcard --version >/dev/null   # builds the jar when needed
javac -d "$out" bench/Hello.java

# Benchmarks run a snapshot of the launcher and jar (target/bench/snapshot), so that source edits
# made meanwhile (a shared checkout) neither rebuild the jar mid-run nor make its archive stale.
snap="$out/snapshot"
if [ ! -f "$snap/target/quizcard.jar" ] || ! cmp -s target/quizcard.jar "$snap/target/quizcard.jar" \
    || ! cmp -s quizcard "$snap/quizcard" || ! cmp -s src/dist/bin/quizcard "$snap/src/dist/bin/quizcard"; then
  rm -rf "$snap"
  mkdir -p "$snap/target" "$snap/src/main" "$snap/src/dist/bin" "$snap/questions"
  cp quizcard "$snap/"
  cp src/dist/bin/quizcard "$snap/src/dist/bin/"
  cp target/quizcard.jar "$snap/target/"
  cp -r target/native "$snap/target/"
  touch -d '2000-01-01' "$snap/src/main" "$snap/questions"
fi
qc="$snap/quizcard"

# Makes the launcher's class-data archive for the JDK in JAVA_HOME: the JVM writes it at the end
# of a quiz (JDK 17-24), or records at the end of one and builds it beside the next (25+).
warm_archive() {
  local jdk_dir
  jdk_dir="$(basename "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}")"
  for _ in $(seq 1 60); do
    QUIZCARD_HOME="$out/home" "$qc" quiz --plain --count 1 </dev/null >/dev/null
    if compgen -G "$snap/target/cache/cds/*$jdk_dir*/quizcard.[ja][so][at]" >/dev/null; then return 0; fi
    sleep 1
  done
  echo "warning: no archive after 60 s; timings are without it" >&2
}

startup() {
  # An existing progress database, as the target says.
  mkdir -p "$out/home"
  printf '1\n' | QUIZCARD_HOME="$out/home" "$qc" quiz --plain --count 1 --seed 1 >/dev/null
  # The same command after a root option: picocli then builds every subcommand's model, as
  # before start-up registered only the one named.
  local jdk
  for jdk in /usr/lib/jvm/java-17-openjdk-amd64 "$jdk25"; do
    [ -x "$jdk/bin/java" ] || continue
    echo "## time to first question, $("$jdk/bin/java" -version 2>&1 | head -1)"
    JAVA_HOME="$jdk" warm_archive
    JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH" QUIZCARD_HOME="$out/home" python3 bench/timeit.py --runs "$runs" \
      --json "$out/startup-$(basename "$jdk").json" \
      "hello=java -cp $out Hello" \
      "quizcard=$qc quiz --plain --count 1" \
      "no-archive=QUIZCARD_NO_ARCHIVE=1 $qc quiz --plain --count 1" \
      "plain-jar=java --enable-native-access=ALL-UNNAMED -jar $snap/target/app/lib/quizcard.jar quiz --plain --count 1"
  done
  # The tarball mvn package builds (its own jlink runtime) against the launcher on the JDK that built it.
  local tarball
  tarball="$(compgen -G "target/dist/quizcard-*-linux-*.tar.gz" | head -n 1 || true)"
  if [ -n "$tarball" ]; then
    echo "## time to first question, the tarball's bin/quizcard against ./quizcard"
    rm -rf "$out/dist" && mkdir -p "$out/dist" && tar -xzf "$tarball" -C "$out/dist"
    local pkg
    pkg="$(compgen -G "$out/dist/quizcard-*/bin/quizcard")"
    for _ in 1 2 3; do
      HOME="$out/dist" QUIZCARD_HOME="$out/home" "$pkg" quiz --plain --count 1 </dev/null >/dev/null
      JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 QUIZCARD_HOME="$out/home" "$qc" quiz --plain --count 1 </dev/null >/dev/null
    done
    JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 HOME="$out/dist" QUIZCARD_HOME="$out/home" python3 bench/timeit.py \
      --runs "$runs" --json "$out/startup-packages.json" \
      "launcher=$qc quiz --plain --count 1" \
      "tarball=$pkg quiz --plain --count 1"
  fi
}

lint() {
  echo "## lint of a generated bank of 100,000 questions"
  [ -f "$out/bank100k/concept-0.yaml" ] || java bench/GenBank.java "$out/bank100k" 100000
  for i in 1 2 3; do
    /usr/bin/time -f "lint: %e s wall, %U s user, max RSS %M KB" "$qc" lint "$out/bank100k" 2>&1 >/dev/null | tail -1
  done
}

replay() {
  echo "## replay of 1,000,000 reviews, quizcard and ts-fsrs on the same history"
  [ -f "$out/reviews1m.csv" ] || python3 bench/gen-reviews.py csv "$out/reviews1m.csv" 1000000
  [ -f "$out/reviews100k.csv" ] || python3 bench/gen-reviews.py csv "$out/reviews100k.csv" 100000
  [ -d bench/fsrs-reference/node_modules/ts-fsrs ] || (cd bench/fsrs-reference && npm install --no-audit --no-fund >/dev/null)
  local fuzz
  for fuzz in "" "--no-fuzz"; do
    for i in 1 2 3; do
      /usr/bin/time -f "quizcard replay ${fuzz:-(fuzz)}: %e s wall, %U s user, max RSS %M KB" \
        "$qc" replay --zone UTC --day-start 0 $fuzz "$out/reviews1m.csv" 2>&1 >/dev/null | tail -1
    done
    /usr/bin/time -f "quizcard replay ${fuzz:-(fuzz)}, 100k reviews: %e s wall, max RSS %M KB" \
      "$qc" replay --zone UTC --day-start 0 $fuzz "$out/reviews100k.csv" 2>&1 >/dev/null | tail -1
    /usr/bin/time -f "ts-fsrs replay ${fuzz:-(fuzz)}: %e s wall, %U s user, max RSS %M KB" \
      node bench/fsrs-reference/replay.mjs "$out/reviews1m.csv" $fuzz 2>&1 >/dev/null | tail -2
  done
}

stats() {
  echo "## stats with 1,000,000 reviews in the log"
  [ -f "$out/home1m/progress.db" ] || python3 bench/gen-reviews.py db "$out/home1m" 1000000
  QUIZCARD_HOME="$out/home1m" "$qc" quiz --plain --count 1 </dev/null >/dev/null   # the first open for writing adds the query indexes
  warm_archive
  python3 bench/timeit.py --runs "$runs" --json "$out/stats.json" \
    "hello=java -cp $out Hello" \
    "stats-1M=QUIZCARD_HOME=$out/home1m $qc stats" \
    "stats-empty=QUIZCARD_HOME=$out/home-empty $qc stats"
}

record() {
  echo "## answer to feedback (check + scheduler + durable commit), in process"
  rm -rf "$out/record-home"
  java -cp "$snap/target/quizcard.jar" bench/RecordLatency.java "$out/record-home" 2000 200
  [ -f "$out/home1m/progress.db" ] || python3 bench/gen-reviews.py db "$out/home1m" 1000000
  rm -rf "$out/record-home1m" && mkdir -p "$out/record-home1m" && cp "$out/home1m/progress.db" "$out/record-home1m/"
  java -cp "$snap/target/quizcard.jar" bench/RecordLatency.java "$out/record-home1m" 2000 200
}

grade() {
  echo "## grading 500 submissions of 20 questions on the teacher's side"
  [ -d target/test-classes/org/quizcard/study ] || mvn -B -q test-compile
  rm -rf "$out/grade"
  java -cp "$snap/target/quizcard.jar:target/test-classes" bench/GenSubmissions.java bench/grade-assignment.yaml "$out/grade" 500
  for i in 1 2 3; do
    rm -rf "$out/grade/out"
    /usr/bin/time -f "grade --submissions (500): %e s wall, %U s user, max RSS %M KB" \
      "$qc" grade bench/grade-assignment.yaml --submissions "$out/grade/subs" --out "$out/grade/out" 2>&1 >/dev/null | tail -1
  done
}

optimize() {
  echo "## FSRS-6 optimizer: quizcard and fsrs-rs (its Node binding) fit and score the same logs"
  [ -f "$out/reviews1m.csv" ] || python3 bench/gen-reviews.py csv "$out/reviews1m.csv" 1000000
  [ -d bench/fsrs-reference/node_modules/@open-spaced-repetition/binding ] \
    || (cd bench/fsrs-reference && npm install --no-audit --no-fund >/dev/null)
  javac -d "$out/optimize" -cp "$snap/target/quizcard.jar" bench/Optimize.java
  local log name day_start weights
  for log in src/test/resources/fsrs/shared-review-log.csv "$out/reviews1m.csv"; do
    name="$(basename "$log" .csv)"
    day_start=4
    [ "$name" = reviews1m ] && day_start=0
    echo "### $name, days starting at $day_start am UTC"
    for i in 1 2 3; do
      /usr/bin/time -f "quizcard optimize (read + fit + held-out check): %e s wall, %U s user, max RSS %M KB" \
        java -Xmx512m -cp "$snap/target/quizcard.jar:$out/optimize" Optimize "$log" UTC "$day_start" \
        >"$out/optimize-$name.txt" 2>"$out/optimize-$name.time"
      grep -v '^weights=' "$out/optimize-$name.txt" | head -1
      tail -1 "$out/optimize-$name.time"
    done
    grep -v '^weights=' "$out/optimize-$name.txt" | tail -n +2
    weights="$(sed -n 's/^weights=//p' "$out/optimize-$name.txt")"
    log="$(realpath "$log")"
    (cd bench/fsrs-reference && /usr/bin/time -f "fsrs-rs (read + fit + 3 evaluations): %e s wall, max RSS %M KB" \
      node optimize.mjs "$log" --day-start "$day_start" --weights "$weights" 2>&1 | grep -v '^fsrs-rs weights')
  done
}

import() {
  echo "## import of an Anki package of 50,000 notes (collection.anki21b, five reviews a card)"
  [ -d target/test-classes/org/quizcard/store/anki ] || mvn -B -q test-compile
  [ -f "$out/anki50k.apkg" ] || java -cp "$snap/target/quizcard.jar:target/test-classes" bench/GenAnki.java "$out/anki50k.apkg" 50000
  for i in 1 2 3; do
    rm -rf "$out/anki-out"
    /usr/bin/time -f "import (50,000 notes): %e s wall, %U s user, max RSS %M KB" \
      "$qc" import "$out/anki50k.apkg" --out "$out/anki-out" 2>&1 >/dev/null | tail -1
  done
  rm -rf "$out/anki-out" "$out/anki-home"
  QUIZCARD_HOME="$out/anki-home" /usr/bin/time -f "import --with-history (250,000 reviews): %e s wall, %U s user, max RSS %M KB" \
    "$qc" import "$out/anki50k.apkg" --out "$out/anki-out" --with-history 2>&1 >/dev/null | tail -1
}

case "$what" in
  all) startup; lint; replay; stats; record; grade; optimize; import ;;
  startup|lint|replay|stats|record|grade|optimize|import) "$what" ;;
  *) echo "usage: bench/run.sh [startup|lint|replay|stats|record|grade|optimize|import|all]" >&2; exit 2 ;;
esac
