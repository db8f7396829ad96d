#!/usr/bin/env bash
# Checks that an optimisation changed no output: runs two nblint binaries over the same inputs
# in every output format (and with a baseline written and applied) and compares stdout and the
# exit status byte for byte.
#
#   bench/same_output.sh BEFORE AFTER [PATH...]
#
# PATHs default to examples/, tests/fixtures, ../shared/corpus and the benchmark's generated
# corpus (bench/work/corpus) when they exist. Exit status 0 when everything is identical.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
[[ $# -ge 2 ]] || { echo "usage: $0 BEFORE AFTER [PATH...]" >&2; exit 2; }
before=$(realpath "$1") after=$(realpath "$2")
shift 2
paths=("$@")
if [[ ${#paths[@]} == 0 ]]; then
  for p in examples tests/fixtures ../shared/corpus bench/work/corpus; do
    [[ -e $root/$p ]] && paths+=("$p")
  done
fi

cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
# run NAME BINARY ARGS...: stdout and exit status into $out/NAME.
run() {
  local name=$1 binary=$2
  shift 2
  local status=0
  "$binary" "$@" >"$out/$name" 2>/dev/null || status=$?
  echo "exit $status" >>"$out/$name"
}
compare() {
  local label=$1
  shift
  run before "$before" "$@"
  run after "$after" "$@"
  if cmp -s "$out/before" "$out/after"; then
    echo "same: $label ($(wc -c <"$out/after") bytes)"
  else
    echo "DIFFERENT: $label"
    diff "$out/before" "$out/after" | head -n 20
    failed=1
  fi
}

for p in "${paths[@]}"; do
  for format in json text gcc github sarif rdjson; do
    compare "$p --format $format" check -j 2 --format "$format" --color never "$p"
  done
  compare "$p --format text --lang en --column-unit display" check -j 2 --lang en --column-unit display --color never "$p"
  compare "$p --format json --column-unit utf16" check -j 2 --format json --column-unit utf16 "$p"
  # Baselines: the fingerprints written, then applied to the same files.
  rm -f "$out"/baseline-*.json
  "$before" check -j 2 --write-baseline "$out/baseline-before.json" "$p" >/dev/null 2>&1 || true
  "$after" check -j 2 --write-baseline "$out/baseline-after.json" "$p" >/dev/null 2>&1 || true
  if [[ ! -e $out/baseline-before.json && ! -e $out/baseline-after.json ]]; then
    echo "same: $p --write-baseline (neither wrote one: some input is unreadable)"
    continue
  elif cmp -s "$out/baseline-before.json" "$out/baseline-after.json"; then
    echo "same: $p --write-baseline"
  else
    echo "DIFFERENT: $p --write-baseline"
    failed=1
  fi
  compare "$p --baseline" check -j 2 --format json --baseline "$out/baseline-before.json" "$p"
done
exit "$failed"
