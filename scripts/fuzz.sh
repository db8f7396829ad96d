#!/usr/bin/env bash
# Builds nblint's libFuzzer targets (clang, ASan + UBSan) and runs each for a set time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); all targets by default
#
# Needs clang and libclang-rt-14-dev (Debian 12): `scripts/install-deps.sh --fuzz`.
# Build directory: $FUZZ_BUILD_DIR (default build-fuzz). Seeds come from fuzz/seed_corpora.sh;
# corpora grow in $FUZZ_BUILD_DIR/corpus/<target>, findings land in $FUZZ_BUILD_DIR/artifacts/.
# Exits 1 when any target finds a crash, a leak, a timeout or an out-of-memory input.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
build=${FUZZ_BUILD_DIR:-build-fuzz}
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(fuzz_ingest fuzz_normalize fuzz_pipeline fuzz_equation fuzz_required_chars fuzz_pack_loader fuzz_config fuzz_lsp)
fi

log() { printf 'fuzz: %s\n' "$*"; }

if ! command -v clang++ >/dev/null 2>&1; then
  log "clang++ not found: run scripts/install-deps.sh --fuzz" >&2
  exit 2
fi
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNBLINT_FUZZ=ON -DNBLINT_BUILD_TESTS=OFF
fi
cmake --build "$build" --target "${targets[@]}"
bash fuzz/seed_corpora.sh "$build/corpus" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for t in "${targets[@]}"; do
  artifacts="$build/artifacts/$t"
  mkdir -p "$artifacts"
  log "$t: ${seconds}s"
  # -timeout: one input may take at most 10 s (a hang); -rss_limit_mb: 2 GiB (unbounded memory).
  if "$build/fuzz/$t" "$build/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$artifacts/" >"$build/$t.log" 2>&1; then
    log "$t: clean ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$t.log" | grep -o '[0-9]*$') runs)"
  else
    log "$t: FAILED, see $build/$t.log and $artifacts/" >&2
    # The end of the log holds the report and the crashing input's file name (CI shows no files).
    tail -n 60 "$build/$t.log" >&2 || true
    failed+=("$t")
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  log "failed: ${failed[*]}" >&2
  exit 1
fi
log "all ${#targets[@]} targets ran ${seconds}s each without a finding"
