// One Language Server session (LSP 3.17): the lifecycle (initialize, shutdown, exit), the open
// documents with full-text sync, their diagnostics, and quick fixes as code actions. Each open
// document is linted as `nblint check` would lint its file: same configuration discovery
// (.nblint.yaml from the document's directory), same packs, same inline suppressions. Checks
// across reports (crossyear/*, text/copied-from-other) need a whole run and do not apply here.
#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/lint_file.h"
#include "util/lang.h"

namespace nblint::lsp {

struct ServerOptions {
  Lang lang = Lang::Zh;
  std::string doc_base;  // rule pages under this URL; empty: the installed docs
};

class Session {
 public:
  Session(std::ostream& out, ServerOptions options);

  // Handles one framed message (its raw bytes).
  void handle(std::string_view body);

  bool exited() const { return exited_; }
  // The process exit code once the client is gone: 0 after shutdown, 1 without (LSP `exit`).
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct OpenDocument {
    std::string path;                // the file the URI names; "-" when it names none
    std::optional<Format> format;    // from languageId when the path's extension says nothing
    std::optional<int> version;
    std::string text;
    FileResult result;               // the latest lint of `text`
  };

  void dispatch(const nlohmann::json& message);
  nlohmann::json on_request(const std::string& method, const nlohmann::json& params);
  void on_notification(const std::string& method, const nlohmann::json& params);

  nlohmann::json initialize_result() const;
  nlohmann::json code_actions(const nlohmann::json& params) const;
  void open(const nlohmann::json& params);
  void change(const nlohmann::json& params);
  void lint_and_publish(const std::string& uri, OpenDocument& doc);
  void publish(const std::string& uri, const OpenDocument* doc);

  void send(const nlohmann::json& message);
  void reply(const nlohmann::json& id, nlohmann::json result);
  void reply_error(const nlohmann::json& id, int code, const std::string& message);
  void notify(const std::string& method, nlohmann::json params);
  void show_message(int type, const std::string& text);

  std::ostream& out_;
  ServerOptions options_;
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  std::map<std::string, OpenDocument> documents_;  // by URI
  std::string last_shown_;  // the last error shown to the user, so a keystroke does not repeat it
};

}  // namespace nblint::lsp
