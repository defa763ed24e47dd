#include "tools/server/api.h"

#include <chrono>
#include <functional>

#include <spdlog/spdlog.h>

#include "core/printable.h"
#include "tools/cli/batches.h"
#include "tools/cli/commands.h"
#include "tools/cli/people_commands.h"
#include "tools/cli/report_commands.h"
#include "tools/server/api_error.h"
#include "tools/server/assets.h"
#include "tools/server/catalog.h"
#include "tools/server/messages.h"

namespace tledger::server {
namespace {

// The largest `tail` of /api/v1/log: the page's "latest events", not an export.
constexpr uint64_t kMaxLogTail = 1000;

constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

constexpr ParamSpec kReportParams[] = {{"as_of", ParamKind::kDate},
                                       {"known_at", ParamKind::kInstant},
                                       {"plan", ParamKind::kId},
                                       {"restate_units", ParamKind::kBool},
                                       {"lang", ParamKind::kLang}};
constexpr ParamSpec kViolationsParams[] = {{"as_of", ParamKind::kDate},
                                           {"known_at", ParamKind::kInstant},
                                           {"plan", ParamKind::kId},
                                           {"rule", ParamKind::kRule},
                                           {"lang", ParamKind::kLang}};
constexpr ParamSpec kCompensationParams[] = {{"as_of", ParamKind::kDate},
                                             {"known_at", ParamKind::kInstant},
                                             {"plan", ParamKind::kId},
                                             {"lang", ParamKind::kLang}};
constexpr ParamSpec kDiffParams[] = {{"from", ParamKind::kDate, true},
                                     {"to", ParamKind::kDate, true},
                                     {"known_at", ParamKind::kInstant},
                                     {"plan", ParamKind::kId},
                                     {"restate_units", ParamKind::kBool},
                                     {"lang", ParamKind::kLang}};
constexpr ParamSpec kHistoryParams[] = {{"id", ParamKind::kId, true}, {"known_at", ParamKind::kInstant}};
constexpr ParamSpec kLogParams[] = {{"tail", ParamKind::kCount, false, kMaxLogTail}};
constexpr ParamSpec kFindParams[] = {{"text", ParamKind::kId, true},
                                     {"as_of", ParamKind::kDate},
                                     {"known_at", ParamKind::kInstant},
                                     {"lang", ParamKind::kLang}};
constexpr ParamSpec kPeopleParams[] = {{"plan", ParamKind::kId, true},    {"as_of", ParamKind::kDate},
                                       {"known_at", ParamKind::kInstant}, {"program", ParamKind::kId},
                                       {"funding_class", ParamKind::kId}, {"location", ParamKind::kId},
                                       {"field", ParamKind::kId},         {"form", ParamKind::kId},
                                       {"unit", ParamKind::kId},          {"lang", ParamKind::kLang}};

constexpr EndpointInfo kEndpoints[] = {
    {"report", kReportParams}, {"violations", kViolationsParams}, {"compensation", kCompensationParams},
    {"diff", kDiffParams},
    {"history", kHistoryParams}, {"log", kLogParams},             {"checkpoint", {}},
    {"batches", {}},           {"labels", {}},                {"find", kFindParams},
    {"people", kPeopleParams},
};

ReportArgs ReportArgsOf(const ParsedQuery& q) {
  ReportArgs a;
  a.as_of = q.Get("as_of");
  a.from = q.Get("from");
  a.to = q.Get("to");
  a.known_at = q.Get("known_at");
  a.plan = q.Get("plan");
  a.rule = q.Get("rule");
  a.format = "json";
  if (q.Has("lang")) a.lang = q.Get("lang");
  a.restate_units = q.Get("restate_units") == "true";
  return a;
}

// One endpoint's work: the JSON text, or the failed command's Status; the
// parameter a NotFound is about.
struct Handler {
  std::function<Result<std::string>(const Globals&, const ParsedQuery&)> run;
  std::string_view not_found;
};

Handler HandlerOf(std::string_view name) {
  if (name == "report") return {[](const Globals& g, const ParsedQuery& q) { return ReportOutput(g, ReportArgsOf(q)); }, "plan"};
  if (name == "violations") {
    return {[](const Globals& g, const ParsedQuery& q) { return ViolationsOutput(g, ReportArgsOf(q)); }, "plan"};
  }
  if (name == "compensation") {
    return {[](const Globals& g, const ParsedQuery& q) { return CompensationOutput(g, ReportArgsOf(q)); }, "plan"};
  }
  if (name == "diff") return {[](const Globals& g, const ParsedQuery& q) { return DiffOutput(g, ReportArgsOf(q)); }, "plan"};
  if (name == "history") {
    return {[](const Globals& g, const ParsedQuery& q) {
              return HistoryOutput(g, HistoryArgs{.id = q.Get("id"), .known_at = q.Get("known_at"), .format = "json"});
            },
            "id"};
  }
  if (name == "log") {
    return {[](const Globals& g, const ParsedQuery& q) -> Result<std::string> {
              LogArgs a;
              a.format = "json";
              if (q.Has("tail")) a.tail = std::stoull(q.Get("tail"));  // checked: 1..kMaxLogTail
              std::string out;
              TLEDGER_RETURN_IF_ERROR(LogOutput(g, a, [&](std::string_view text) {
                out += text;
                return Status::Ok();
              }));
              return out;
            },
            "tail"};
  }
  if (name == "checkpoint") {
    return {[](const Globals& g, const ParsedQuery&) { return CheckpointOutput(g, CheckpointArgs{.format = "json"}); }, ""};
  }
  if (name == "batches") {
    return {[](const Globals& g, const ParsedQuery&) { return BatchesOutput(g, BatchesArgs{.format = "json"}); }, ""};
  }
  if (name == "find") {
    return {[](const Globals& g, const ParsedQuery& q) {
              return FindOutput(g, FindArgs{.text = q.Get("text"), .as_of = q.Get("as_of"), .known_at = q.Get("known_at"),
                                            .format = "json", .lang = q.Has("lang") ? q.Get("lang") : "vi"});
            },
            ""};
  }
  if (name == "people") {
    return {[](const Globals& g, const ParsedQuery& q) {
              return PeopleOutput(g, PeopleArgs{.plan = q.Get("plan"), .as_of = q.Get("as_of"),
                                                .known_at = q.Get("known_at"), .program = q.Get("program"),
                                                .funding_class = q.Get("funding_class"), .location = q.Get("location"),
                                                .field = q.Get("field"), .form = q.Get("form"), .unit = q.Get("unit"),
                                                .format = "json", .lang = q.Has("lang") ? q.Get("lang") : "vi"});
            },
            "plan"};
  }
  if (name == "labels") return {[](const Globals&, const ParsedQuery&) -> Result<std::string> { return CatalogJson(); }, ""};
  return {};
}

// The parameter a command's refusal names: its message's "--option:" as the
// query names it (--funding-class: funding_class), else `fallback`.
std::string ParameterOf(const Status& s, std::string_view fallback) {
  const std::string& m = s.message();
  size_t colon = m.find(':');
  if (!m.starts_with("--") || colon == std::string::npos) return std::string(fallback);
  std::string name = m.substr(2, colon - 2);
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

void SendError(httplib::Response& res, const ApiError& e) {
  res.status = e.status;
  res.set_content(ErrorBody(e), kJsonType);
}

// The query as received: what follows the target's first '?'.
std::string_view RawQuery(const httplib::Request& req) {
  std::string_view target = req.target;
  size_t q = target.find('?');
  return q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
}

void ServeApi(const ApiOptions& options, const httplib::Request& req, httplib::Response& res) {
  std::string_view name = std::string_view(req.path).substr(std::string_view("/api/v1/").size());
  const EndpointInfo* endpoint = nullptr;
  for (const EndpointInfo& e : kEndpoints) {
    if (e.name == name) endpoint = &e;
  }
  res.set_header("Cache-Control", "no-store");
  if (endpoint == nullptr) return SendError(res, StatusError(404));
  ParsedQuery q = ParseQuery(RawQuery(req), endpoint->params);
  if (q.error) return SendError(res, *q.error);
  Handler h = HandlerOf(name);
  Globals g;
  g.db = options.db;
  g.read_only = true;
  auto start = std::chrono::steady_clock::now();
  Result<std::string> body = h.run(g, q);
  spdlog::info("{} {} in {:.3f} s", req.method, req.path,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (!body.ok()) return SendError(res, CommandError(body.status(), ParameterOf(body.status(), h.not_found)));
  res.status = 200;
  res.set_content(std::move(*body), kJsonType);
}

void ServeStatic(const httplib::Request& req, httplib::Response& res) {
  std::string_view path = req.path;
  if (path == "/") path = "/index.html";
  const Asset* asset = FindAsset(path);
  if (asset == nullptr) {
    res.set_header("Cache-Control", "no-store");
    return SendError(res, WebAssets().empty() && path == "/index.html" ? MakeError(404, kPageNotBuilt) : StatusError(404));
  }
  // Vite names what index.html loads by its content's hash: those never
  // change under their name. index.html itself is revalidated by ETag.
  bool immutable = path.starts_with("/assets/");
  res.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.set_header("ETag", std::string(asset->etag));
  if (req.get_header_value("If-None-Match") == asset->etag) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
}

bool HostAllowed(const ApiOptions& options, const std::string& host) {
  if (options.hosts.empty()) return true;
  for (const std::string& h : options.hosts) {
    if (h == host) return true;
  }
  return false;
}

}  // namespace

std::span<const EndpointInfo> Endpoints() { return kEndpoints; }

void InstallRoutes(GuardedServer& server, const ApiOptions& options) {
  httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"},
                              {"Cross-Origin-Opener-Policy", "same-origin"},
                              {"Cross-Origin-Resource-Policy", "same-origin"},
                              {"Content-Security-Policy", kContentSecurityPolicy}};
  if (options.tls) headers.emplace("Strict-Transport-Security", "max-age=31536000");
  server.set_default_headers(headers);

  server.set_pre_routing_handler([&options](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SendError(res, StatusError(405));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!HostAllowed(options, req.get_header_value("Host"))) {
      SendError(res, MakeError(421, kWrongHost, "\"" + Abbreviated(req.get_header_value("Host"), 60) + "\""));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (options.tokens != nullptr && req.path.starts_with("/api/")) {
      std::optional<std::string> who = options.tokens->Match(BearerToken(req.get_header_value("Authorization")));
      if (!who) {
        res.set_header("WWW-Authenticate", "Bearer realm=\"tledger\"");
        SendError(res, StatusError(401));
        return httplib::Server::HandlerResponse::Handled;
      }
      spdlog::info("token {}: {} {}", *who, req.method, req.path);
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  server.Get(R"(/api/v1/.*)", [&options](const httplib::Request& req, httplib::Response& res) { ServeApi(options, req, res); });
  server.Get(R"(.*)", ServeStatic);

  // Every error the server sends has the JSON body, httplib's own (400 for a
  // malformed request, 414, 413, 404) included; a request that failed to
  // arrive in time or whole is 408 or 431.
  server.set_error_handler(httplib::Server::HandlerWithResponse([&server](const httplib::Request&, httplib::Response& res) {
    GuardedServer::Fault fault = GuardedServer::CurrentFault();
    if (fault != GuardedServer::Fault::kNone) {
      ApiError e = FaultError(fault, server.limits());
      res.status = e.status;
      res.set_content(ErrorBody(e), kJsonType);
    } else if (res.body.empty()) {
      res.set_content(ErrorBody(StatusError(res.status)), kJsonType);
    }
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    if (res.status == 400 || res.status == 405 || res.status >= 413) GuardedServer::CloseAfterResponse();
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
    } catch (...) {
      spdlog::error("{} {}: an unknown exception", req.method, req.path);
    }
    res.headers.erase("Content-Type");
    SendError(res, StatusError(500));
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    spdlog::info("{} {} {} -> {}", req.remote_addr, req.method, req.path, res.status);
  });
}

}  // namespace tledger::server
