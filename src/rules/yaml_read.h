// Strict reading of pack and catalogue YAML: yaml-cpp accepts unknown and duplicate keys and
// converts yes/on/off silently, so every read here checks keys and types itself and reports
// the file, line and column (1-based) of what is wrong.
#pragma once
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "util/lang.h"

namespace nblint {

class PackError : public std::runtime_error {
 public:
  PackError(std::string file, int line, int column, const std::string& what)
      : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + what),
        file_(std::move(file)), line_(line), column_(column) {}
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  std::string file_;
  int line_, column_;
};

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  YAML::Node parse(std::string_view text) const;
  [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const;

  void require_map(const YAML::Node& node, std::string_view what) const;
  void require_sequence(const YAML::Node& node, std::string_view what) const;
  // Fails on a key not in `allowed`, and on a key given twice.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed) const;
  YAML::Node required(const YAML::Node& map, const char* key) const;
  std::string scalar(const YAML::Node& node, std::string_view what) const;
  int integer(const YAML::Node& node, std::string_view what) const;
  Localized localized(const YAML::Node& node) const;  // {zh: …, en: …}

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  YAML::Node parent_for_missing_;
};

}  // namespace nblint
