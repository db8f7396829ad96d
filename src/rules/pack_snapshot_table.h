// The table of built-in pack snapshots (rules/pack_snapshot.h). Two definitions, one per binary:
// the build's generated table (tools/gen_pack_snapshot), linked by nblint, the tests and the
// fuzzers, and an empty one (pack_snapshot_none.cpp), linked by the tool that makes the first.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>

namespace nblint {

struct BuiltinPackSnapshot {
  std::string_view path;            // the embedded pack's path, "rules/fmt2021.yaml"
  std::uint64_t source_checksum;    // pack_source_checksum of the YAML it was made from
  std::string_view bytes;           // write_pack_snapshot of the pack loaded from that YAML
};

std::span<const BuiltinPackSnapshot> builtin_pack_snapshots();

}  // namespace nblint
