#!/usr/bin/env bash
# How fast the `nblint report` page opens with many reports (docs/benchmarks.md, "The overview
# page"). Generates small invented reports (bench/gen_corpus.py, UTF-8 text only), builds the
# overview of N reports and of a baseline of BASE reports in the same run, and has headless
# Chromium load each page from disk. Measured per page (median of RUNS):
#   - nblint report's own time and the page's size;
#   - in the browser: navigation start to the load event with the layout forced (a copy of the
#     page with a one-line timing script; the product page is not changed), read from the DOM;
#   - the wall time of a headless screenshot (browser start, load, layout, paint).
# Ratios are against the BASE-report page measured in the same run.
#
#   N=10000 BASE=100 RUNS=3 bench/overview.sh
#   NBLINT=build/nblint WORK=/tmp/overview-bench bench/overview.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
N=${N:-10000}
BASE=${BASE:-100}
RUNS=${RUNS:-3}
NBLINT=${NBLINT:-$root/build/nblint}
WORK=${WORK:-$here/work/overview}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

die() { printf 'bench/overview: %s\n' "$*" >&2; exit 2; }
[[ -x "$NBLINT" ]] || die "no nblint at $NBLINT (build it, or set NBLINT=)"
[[ -x "$CHROMIUM" ]] || die "no chromium at $CHROMIUM (apt-get install chromium)"
mkdir -p "$WORK"

# gen_corpus.py writes REPORTS per pack (3 packs); report i of a pack is the same whatever the count.
corpus() {  # corpus COUNT -> directory
  local count=$1 per=$(( ($1 + 2) / 3 )) dir="$WORK/corpus-$1"
  if [[ ! -f "$dir/.done" ]]; then
    python3 "$here/gen_corpus.py" --out "$dir" --reports "$per" --formats txt --min-size 2K --max-size 8K >/dev/null
    touch "$dir/.done"
  fi
  echo "$dir/txt"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }
calc() { awk "BEGIN { print $* }"; }

measure() {  # measure COUNT -> "reports bytes report_s load_ms shot_s"
  local count=$1 dir page timed
  dir=$(corpus "$count")
  page="$WORK/overview-$count.html"
  local t0 t1
  t0=$(now); "$NBLINT" report "$dir" -o "$page" 2>/dev/null || [[ $? == 1 ]]; t1=$(now)
  local report_s; report_s=$(calc "$t1 - $t0")
  timed="$WORK/timed-$count.html"
  sed 's#</body></html>#<script>addEventListener("load",function(){document.body.offsetHeight;document.documentElement.setAttribute("data-load-ms",Math.round(performance.now()));});</script></body></html>#' \
    "$page" > "$timed"
  local loads=() shots=() i out
  for ((i = 0; i < RUNS; i++)); do
    out=$("$CHROMIUM" --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/profile" --dump-dom "file://$timed" 2>/dev/null)
    loads+=("$(grep -o 'data-load-ms="[0-9]*"' <<<"$out" | head -1 | tr -dc 0-9)")
    t0=$(now)
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" \
      --window-size=1280,1800 --screenshot="$WORK/shot-$count.png" "file://$page" >/dev/null 2>&1
    t1=$(now)
    shots+=("$(calc "$t1 - $t0")")
  done
  local rows; rows=$(grep -c '<tr class="report"' "$page")
  printf '%s %s %s %s %s\n' "$rows" "$(stat -c %s "$page")" "$report_s" \
    "$(printf '%s\n' "${loads[@]}" | median)" "$(printf '%s\n' "${shots[@]}" | median)"
}

read -r b_rows b_bytes b_report b_load b_shot < <(measure "$BASE")
read -r n_rows n_bytes n_report n_load n_shot < <(measure "$N")
printf '| page | reports | size | nblint report | load + layout in Chromium | headless screenshot (wall) |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
printf '| baseline | %d | %.1f KB | %.2f s | %d ms | %.2f s |\n' "$b_rows" "$(calc "$b_bytes / 1024")" "$b_report" "$b_load" "$b_shot"
printf '| N | %d | %.1f MB | %.2f s | %d ms | %.2f s |\n' "$n_rows" "$(calc "$n_bytes / 1048576")" "$n_report" "$n_load" "$n_shot"
printf '| ratio N / baseline | %.0f× | %.0f× | %.1f× | %.1f× | %.1f× |\n' \
  "$(calc "$n_rows / $b_rows")" "$(calc "$n_bytes / $b_bytes")" "$(calc "$n_report / $b_report")" \
  "$(calc "$n_load / ($b_load + 0.001)")" "$(calc "$n_shot / $b_shot")"
