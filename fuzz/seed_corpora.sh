#!/usr/bin/env bash
# Builds the fuzzers' seed corpora from the project's own fixtures, packs and docs, into
# OUT/<target>/ (default build-fuzz/corpus). Nothing here is committed: the corpora are
# derived on every machine, and what libFuzzer adds to them stays in the build directory.
set -euo pipefail
export LC_ALL=C  # byte lengths (Content-Length) and a stable order
cd "$(dirname "$0")/.."
out=${1:-build-fuzz/corpus}
mkdir -p "$out"/{fuzz_ingest,fuzz_normalize,fuzz_pipeline,fuzz_equation,fuzz_required_chars,fuzz_pack_loader,fuzz_config,fuzz_lsp}

# A seed file: $1 target, $2 name, $3 selector byte (octal escape, or '' for none), $4 source file.
seed() {
  local dest="$out/$1/$2"
  { [[ -n "$3" ]] && printf "$3"; cat "$4"; } >"$dest"
}

n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  case "$f" in
    *.txt)  seed fuzz_ingest "txt$n" '\001' "$f"; seed fuzz_pipeline "txt$n" '\000' "$f"
            seed fuzz_normalize "txt$n" '' "$f" ;;
    *.md)   seed fuzz_ingest "md$n" '\002' "$f"; seed fuzz_pipeline "md$n" '\001' "$f" ;;
    *.html) seed fuzz_ingest "html$n" '\003' "$f"; seed fuzz_pipeline "html$n" '\002' "$f" ;;
    *.pdf)  seed fuzz_ingest "pdf$n" '\005' "$f" ;;
  esac
  # Encodings (GBK, Big5, UTF-16 …) through detection.
  case "$f" in */encodings/*) seed fuzz_ingest "detect$n" '\000' "$f" ;; esac
done < <(find tests/fixtures examples -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.pdf' \) -print0 | sort -z)

# Relations as the packs write them.
grep -h '^ *check:' rules/*.yaml | sed 's/^ *check: *//' | sort -u | nl -nln | while read -r i eq; do
  printf '%s' "$eq" >"$out/fuzz_equation/check$i"
done

# Patterns as the packs write them, each with a line of text that holds what they look for.
grep -ho "pattern: '[^']*'" rules/*.yaml | sed "s/^pattern: '//; s/'\$//" | sort -u | nl -nln | while read -r i pattern; do
  printf '%s\0XX年X月X日 某某局 ××× **年 【单位名称】 填写说明 一、总体情况 统计表 附表' "$pattern" >"$out/fuzz_required_chars/pattern$i"
done
# Anchored patterns (the packs' heading_numbering.ends_at and headings), with texts they match at
# the edges, before a final line break among them.
printf '统计表$\0政府信息公开统计表\r\n' >"$out/fuzz_required_chars/anchored1"
printf '^附[表件]\0附表：说明' >"$out/fuzz_required_chars/anchored2"
printf '^附:\0附:一' >"$out/fuzz_required_chars/anchored3"
printf '^总体(工作)?情况\0总体情况\n' >"$out/fuzz_required_chars/anchored4"
printf '[表件]+\\Z\0附件\n' >"$out/fuzz_required_chars/anchored5"

# Packs: the built-in ones and the user pack of the configuration fixture.
for f in rules/*.yaml tests/fixtures/config/*.yaml; do
  seed fuzz_pack_loader "$(basename "$f")" '' "$f"
done

# Configurations: the documented example and a small one.
awk '/^```yaml/{on=1; next} /^```/{if (on) exit} on' docs/configuration.md >"$out/fuzz_config/documented"
printf 'rules:\n  text/web-chrome: off\n  structure/section-order: error\norgan_level: county\npack: fmt2021\noverrides:\n  - files: ["a/**"]\n    rules: {meta/pack: off}\n' \
  >"$out/fuzz_config/small"

# LSP: a whole session over a fixture, one frame per message.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
text=$(head -c 2000 tests/fixtures/structure/fmt2021-clean.txt 2>/dev/null || printf '一、总体情况')
body_text=$(printf '%s' "$text" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')
{
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///tmp/r.txt\",\"languageId\":\"plaintext\",\"version\":1,\"text\":$body_text}}}"
  frame '{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///tmp/r.txt"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}'
  frame '{"jsonrpc":"2.0","id":3,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
} >"$out/fuzz_lsp/session"

for d in "$out"/*/; do printf 'seed_corpora: %s: %d seeds\n' "$(basename "$d")" "$(ls "$d" | wc -l)"; done
