#!/usr/bin/env bash
# Collects every student's submission as it stood at the deadline, for grading on the teacher's
# side (quizcard grade ASSIGNMENT --submissions DIR --out OUT).
#
#   collect.sh ROSTER DIR DEADLINE
#
# ROSTER has one line per student: their id (as in their answers file) and their repository's
# clone URL, separated by whitespace; blank lines and lines starting with # are skipped.
# DIR/<id>/ becomes a clone of that repository at its last commit made before DEADLINE (any
# date git understands, e.g. 2026-12-11T23:59:00Z). A repository that cannot be cloned, or has
# no commit before the deadline, leaves DIR/<id>/ empty: quizcard then reports "no answers".
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: collect.sh ROSTER DIR DEADLINE" >&2
  exit 2
fi
roster=$1
dir=$2
deadline=$3
mkdir -p "$dir"

while read -r student url rest; do
  case "$student" in ''|'#'*) continue ;; esac
  case "$student" in
    */*|.*|*[!A-Za-z0-9._@+-]*) echo "collect: skipping '$student': not a student id" >&2; continue ;;
  esac
  target="$dir/$student"
  rm -rf "$target"
  if ! git clone --quiet --no-checkout "$url" "$target" 2>/dev/null; then
    echo "collect: $student: cannot clone $url" >&2
    mkdir -p "$target"
    continue
  fi
  commit=$(git -C "$target" rev-list -1 --before="$deadline" HEAD 2>/dev/null || true)
  if [ -z "$commit" ]; then
    echo "collect: $student: no commit before $deadline" >&2
    rm -rf "$target" && mkdir -p "$target"
    continue
  fi
  git -C "$target" -c advice.detachedHead=false checkout --quiet "$commit"
  echo "collect: $student at ${commit:0:12}"
done < "$roster"
