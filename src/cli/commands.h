// The subcommands of the nblint binary. Each returns the process exit code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "util/lang.h"

namespace nblint {

enum class FailOn { Error, Warning, Info, Never };

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";  // text | json | sarif | github | gcc | rdjson
  std::string pack;             // forced pack id, empty for automatic
  FailOn fail_on = FailOn::Error;
  int max_warnings = -1;        // --max-warnings: more warnings than this fail the run; -1: no limit
  bool quiet = false;           // --quiet: errors only
  std::string column_unit = "codepoint";  // codepoint | utf16 | byte | display
  std::string color = "auto";   // auto | always | never
  bool no_excerpt = false;      // text: no source line under each finding
  std::string doc_url;          // where docs/ is published, for SARIF/rdjson rule links
  bool verbose = false;
  std::uint64_t max_file_size = 0;
  std::string encoding;  // --encoding; empty = detect
  std::string config;                   // --config FILE: no discovery; empty = discover .nblint.yaml
  std::vector<std::string> pack_files;  // --pack-file, repeatable
  std::string baseline;                 // --baseline FILE: report only findings not in it
  std::string write_baseline;           // --write-baseline FILE: record the findings
  unsigned jobs = 0;                    // -j: files linted at once; 0 = one per core
  Lang lang = Lang::Zh;
};

struct TreeOptions {
  std::string path;
  std::string format = "text";  // text | json
  std::string pack;             // forced pack id, empty for automatic
  std::string encoding;         // --encoding; empty = detect
  bool verbose = false;         // text: the binder's notes on what it could not bind
  std::string config;                   // --config FILE; empty = discover .nblint.yaml
  std::vector<std::string> pack_files;  // --pack-file, repeatable
  Lang lang = Lang::Zh;
};

// `nblint new` (docs/new.md): a report skeleton from the pack for the year.
struct NewOptions {
  std::string organ;                    // --organ, in the title
  int year = 0;                         // --year, the report year
  std::string pack;                     // --pack; empty: the configuration's, else the one for the year
  std::string output;                   // -o FILE; empty: standard output
  bool force = false;                   // --force: -o may replace an existing file
  std::string config;                   // --config FILE; empty = discover .nblint.yaml
  std::vector<std::string> pack_files;  // --pack-file, repeatable
  Lang lang = Lang::Zh;
};

int run_check(const CheckOptions& options);
int run_tree(const TreeOptions& options);
int run_rules(const std::string& pack, Lang lang);
int run_explain(const std::string& rule_id, Lang lang);
int run_new(const NewOptions& options);

}  // namespace nblint
