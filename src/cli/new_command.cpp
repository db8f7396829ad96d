// `nblint new`: writes a report skeleton (src/skeleton/) from the pack the checker would use.
#include <algorithm>
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/file_setup.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "skeleton/skeleton.h"
#include "util/atomic_file.h"

namespace nblint {

namespace {

std::string years_of(const Pack& pack, Lang lang) {
  const std::string from = std::to_string(pack.year_from);
  if (pack.year_to == 9999) return lang == Lang::En ? from + " onwards" : from + "年度起";
  return from + "–" + std::to_string(pack.year_to) + tr(lang, "年度", "");
}

// "reg2008（2008–2018年度）、fmt2019（2019–2020年度）、fmt2021（2021年度起）"
std::string known_packs(const PackRegistry& packs, Lang lang) {
  std::string out;
  for (const Pack& p : packs.packs())
    out += (out.empty() ? "" : tr(lang, "、", ", ")) + p.id + tr(lang, "（", " (") + years_of(p, lang) + tr(lang, "）", ")");
  return out;
}

int fail(const std::string& message) {
  std::cerr << "nblint: " << message << '\n';
  return kExitTrouble;
}

int current_year() {
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  return static_cast<int>(today.year());
}

// The organ as one line without surrounding blanks; empty when it is not usable in a title.
std::string organ_line(std::string organ) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!organ.empty() && blank(organ.back())) organ.pop_back();
  organ.erase(organ.begin(), std::find_if_not(organ.begin(), organ.end(), blank));
  if (organ.find_first_of("\r\n|#") != std::string::npos) return {};
  return organ;
}

}  // namespace

int run_new(const NewOptions& options) {
  const Lang lang = options.lang;
  const std::string organ = organ_line(options.organ);
  if (organ.empty())
    return fail(tr(lang, "--organ 应为机关名称（一行，不含 | 和 #），如 --organ 青山县交通运输局",
                   "--organ must be the organ's name (one line, no | or #), e.g. --organ 青山县交通运输局"));

  SetupResolver setups(options.config.empty() ? std::nullopt : std::optional<std::filesystem::path>(options.config),
                       {options.pack_files.begin(), options.pack_files.end()}, options.pack);
  FileSetup setup;
  try {
    // The configuration is found from where the skeleton goes, as `check` will find it there.
    setup = setups.setup_for(options.output.empty() ? "-" : options.output);
  } catch (const UnknownPackError& e) {
    return fail(tr(lang, "未知的规则包“", "unknown rule pack '") + e.name + tr(lang, "”；可用：", "'; known packs: ") +
                known_packs(PackRegistry::builtin(), lang));
  }
  const PackRegistry& packs = *setup.packs;

  // From the first year a pack covers (the 2008 regulation) to next year (a skeleton may be
  // written while the year runs).
  int first_year = 9999;
  for (const Pack& p : packs.packs()) first_year = std::min(first_year, p.year_from);
  const int last_year = current_year() + 1;
  if (options.year < first_year || options.year > last_year)
    return fail(tr(lang, "报告年度 ", "report year ") + std::to_string(options.year) +
                tr(lang, " 不在可用范围内（", " is out of range (") + std::to_string(first_year) + "–" +
                std::to_string(last_year) +
                tr(lang, "）：--year 是报告总结的年度，如 2026 年初发布的报告为 --year 2025",
                   "): --year is the year the report covers, e.g. --year 2025 for a report published early in 2026"));

  const Pack* pack = setup.forced_pack ? setup.forced_pack : packs.for_year(options.year);
  if (!pack)
    return fail(tr(lang, "没有适用于 ", "no rule pack covers ") + std::to_string(options.year) +
                tr(lang, " 年度的规则包；可用：", "; known packs: ") + known_packs(packs, lang));
  if (!pack->applies_to(options.year)) {
    const Pack* by_year = packs.for_year(options.year);
    return fail(tr(lang, "规则包 ", "rule pack ") + pack->id + tr(lang, " 适用于 ", " is for reports on ") +
                years_of(*pack, lang) + tr(lang, "的报告，不适用于 ", ", not on ") + std::to_string(options.year) +
                (by_year ? tr(lang, "；该年度应使用 ", "; that year's pack is ") + by_year->id : std::string()));
  }

  std::string text;
  try {
    text = write_skeleton(*pack, {organ, options.year});
  } catch (const NoSkeletonError&) {
    return fail(tr(lang, "规则包 ", "rule pack ") + pack->id + " (" + pack->source_name + ")" +
                tr(lang, " 没有 skeleton: 块，无法生成报告框架（见 docs/new.md）",
                   " has no skeleton: block, so no skeleton can be written (see docs/new.md)"));
  }
  if (options.output.empty()) {
    std::cout << text << std::flush;
    return kExitClean;
  }
  try {
    write_file_atomically(options.output, text, options.force);
  } catch (const OutputFileError& e) {
    if (e.kind == OutputFileError::Kind::Exists)
      return fail(options.output + tr(lang, " 已存在，未覆盖（加 --force 覆盖）", " exists and was left alone (--force replaces it)"));
    return fail(options.output + tr(lang, "：无法写入", ": cannot write") + (*e.what() ? std::string(" (") + e.what() + ")" : ""));
  }
  std::cerr << tr(lang, "已写入 ", "wrote ") << options.output << tr(lang, "（规则包 ", " (rule pack ") << pack->id
            << tr(lang, "）；填写后用 nblint check ", "); when it is filled in, check it with nblint check ") << options.output
            << tr(lang, " 检查\n", "\n");
  return kExitClean;
}

}  // namespace nblint
