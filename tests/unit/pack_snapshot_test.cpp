#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "support/replace_once.h"

#include "rules/pack_loader.h"
#include "rules/pack_registry.h"
#include "rules/pack_snapshot.h"
#include "rules/pack_snapshot_table.h"
#include "util/resources.h"

using namespace nblint;

TEST_CASE("pack snapshot: every built-in pack has one, made from the YAML embedded now, and the registry's pack is it") {
  int compared = 0;
  for (const auto& res : resources::all()) {
    if (!is_builtin_pack_path(res.path)) continue;
    CAPTURE(res.path);
    const BuiltinPackSnapshot* snapshot = find_builtin_pack_snapshot(res.path);
    REQUIRE(snapshot != nullptr);
    CHECK(snapshot->source_checksum == pack_source_checksum(res.data));
    // The pack loaded from the YAML now writes the very bytes the build embedded.
    const Pack loaded = load_builtin_pack(res.data, std::string(res.path), Catalogue::builtin());
    CHECK(write_pack_snapshot(loaded) == snapshot->bytes);
    const Pack* registered = PackRegistry::builtin().find(loaded.id);
    REQUIRE(registered != nullptr);
    CHECK(write_pack_snapshot(*registered) == snapshot->bytes);
    ++compared;
  }
  CHECK(compared == 3);
  CHECK(builtin_pack_snapshots().size() == 3);
}

TEST_CASE("pack snapshot: a pack reads back field for field, its patterns compiled again") {
  const std::string_view yaml = *resources::find("rules/fmt2021.yaml");
  const Pack pack = load_builtin_pack(yaml, "rules/fmt2021.yaml", Catalogue::builtin());
  const std::string bytes = write_pack_snapshot(pack);
  const Pack back = read_pack_snapshot(bytes);
  CHECK(write_pack_snapshot(back) == bytes);
  CHECK(back.id == pack.id);
  CHECK(back.name.en == pack.name.en);
  CHECK(back.rules == pack.rules);
  REQUIRE(back.sections.size() == pack.sections.size());
  REQUIRE_FALSE(back.sections[0].headings.empty());
  CHECK(back.sections[0].headings[0].source() == pack.sections[0].headings[0].source());
  // A compiled pattern, not only its source: it finds what the loaded one finds.
  CHECK(back.sections[0].headings[0].found_in(U"总体情况") == pack.sections[0].headings[0].found_in(U"总体情况"));
  CHECK(back.sections[0].headings[0].found_in(U"总体情况"));
  REQUIRE_FALSE(back.tables.empty());
  CHECK(back.tables[0].rows.size() == pack.tables[0].rows.size());
  CHECK(back.tables[0].rows[0].keywords == pack.tables[0].rows[0].keywords);
}

TEST_CASE("pack snapshot: a change anywhere in a pack changes its bytes") {
  // The structs are written through Boost.PFR, TableRowSpec's own fields by hand: a field that
  // were not written would not change the bytes.
  const std::string_view yaml = *resources::find("rules/reg2008.yaml");
  const Pack pack = load_builtin_pack(yaml, "rules/reg2008.yaml", Catalogue::builtin());
  const std::string bytes = write_pack_snapshot(pack);
  auto changed = [&](auto change) {
    Pack copy = read_pack_snapshot(bytes);
    change(copy);
    return write_pack_snapshot(copy) != bytes;
  };
  REQUIRE_FALSE(pack.tables.empty());
  REQUIRE_FALSE(pack.tables[0].rows.empty());
  CHECK(changed([](Pack& p) { p.tables[0].rows[0].group = !p.tables[0].rows[0].group; }));
  CHECK(changed([](Pack& p) { p.tables[0].rows[0].parent += "x"; }));
  CHECK(changed([](Pack& p) { p.tables[0].rows[0].domain = p.tables[0].rows[0].domain ? std::nullopt : std::optional(CellDomain::Amount); }));
  CHECK(changed([](Pack& p) { p.tables[0].rows[0].keywords.push_back(U"新"); }));
  CHECK(changed([](Pack& p) { p.tables[0].unlabelled = !p.tables[0].unlabelled; }));
  REQUIRE_FALSE(pack.dates.deadlines.empty());
  CHECK(changed([](Pack& p) { p.dates.deadlines[0].basis.en += "x"; }));
  CHECK(changed([](Pack& p) { p.year_to = 2030; }));
  CHECK(changed([](Pack& p) { p.source_name += "x"; }));
}

TEST_CASE("pack snapshot: bytes cut short or running on are refused") {
  const std::string_view yaml = *resources::find("rules/fmt2019.yaml");
  const std::string bytes = write_pack_snapshot(load_builtin_pack(yaml, "rules/fmt2019.yaml", Catalogue::builtin()));
  CHECK_THROWS_AS(read_pack_snapshot(std::string_view(bytes).substr(0, bytes.size() - 1)), std::logic_error);
  CHECK_THROWS_AS(read_pack_snapshot(std::string_view(bytes).substr(0, 3)), std::logic_error);
  CHECK_THROWS_AS(read_pack_snapshot(bytes + "x"), std::logic_error);
  CHECK_THROWS_AS(read_pack_snapshot(""), std::logic_error);
  // A count the bytes left cannot hold is refused before anything is allocated for it: the first
  // four bytes are the length of the pack's id.
  std::string huge = bytes;
  huge.replace(0, 4, "\xff\xff\xff\x7f");
  CHECK_THROWS_AS(read_pack_snapshot(huge), std::logic_error);
}

TEST_CASE("pack snapshot: a pack whose YAML is not the one its snapshot was made from loads from the YAML") {
  const std::string yaml(*resources::find("rules/fmt2021.yaml"));
  const Pack as_built = load_embedded_pack(yaml, "rules/fmt2021.yaml");
  const std::string edited = test::replace_once(yaml, "years: {\"from\": \"2021\"}", "years: {\"from\": \"2021\", \"to\": \"2040\"}");
  const Pack pack = load_embedded_pack(edited, "rules/fmt2021.yaml");
  CHECK(as_built.year_to == 9999);
  CHECK(pack.year_to == 2040);
}
