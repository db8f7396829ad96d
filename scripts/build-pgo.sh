#!/usr/bin/env bash
# Builds a Release nblint with profile-guided optimisation (GCC), in one build directory:
#   1. an instrumented build (NBLINT_PGO=generate);
#   2. a training run: it checks a generated corpus (bench/gen_corpus.py with its own seed, so
#      not the benchmark's reports) in every input format, on one thread and on two, the
#      bundled examples and the tests' fixtures; the profile goes to BUILD_DIR/pgo-profile;
#   3. the optimised build (NBLINT_PGO=use): everything compiled again, with that profile.
# The optimised binary prints what a plain Release build prints (bench/same_output.sh compares
# two binaries); docs/benchmarks.md (seventeenth round) has what it gains.
#
# Usage: scripts/build-pgo.sh [BUILD_DIR]     (default: build-pgo; the binary is BUILD_DIR/nblint)
# Needs GCC, python3 and what `make build` needs; takes about twice a Release build's time.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(realpath -m "${1:-$root/build-pgo}")
profile="$build/pgo-profile"
jobs=$(nproc 2>/dev/null || echo 2)
say() { printf 'build-pgo: %s\n' "$*" >&2; }
die() { say "$*"; exit 2; }

command -v python3 >/dev/null || die "python3 is needed (the training corpus comes from bench/gen_corpus.py)"

build_nblint() {  # the compiler's output goes to build.log, and is shown when the build fails
  cmake --build "$build" --target nblint -j "$jobs" >"$build/build.log" 2>&1 ||
    { tail -n 40 "$build/build.log" >&2; die "the build failed; see $build/build.log"; }
}
configure() {  # configure PGO-MODE
  local settings=(-DCMAKE_BUILD_TYPE=Release -DNBLINT_BUILD_TESTS=OFF -DNBLINT_PGO="$1" -DNBLINT_PGO_DIR="$profile")
  if [[ -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" "${settings[@]}" >/dev/null
  else
    cmake -S "$root" -B "$build" -G Ninja "${settings[@]}" >/dev/null
  fi
}

# What the binary is built from: when none of it changed, the last optimised build stands.
sources_sum() {
  (cd "$root" && find CMakeLists.txt cmake src grammar rules tools docs/rules bench/gen_corpus.py \
    scripts/build-pgo.sh examples tests/fixtures -type f 2>/dev/null | LC_ALL=C sort |
    xargs -d '\n' cksum | cksum)
}
sum=$(sources_sum)
if [[ -x $build/nblint && -f $build/pgo.sum && $(cat "$build/pgo.sum") == "$sum" ]]; then
  say "up to date: $build/nblint (remove $build/pgo.sum to build it again)"
  exit 0
fi
rm -f "$build/pgo.sum"

say "1/3 instrumented build in $build"
configure generate
# A profile of older code would not match it: each training starts from none.
rm -rf "$profile"
build_nblint

say "2/3 training run"
# Generated afresh each time: 1.5 s, against minutes of building.
corpus="$build/training-corpus"
rm -rf "$corpus"
python3 "$root/bench/gen_corpus.py" --out "$corpus" --reports 6 --seed 1000 --max-size 2M >/dev/null
train() {
  local status=0
  "$build/nblint" "$@" >/dev/null 2>"$build/training.err" || status=$?
  # 1 is "findings"; anything else is an error in the training run itself.
  ((status <= 1)) || die "the training run failed (exit $status): nblint $*; see $build/training.err"
}
for format in txt gbk html docx; do
  train check -j 1 --format json "$corpus/$format"
  train check -j 2 "$corpus/$format"
done
train check --format sarif "$root/examples"
# The tests' own reports, written to each rule's edge cases (not the PDFs, some of which are
# unreadable on purpose).
for dir in "$root"/tests/fixtures/*/; do
  [[ $dir == */pdf/ ]] || train check "$dir"
done
[[ -n $(find "$profile" -name '*.gcda' -print -quit 2>/dev/null) ]] || die "the training run wrote no profile to $profile"

say "3/3 optimised build"
configure use
build_nblint
printf '%s\n' "$sum" >"$build/pgo.sum"
say "done: $build/nblint"
