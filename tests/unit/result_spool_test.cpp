// A checked file's result written to bytes and back (cli/result_codec), and the run's spool of
// them (cli/result_spool): what comes back prints exactly as what went in, in every format,
// whole or compacted, for text, HTML, DOCX and PDF input; damage is an error, never a crash.
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/lint_file.h"
#include "cli/result_codec.h"
#include "cli/result_spool.h"
#include "output/json_stream.h"
#include "output/printers.h"
#include "support/docx_writer.h"
#include "support/full_disk.h"
#include "support/result_vector.h"
#include "support/run.h"

using namespace nblint;
namespace fs = std::filesystem;

namespace {

// Everything the printers can say about one result, in every format.
std::string printed(const FileResult& r) {
  OutputOptions options;
  options.root = test::source_dir().string();
  std::ostringstream out;
  const std::vector<FileResult> one{r};
  if (!r.error) {
    print_text(out, r, options);
    print_gcc(out, r, options);
    print_github(out, r, options);
  }
  print_json(out, test::ResultVector(one), options, 3);
  print_sarif(out, test::ResultVector(one), options);
  print_rdjson(out, test::ResultVector(one), options);
  return out.str();
}

// What a run keeps of a checked file: the lines its findings touch (cli/lint_run does the same).
void compact(FileResult& r) {
  std::vector<std::uint32_t> lines;
  for (const Diagnostic& d : r.diagnostics) {
    lines.push_back(r.source().locate(d.span.begin).line);
    lines.push_back(r.source().locate(d.span.end).line);
  }
  r.document.keep_only_lines(std::move(lines));
}

FileResult round_trip(const FileResult& r) {
  std::string bytes;
  encode_result(r, bytes);
  return decode_result(bytes);
}

void check_same(const FileResult& before, const FileResult& after) {
  CHECK(after.path == before.path);
  CHECK(after.pack == before.pack);
  CHECK(after.suppressed == before.suppressed);
  CHECK(after.baseline_matched == before.baseline_matched);
  CHECK(after.error.has_value() == before.error.has_value());
  CHECK(after.error_message == before.error_message);
  REQUIRE(after.diagnostics.size() == before.diagnostics.size());
  for (std::size_t i = 0; i < before.diagnostics.size(); ++i) {
    const Diagnostic &a = after.diagnostics[i], &b = before.diagnostics[i];
    CHECK(a.rule == b.rule);
    CHECK(a.severity == b.severity);
    CHECK(a.message == b.message);
    CHECK(a.span.begin == b.span.begin);
    CHECK(a.span.end == b.span.end);
    CHECK(a.fix.has_value() == b.fix.has_value());
    if (a.fix && b.fix) CHECK(a.fix->text == b.fix->text);
  }
  const Document &da = after.document, &db = before.document;
  CHECK(da.format == db.format);
  CHECK(da.content == db.content);
  CHECK(da.content_origin == db.content_origin);
  CHECK(da.tables.size() == db.tables.size());
  CHECK(da.line_locations.size() == db.line_locations.size());
  CHECK(da.location_lines == db.location_lines);
  CHECK(da.source.text == db.source.text);
  CHECK(da.source.raw_offsets == db.source.raw_offsets);
  CHECK(da.source.compacted() == db.source.compacted());
  CHECK(da.source.line_count() == db.source.line_count());
  for (const Diagnostic& d : before.diagnostics)
    for (const std::uint32_t offset : {d.span.begin, d.span.end}) {
      CHECK(da.source.locate(offset).line == db.source.locate(offset).line);
      CHECK(da.source.locate(offset).column == db.source.locate(offset).column);
    }
  CHECK(printed(after) == printed(before));
}

std::vector<fs::path> inputs_in_every_format(const fs::path& scratch) {
  const fs::path root = test::source_dir();
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(root / "examples"))
    if (e.path().extension() == ".txt") inputs.push_back(e.path());
  inputs.push_back(root / "tests/fixtures/html/fmt2021-page.html");
  inputs.push_back(root / "tests/fixtures/pdf/qingshan-2023.pdf");
  using namespace nblint::test;
  const fs::path docx = scratch / "report.docx";
  write_file(docx, make_docx({heading("青山县交通运输局2025年政府信息公开工作年度报告", 1), para("一、总体情况"),
                              para("本年度主动公开信息120条。"),
                              table({{cell("新收政府信息公开申请数量"), cell("5")}, {cell("总计"), cell("x")}})}));
  inputs.push_back(docx);
  return inputs;
}

}  // namespace

TEST_CASE("result codec: every format's result prints the same after the round trip, whole and compacted") {
  const fs::path scratch = test::fresh_temp_dir("spool", "codec");
  for (const fs::path& input : inputs_in_every_format(scratch)) {
    CAPTURE(input.string());
    FileResult whole = lint_file(input.string(), LintOptions{});
    REQUIRE_FALSE(whole.error);
    CHECK_FALSE(whole.diagnostics.empty());
    check_same(whole, round_trip(whole));
    FileResult compacted = whole;
    compact(compacted);
    REQUIRE(compacted.source().compacted());
    check_same(compacted, round_trip(compacted));
  }
  fs::remove_all(scratch);
}

TEST_CASE("result codec: an unreadable file's error round-trips, damaged bytes are an error, not a crash") {
  const FileResult missing = lint_file("/nonexistent-nblint-dir/report.txt", LintOptions{});
  REQUIRE(missing.error);
  const FileResult back = round_trip(missing);
  REQUIRE(back.error);
  CHECK(back.error->kind == missing.error->kind);
  CHECK(back.error->detail == missing.error->detail);
  check_same(missing, back);

  FileResult report = lint_file((test::source_dir() / "examples/qingshan-transport-2025.txt").string(), LintOptions{});
  std::string bytes;
  encode_result(report, bytes);
  for (std::size_t cut = 0; cut < bytes.size(); cut += 1 + cut / 16) {
    CAPTURE(cut);
    CHECK_THROWS_AS(decode_result(std::string_view(bytes).substr(0, cut)), ResultCodecError);
  }
  CHECK_THROWS_AS(decode_result(bytes + "x"), ResultCodecError);
  // A count damaged into a huge number is refused before anything is allocated for it.
  std::string huge = bytes;
  const std::uint32_t path_size = static_cast<std::uint32_t>(report.path.size());
  REQUIRE(std::memcmp(huge.data(), &path_size, sizeof path_size) == 0);  // the path's length comes first
  std::memset(huge.data(), 0xff, sizeof path_size);
  CHECK_THROWS_AS(decode_result(huge), ResultCodecError);
  // Any byte damaged: read back or refused with ResultCodecError, never anything worse.
  for (std::size_t at = 0; at < bytes.size(); at += 5) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(0xff);
    try {
      (void)decode_result(damaged);
    } catch (const ResultCodecError&) {
    }
  }
}

TEST_CASE("result spool: results come back in any order, a stored one can be replaced, and no file is left") {
  const fs::path tmp = test::fresh_temp_dir("spool", "tmpdir");
  const std::optional<std::string> old_tmpdir =
      std::getenv("TMPDIR") ? std::optional<std::string>(std::getenv("TMPDIR")) : std::nullopt;
  std::vector<FileResult> originals;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "examples"))
    if (e.path().extension() == ".txt") originals.push_back(lint_file(e.path().string(), LintOptions{}));
  REQUIRE(originals.size() >= 3);

  for (const bool disk : {true, false}) {
    CAPTURE(disk);
    // An unusable temporary directory makes the spool keep the bytes in memory instead.
    ::setenv("TMPDIR", disk ? tmp.c_str() : "/nonexistent-nblint-dir", 1);
    ResultSpool spool(originals.size());
    CHECK(spool.on_disk() == disk);
    for (std::size_t i = originals.size(); i-- > 0;) spool.store(i, originals[i]);
    if (disk) CHECK(fs::is_empty(tmp));  // unlinked from the start
    for (std::size_t i = 0; i < originals.size(); ++i) check_same(originals[i], spool.load(i));
    FileResult changed = originals[1];
    changed.diagnostics.pop_back();
    spool.store(1, changed);
    CHECK(spool.load(1).diagnostics.size() == originals[1].diagnostics.size() - 1);
    check_same(originals[2], spool.load(2));
    ResultSpool moved = std::move(spool);
    check_same(originals[0], moved.load(0));
  }
  CHECK_THROWS_AS(ResultSpool(2).load(1), std::out_of_range);
  if (old_tmpdir) ::setenv("TMPDIR", old_tmpdir->c_str(), 1);
  else ::unsetenv("TMPDIR");
  fs::remove_all(tmp);
}

TEST_CASE("result spool: when the disk refuses more, what was written moves to memory and the run goes on") {
  std::vector<FileResult> originals;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "examples"))
    if (e.path().extension() == ".txt") originals.push_back(lint_file(e.path().string(), LintOptions{}));
  REQUIRE(originals.size() >= 3);
  // Enough results for several of the spool's block writes (256 KB), the first of them while
  // the disk still has room.
  const std::size_t count = 3000;
  ResultSpool spool(count);
  REQUIRE(spool.on_disk());
  std::size_t stored = 0;
  for (; stored < count && spool.bytes_written() < 300 * 1024; ++stored) spool.store(stored, originals[stored % originals.size()]);
  REQUIRE(stored < count);
  // A file size limit stands for a full disk: the next write fails (EFBIG, SIGXFSZ ignored).
  test::with_full_disk_past(spool.bytes_written() + 16, [&] {
    for (; stored < count; ++stored) spool.store(stored, originals[stored % originals.size()]);
  });
  CHECK_FALSE(spool.on_disk());
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const FileResult back = spool.load(i);
    wrong += back.diagnostics.size() != originals[i % originals.size()].diagnostics.size();
  }
  CHECK(wrong == 0);
  for (std::size_t i = 0; i < originals.size(); ++i) check_same(originals[i], spool.load(i));
}

TEST_CASE("json stream: the streamed array gives exactly the text of dumping the whole document") {
  for (const int count : {0, 1, 3}) {
    CAPTURE(count);
    OrderedJson elements = OrderedJson::array();
    for (int i = 0; i < count; ++i)
      elements.push_back({{"n", i}, {"nested", {{"list", {1, 2, {{"deep", "文字"}}}}, {"empty", OrderedJson::array()}}}});
    // The array as the last member at three depths: top level, inside an object, inside a list.
    const std::vector<OrderedJson> shapes = {
        {{"head", 1}, {"items", OrderedJson::array()}},
        {{"head", 1}, {"outer", {{"x", OrderedJson::array()}, {"items", OrderedJson::array()}}}},
        {{"runs", OrderedJson::array({{{"tool", "t"}, {"items", OrderedJson::array()}}})}},
    };
    for (const OrderedJson& shape : shapes) {
      OrderedJson whole = shape;
      if (whole.contains("items")) whole["items"] = elements;
      else if (whole.contains("outer")) whole["outer"]["items"] = elements;
      else whole["runs"][0]["items"] = elements;
      std::ostringstream streamed;
      write_json_streaming_last_array(streamed, shape, [&](auto& emit) {
        for (const OrderedJson& e : elements) emit(e);
      });
      CHECK(streamed.str() == dumped_json(whole) + "\n");
    }
  }
  std::ostringstream out;
  CHECK_THROWS_AS(write_json_streaming_last_array(out, OrderedJson{{"items", OrderedJson::array()}, {"after", 1}},
                                                  [](const auto&) {}),
                  std::logic_error);
}
