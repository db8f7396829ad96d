// A loaded rule pack written as bytes and read back, for the built-in packs: the build loads
// each from its YAML once (tools/gen_pack_snapshot) and embeds the bytes, so a run reads its
// packs without parsing and validating YAML again (the three packs took 39.6 M instructions to
// load, 14.5 M from snapshots: what is left is compiling the patterns, as ICU's compiled form
// cannot be stored).
//
// The bytes are for the binary that wrote them: no version, no byte order, no compatibility.
// Every aggregate is written field by field through Boost.PFR, so a field added to a pack's
// structs is written and read without a change here; the few structs PFR cannot take are named
// field by field in a way that fails the build when a field is added (pack_snapshot.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "rules/pack.h"

namespace nblint {

std::string write_pack_snapshot(const Pack& pack);
// Throws std::logic_error when the bytes end early or run on: they were not written by
// write_pack_snapshot of this build.
Pack read_pack_snapshot(std::string_view bytes);

// The checksum kept with a snapshot: std::hash of the YAML text (the tool that writes it and the
// binary that reads it are built together, with the same library).
std::uint64_t pack_source_checksum(std::string_view yaml);

struct BuiltinPackSnapshot;
// The snapshot the build made of the built-in pack embedded as `path`, or null.
const BuiltinPackSnapshot* find_builtin_pack_snapshot(std::string_view path);

// The built-in pack embedded as `yaml` under `path` ("rules/fmt2021.yaml"), read from its
// snapshot when the build made one from that same text (rules/pack_snapshot_table.h), else
// loaded from the YAML.
Pack load_embedded_pack(std::string_view yaml, std::string_view path);

}  // namespace nblint
