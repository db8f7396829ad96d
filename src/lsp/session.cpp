#include "lsp/session.h"

#include "cli/file_setup.h"
#include "cli/i18n.h"
#include "config/config_file.h"
#include "util/file_uri.h"
#include "lsp/framing.h"
#include "lsp/lsp_diagnostic.h"
#include "lsp/utf16_position.h"
#include "rules/yaml_read.h"

namespace nblint::lsp {

namespace {

using Json = nlohmann::json;

// JSON-RPC 2.0 and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;

constexpr int kMessageError = 1;  // window/showMessage types
constexpr int kMessageLog = 4;

constexpr int kSyncFull = 1;  // TextDocumentSyncKind.Full

// The format an editor's languageId names, for documents whose path has no known extension.
std::optional<Format> format_from_language(const std::string& language) {
  if (language == "markdown") return Format::Markdown;
  if (language == "html") return Format::Html;
  if (language == "plaintext" || language == "text") return Format::Text;
  return std::nullopt;
}

// Fixes are plain-text edits of the source: certain in text and Markdown, not inside HTML markup.
bool fixes_apply(Format f) { return f == Format::Text || f == Format::Markdown; }

// The document's own line break, so an inserted section matches the lines around it.
std::string with_line_breaks_of(const std::string& document, std::string text) {
  if (document.find("\r\n") == std::string::npos) return text;
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

LspPosition position_from_json(const Json& p) {
  return {p.at("line").get<std::uint32_t>(), p.at("character").get<std::uint32_t>()};
}

}  // namespace

Session::Session(std::ostream& out, ServerOptions options) : out_(out), options_(std::move(options)) {}

void Session::handle(std::string_view body) {
  Json message;
  try {
    message = Json::parse(body);
  } catch (const Json::exception& e) {  // parse_error, and out_of_range for a number like 4e862023
    reply_error(nullptr, kParseError, std::string("parse error: ") + e.what());
    return;
  }
  dispatch(message);
}

void Session::dispatch(const Json& message) {
  const Json id = message.is_object() && message.contains("id") ? message["id"] : Json();
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response to a request nblint never sent is ignored; anything else is not JSON-RPC.
    if (message.is_object() && (message.contains("result") || message.contains("error"))) return;
    reply_error(id, kInvalidRequest, "not a JSON-RPC request or notification");
    return;
  }
  const std::string method = message["method"];
  const Json params = message.contains("params") ? message["params"] : Json::object();
  const bool request = message.contains("id");
  if (!request) {
    try {
      on_notification(method, params);
    } catch (const Json::exception& e) {
      notify("window/logMessage", {{"type", kMessageLog}, {"message", "nblint: " + method + ": " + e.what()}});
    }
    return;
  }
  if (shutdown_) return reply_error(id, kInvalidRequest, "the server is shut down");
  if (!initialized_ && method != "initialize") return reply_error(id, kServerNotInitialized, "not initialized");
  try {
    Json result = on_request(method, params);
    if (result.is_discarded()) return reply_error(id, kMethodNotFound, "method not found: " + method);
    reply(id, std::move(result));
  } catch (const Json::exception& e) {
    reply_error(id, kInvalidParams, method + ": " + e.what());
  }
}

Json Session::on_request(const std::string& method, const Json& params) {
  if (method == "initialize") {
    initialized_ = true;
    return initialize_result();
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_actions(params);
  return Json(Json::value_t::discarded);
}

void Session::on_notification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // dropped, as LSP says
  if (method == "textDocument/didOpen") return open(params);
  if (method == "textDocument/didChange") return change(params);
  if (method == "textDocument/didSave") {
    // Re-read the configuration: a saved .nblint.yaml next to it applies now.
    const std::string uri = params.at("textDocument").at("uri");
    if (auto it = documents_.find(uri); it != documents_.end()) lint_and_publish(uri, it->second);
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri");
    documents_.erase(uri);
    publish(uri, nullptr);
  }
  // Other notifications (initialized, $/cancelRequest, workspace/…) need nothing.
}

Json Session::initialize_result() const {
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", kSyncFull}, {"save", {{"includeText", false}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
          {"serverInfo", {{"name", "nblint"}, {"version", NBLINT_VERSION}}}};
}

void Session::open(const Json& params) {
  const Json& item = params.at("textDocument");
  const std::string uri = item.at("uri");
  OpenDocument doc;
  const auto path = path_from_file_uri(uri);
  doc.path = path ? *path : "-";
  if (!format_from_extension(doc.path)) doc.format = format_from_language(item.value("languageId", ""));
  if (item.contains("version") && item["version"].is_number_integer()) doc.version = item["version"].get<int>();
  doc.text = item.at("text").get<std::string>();
  lint_and_publish(uri, documents_[uri] = std::move(doc));
}

void Session::change(const Json& params) {
  const Json& item = params.at("textDocument");
  const std::string uri = item.at("uri");
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  const Json& changes = params.at("contentChanges");
  if (changes.empty()) return;
  // Full sync: each change is the whole text; the last one is the document now.
  it->second.text = changes.back().at("text").get<std::string>();
  if (item.contains("version") && item["version"].is_number_integer()) it->second.version = item["version"].get<int>();
  lint_and_publish(uri, it->second);
}

void Session::lint_and_publish(const std::string& uri, OpenDocument& doc) {
  doc.result = FileResult{};
  try {
    // A fresh resolver each time: an edited .nblint.yaml or user pack applies on the next change.
    SetupResolver setups(std::nullopt, {}, "");
    const FileSetup setup = setups.setup_for(doc.path);
    LintOptions lint;
    lint.rules.lang = options_.lang;
    lint.rules.forced_pack = setup.forced_pack;
    lint.packs = setup.packs;
    lint.organ_level = setup.organ_level;
    lint.severities = setup.severities;
    doc.result = lint_text(doc.path, doc.text, doc.format, lint);
    last_shown_.clear();
  } catch (const ConfigError& e) {
    // Say so once, and show no findings rather than findings under the wrong settings.
    show_message(kMessageError, std::string("nblint: ") + tr(options_.lang, "配置文件有误：", "broken configuration: ") + e.what());
  } catch (const PackError& e) {
    show_message(kMessageError, std::string("nblint: ") + tr(options_.lang, "规则包有误：", "broken rule pack: ") + e.what());
  } catch (const std::exception& e) {
    show_message(kMessageError, std::string("nblint: ") + tr(options_.lang, "内部错误：", "internal error: ") + e.what());
  }
  if (doc.result.error && doc.result.error->kind != IngestError::Kind::Empty)
    notify("window/logMessage", {{"type", kMessageLog},
                                 {"message", "nblint: " + uri + tr(options_.lang, "：无法读取，", ": cannot read: ") +
                                                 doc.result.error_message}});
  publish(uri, &doc);
}

void Session::publish(const std::string& uri, const OpenDocument* doc) {
  Json diagnostics = Json::array();
  Json params = {{"uri", uri}};
  if (doc) {
    if (doc->version) params["version"] = *doc->version;
    const Utf16Lines lines(doc->text);
    for (const Diagnostic& d : doc->result.diagnostics)
      diagnostics.push_back(lsp_diagnostic(d, doc->result.source(), lines, options_.doc_base));
  }
  params["diagnostics"] = std::move(diagnostics);
  notify("textDocument/publishDiagnostics", std::move(params));
}

Json Session::code_actions(const Json& params) const {
  Json actions = Json::array();
  const std::string uri = params.at("textDocument").at("uri");
  const auto it = documents_.find(uri);
  if (it == documents_.end()) return actions;
  const Json& context = params.value("context", Json::object());
  if (context.contains("only")) {
    bool wanted = false;
    for (const Json& kind : context["only"]) wanted = wanted || kind == "quickfix" || kind == "";
    if (!wanted) return actions;
  }
  const OpenDocument& doc = it->second;
  if (!fixes_apply(doc.result.document.format)) return actions;
  const Json& r = params.at("range");
  const LspRange asked{position_from_json(r.at("start")), position_from_json(r.at("end"))};
  const Utf16Lines lines(doc.text);
  const SourceText& source = doc.result.source();
  for (const Diagnostic& d : doc.result.diagnostics) {
    if (!d.fix || !lsp_range(d.span, source, lines).meets(asked)) continue;
    const Json edit = {{"range", to_json(lsp_range(d.fix->span, source, lines))},
                       {"newText", with_line_breaks_of(doc.text, d.fix->text)}};
    actions.push_back({{"title", d.fix->title},
                       {"kind", "quickfix"},
                       {"diagnostics", {lsp_diagnostic(d, source, lines, options_.doc_base)}},
                       {"isPreferred", true},
                       {"edit", {{"changes", {{uri, {edit}}}}}}});
  }
  return actions;
}

void Session::send(const Json& message) {
  write_frame(out_, message.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void Session::reply(const Json& id, Json result) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Session::reply_error(const Json& id, int code, const std::string& message) {
  send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Session::notify(const std::string& method, Json params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Session::show_message(int type, const std::string& text) {
  if (text == last_shown_) return;
  last_shown_ = text;
  notify("window/showMessage", {{"type", type}, {"message", text}});
}

}  // namespace nblint::lsp
