#include "skeleton/skeleton.h"

#include "rules/message_format.h"
#include "skeleton/heading_number.h"
#include "skeleton/markdown_table.h"

namespace nblint {

namespace {

// What a section says before the author writes: the pack's guidance, else its none_text (六:
// 无。), else nothing (a section of tables only).
const std::string* section_text(const SkeletonSpec& spec, const SectionSpec& section) {
  if (const auto it = spec.guidance.find(section.key); it != spec.guidance.end()) return &it->second;
  if (!section.none_text.empty()) return &section.none_text;
  return nullptr;
}

std::string corner(const SkeletonSpec& spec, const TableSpec& table) {
  const auto it = spec.corners.find(table.key);
  return it != spec.corners.end() ? it->second : table.caption;
}

}  // namespace

std::string write_skeleton(const Pack& pack, const SkeletonRequest& request) {
  if (!pack.skeleton) throw NoSkeletonError(pack.id);
  const SkeletonSpec& spec = *pack.skeleton;
  const MessageArgs args{{"organ", request.organ}, {"year", std::to_string(request.year)}};
  std::string out = "# " + format_message(spec.title, args) + "\n\n" + format_message(spec.opening, args) + "\n";
  for (const SectionSpec& section : pack.sections) {
    out += "\n## " + heading_numeral(section.number) + "、" + section.title + "\n";
    if (const std::string* text = section_text(spec, section)) out += "\n" + format_message(*text, args) + "\n";
    for (const TableSpec& table : pack.tables)
      if (table.section == section.key) out += "\n" + markdown_table(table, corner(spec, table));
  }
  return out;
}

}  // namespace nblint
