#!/usr/bin/env bash
# The nblint benchmark (docs/benchmarks.md). In one run, on the same generated reports:
#   nblint check -j 1 and -j <all cores>, per input format; `wc -m` (the floor: reading and
#   decoding UTF-8); markdownlint-cli2 with only MD043 (required headings) on Markdown copies;
#   the startup time on one ~10 KB report; peak RSS; and a 1x/10x/100x linearity check.
# Prints one table; ratios are against the baselines measured in the same run.
#
# Settings (environment variables):
#   REPORTS=20        reports per pack in the main corpus (3 packs; sizes 2 KB–MAX_SIZE)
#   MAX_SIZE=2M       the largest report (report 0 of each pack has this size)
#   SEED=1            corpus seed
#   RUNS=3            timed runs per row (the median is shown)
#   STARTUP_RUNS=50   runs of the startup measurement (median)
#   LINEAR_REPORTS=4  reports per pack at 1x of the linearity check (10x, 100x: 10 and 100 times as many)
#   LINEAR_MAX=64K    largest report of the linearity corpus
#   MANY_REPORTS=3334 reports per pack of the many-reports memory check (2–8 KB each; 0 skips it):
#                     peak RSS of nblint -j <all cores> on a tenth of them, on all of them, and on
#                     four times as many (generated with the next seed)
#   SIXTEENFOLD=1     also sixteen times as many (1.2 GB of small files, timed once; 0 skips it):
#                     memory must stay flat past the budgets, whatever the number of reports
#   PGO=1             build nblint with profile-guided optimisation (scripts/build-pgo.sh, in
#                     build-bench-pgo; about twice the build time); PGO=0: a plain Release build
#                     in build-bench
#   NBLINT=path       use this binary instead of building one
#   WORK=dir          where the corpora go (default bench/work; reused when the settings match)
#   SKIP_MARKDOWNLINT=1  leave out the markdownlint row (also skipped when npm cannot install it)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
REPORTS=${REPORTS:-20}
MAX_SIZE=${MAX_SIZE:-2M}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
STARTUP_RUNS=${STARTUP_RUNS:-50}
LINEAR_REPORTS=${LINEAR_REPORTS:-4}
LINEAR_MAX=${LINEAR_MAX:-64K}
MANY_REPORTS=${MANY_REPORTS:-3334}
WORK=${WORK:-$here/work}
SKIP_MARKDOWNLINT=${SKIP_MARKDOWNLINT:-0}
SIXTEENFOLD=${SIXTEENFOLD:-1}
PGO=${PGO:-1}
CORES=$(nproc)
export LC_ALL=C.UTF-8  # wc -m counts UTF-8 characters only in a UTF-8 locale

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 2; }

command -v python3 >/dev/null || die "python3 is needed (the corpus generator)"

# ---- nblint (Release) ------------------------------------------------------------------------
if [[ -z ${NBLINT:-} ]]; then
  if ((PGO)); then
    say "bench: building nblint (Release, profile-guided: scripts/build-pgo.sh)"
    "$root/scripts/build-pgo.sh" "$root/build-bench-pgo"
    NBLINT="$root/build-bench-pgo/nblint"
  else
    build="$root/build-bench"
    if [[ ! -f $build/build.ninja ]]; then
      say "bench: configuring a Release build in $build"
      cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNBLINT_BUILD_TESTS=OFF >/dev/null
    fi
    say "bench: building nblint (Release)"
    cmake --build "$build" --target nblint -j "$CORES" >/dev/null
    NBLINT="$build/nblint"
  fi
fi
[[ -x $NBLINT ]] || die "no nblint binary at $NBLINT"

# ---- corpora ---------------------------------------------------------------------------------
# generate DIR ARGS...: runs the generator unless DIR holds a corpus made by the same generator
# with the same arguments.
generate() {
  local dir=$1; shift
  local stamp
  stamp="$* (generator $(cksum <"$here/gen_corpus.py" | cut -d' ' -f1))"
  if [[ -f $dir/manifest.tsv && -f $dir/.args && $(cat "$dir/.args") == "$stamp" ]]; then return; fi
  say "bench: generating $dir ($stamp)"
  rm -rf "$dir"
  python3 "$here/gen_corpus.py" --out "$dir" "$@"
  printf '%s' "$stamp" >"$dir/.args"
}
corpus="$WORK/corpus"
generate "$corpus" --reports "$REPORTS" --seed "$SEED" --max-size "$MAX_SIZE"
generate "$WORK/startup" --reports 1 --packs fmt2021 --formats txt --seed "$SEED" --min-size 10K --max-size 10K
small=$(find "$WORK/startup/txt" -name '*.txt' | head -n 1)
# The linearity corpora: 100x is generated once; 1x and 10x are its first reports of each pack
# (each report depends only on seed, pack and index, so they are the same reports).
linear="$WORK/linear"
generate "$linear/100x" --reports $((LINEAR_REPORTS * 100)) --formats txt --seed "$SEED" --max-size "$LINEAR_MAX"
for k in 1 10; do
  rm -rf "$linear/${k}x" && mkdir -p "$linear/${k}x"
  for f in "$linear"/100x/txt/*/*.txt; do
    name=${f##*/}; index=${name#*-}; index=${index%%-*}
    if ((10#$index < LINEAR_REPORTS * k)); then ln "$f" "$linear/${k}x/$name"; fi
  done
done

# The many-reports corpus (memory over a large run): a tenth of it is its first reports of each pack.
many="$WORK/many"
if ((MANY_REPORTS > 0)); then
  generate "$many/all" --reports "$MANY_REPORTS" --formats txt --seed "$SEED" --min-size 2K --max-size 8K
  rm -rf "$many/tenth" && mkdir -p "$many/tenth"
  for f in "$many"/all/txt/*/*.txt; do
    name=${f##*/}; index=${name#*-}; index=${index%%-*}
    if ((10#$index < MANY_REPORTS / 10)); then ln "$f" "$many/tenth/$name"; fi
  done
  generate "$many/fourfold" --reports "$((MANY_REPORTS * 4))" --formats txt --seed "$((SEED + 1))" --min-size 2K --max-size 8K
  if ((SIXTEENFOLD)); then
    generate "$many/sixteenfold" --reports "$((MANY_REPORTS * 16))" --formats txt --seed "$((SEED + 2))" --min-size 2K --max-size 8K
  fi
fi

# ---- measuring -------------------------------------------------------------------------------
# Bytes and file count of a set of files.
bytes_of() { find "$@" -type f ! -name '.*' ! -name manifest.tsv -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }
files_of() { find "$@" -type f ! -name '.*' ! -name manifest.tsv | wc -l; }

# The timer (bench/timed.c): wall and CPU time to the microsecond, and peak RSS, of one run.
mkdir -p "$WORK"
timed="$WORK/timed"
cc -O2 -o "$timed" "$here/timed.c" || die "cannot compile bench/timed.c (a C compiler is needed)"

rows=()  # "label|files|file bytes|wall s|CPU s|peak RSS KB", one per measure; last_row: the latest
# time_once RESULTS -- COMMAND...: one timed run; appends "wall user sys rss" to the array RESULTS.
time_once() {
  local -n once_runs=$1
  shift 2
  local status=0
  "$timed" "$WORK/time.out" "$WORK/stderr.out" "$@" || status=$?
  # 1 is "findings" for every tool here; anything else means the row measured a failure.
  ((status <= 1)) || die "$*: exit status $status; see $WORK/stderr.out"
  once_runs+=("$(tail -n 1 "$WORK/time.out")")
}
# time_together N RESULTS -- COMMAND...: N copies at once; appends "wall user sys rss" for them
# all (the last to end, the CPU time summed, the largest peak RSS).
time_together() {
  local copies=$1
  local -n together_runs=$2
  shift 3
  local k pids=()
  for ((k = 0; k < copies; k++)); do
    "$timed" "$WORK/time.out.$k" "$WORK/stderr.out.$k" "$@" &
    pids+=($!)
  done
  for k in "${!pids[@]}"; do
    local status=0
    wait "${pids[$k]}" || status=$?
    ((status <= 1)) || die "$*: exit status $status; see $WORK/stderr.out.$k"
  done
  together_runs+=("$(for ((k = 0; k < copies; k++)); do tail -n 1 "$WORK/time.out.$k"; done |
    awk '{if ($1 > w) w = $1; u += $2; s += $3; if ($4 > r) r = $4} END {printf "%f %f %f %d", w, u, s, r}')")
}
# add_row LABEL RESULTS PATHS...: the row of the run with the median wall time (its CPU, RSS).
add_row() {
  local label=$1
  local -n row_runs=$2
  shift 2
  local median
  median=$(printf '%s\n' "${row_runs[@]}" | sort -n | sed -n "$(((${#row_runs[@]} + 1) / 2))p")
  read -r wall user sys rss <<<"$median"
  last_row="$label|$(files_of "$@")|$(bytes_of "$@")|$wall|$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.4f", u + s}')|$rss"
  rows+=("$last_row")
  say "bench: $label: $(printf '%.3f' "$wall")s"
}
# measure LABEL PATHS -- COMMAND...: RUNS timed runs, keeps the median wall time (and its CPU, RSS).
measure() {
  local label=$1; shift
  local paths=()
  while [[ $1 != -- ]]; do paths+=("$1"); shift; done
  shift
  local results=() i
  for ((i = 0; i < RUNS; i++)); do time_once results -- "$@"; done
  add_row "$label" results "${paths[@]}"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
txt="$corpus/txt"
mapfile -t utf8_files < <(find "$txt" -name '*.txt' | sort)
# wc -m, -j 1 and -j <all cores> take turns, so that a change in the machine's speed during the
# run (other guests of the host; it swings by a quarter within minutes) falls on all alike: the
# speed-up and the ratio to wc -m compare like with like. With them, <all cores> copies of -j 1
# at once: what the machine gives independent processes, the ceiling for the speed-up (report.py
# prints it under the table).
floor=() single=() multi=() together=()
for ((i = 0; i < RUNS; i++)); do
  time_once floor -- wc -m "${utf8_files[@]}"
  time_once single -- "$NBLINT" check -j 1 --format json "$txt"
  time_once multi -- "$NBLINT" check -j "$CORES" --format json "$txt"
  if ((CORES > 1)); then time_together "$CORES" together -- "$NBLINT" check -j 1 --format json "$txt"; fi
done
add_row "wc -m, UTF-8 text" floor "$txt"
add_row "nblint -j 1, UTF-8 text" single "$txt"
add_row "nblint -j $CORES, UTF-8 text" multi "$txt"
together_row=""
if ((CORES > 1)); then
  add_row "$CORES × nblint -j 1 at once, UTF-8 text" together "$txt"
  together_row=$last_row
  unset 'rows[-1]'
fi
measure "nblint -j 1, GBK text" "$corpus/gbk" -- "$NBLINT" check -j 1 --format json "$corpus/gbk"
measure "nblint -j 1, HTML" "$corpus/html" -- "$NBLINT" check -j 1 --format json "$corpus/html"
measure "nblint -j 1, DOCX" "$corpus/docx" -- "$NBLINT" check -j 1 --format json "$corpus/docx"

markdownlint_note=""
if [[ $SKIP_MARKDOWNLINT == 1 ]]; then
  markdownlint_note="markdownlint-cli2: skipped (SKIP_MARKDOWNLINT=1)"
elif ! command -v npm >/dev/null; then
  markdownlint_note="markdownlint-cli2: skipped (npm is not installed)"
elif [[ ! -x $here/node_modules/.bin/markdownlint-cli2 ]] &&
  ! (cd "$here" && timeout 300 npm install --no-audit --no-fund >"$WORK/npm.log" 2>&1); then
  markdownlint_note="markdownlint-cli2: skipped (npm could not install it from the registry; see $WORK/npm.log)"
fi
if [[ -z $markdownlint_note ]]; then
  # Run from the corpus so each pack directory's .markdownlint.jsonc (MD043 only) applies.
  measure "markdownlint-cli2 MD043, Markdown" "$corpus/md" -- \
    bash -c 'cd "$1" && exec "$2" "md/**/*.md"' _ "$corpus" "$here/node_modules/.bin/markdownlint-cli2"
fi

# Startup: one ~10 KB report, many runs: median wall and CPU time (hyperfine's wall when installed).
startup_ms=$(python3 - "$STARTUP_RUNS" "$NBLINT" "$small" <<'EOF'
import os, statistics, subprocess, sys, time
runs, binary, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
walls, cpus = [], []
for _ in range(runs):
    t = time.perf_counter()
    child = subprocess.Popen([binary, "check", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    walls.append((time.perf_counter() - t) * 1000)
    cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
print(f"{statistics.median(walls):.1f} {min(walls):.1f} {statistics.median(cpus):.1f}")
EOF
)
if command -v hyperfine >/dev/null &&
  hyperfine --warmup 3 --runs "$STARTUP_RUNS" --export-json "$WORK/hyperfine.json" "$NBLINT check $small" >/dev/null 2>&1; then
  cpu_ms=${startup_ms##* }
  startup_ms="$(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f" % (r["median"] * 1000, r["min"] * 1000))' "$WORK/hyperfine.json") $cpu_ms hyperfine"
fi

linear_rows=()
for k in 1 10 100; do
  dir="$linear/${k}x"
  [[ $k == 100 ]] && dir="$linear/100x/txt"
  measure "nblint -j 1, linearity ${k}x" "$dir" -- "$NBLINT" check -j 1 --format json "$dir"
  linear_rows+=("$last_row")
  unset 'rows[-1]'
done

many_rows=()
if ((MANY_REPORTS > 0)); then
  parts=(tenth all fourfold)
  ((SIXTEENFOLD)) && parts+=(sixteenfold)
  for part in "${parts[@]}"; do
    dir="$many/$part"
    [[ $part != tenth ]] && dir="$many/$part/txt"
    # The largest run is timed once: it is there for its peak RSS, and takes a minute.
    runs=$RUNS
    [[ $part == sixteenfold ]] && RUNS=1
    measure "nblint -j $CORES, many reports $part" "$dir" -- "$NBLINT" check -j "$CORES" --format json "$dir"
    RUNS=$runs
    many_rows+=("$last_row")
    unset 'rows[-1]'
  done
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the table -------------------------------------------------------------------------------
python3 "$here/report.py" --cores "$CORES" --startup "$startup_ms" --small "$small" --note "$markdownlint_note" \
  --binary "$NBLINT" --manifest "$corpus/manifest.tsv" --load "$load_before / $load_after" \
  ${together_row:+--together "$together_row"} --rows "${rows[@]}" --linear "${linear_rows[@]}" ${many_rows[@]+--many "${many_rows[@]}"}
