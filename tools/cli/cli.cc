#include "tools/cli/cli.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <spdlog/details/null_mutex.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include "core/printable.h"
#include "tools/cli/batches.h"
#include "tools/cli/bundle_command.h"
#include "tools/cli/commands.h"
#include "tools/cli/people_commands.h"
#include "tools/cli/proof_commands.h"
#include "tools/cli/report_commands.h"
#include "tools/server/serve.h"

namespace tledger {
namespace {

std::string EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

// stderr, every message Escaped() (core/printable.h): messages quote ids,
// names, index keys and file contents, and none of it may steer the
// terminal. Lines a message has on purpose are kept.
class EscapingStderrSink : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    std::string text = Escaped(std::string_view(formatted.data(), formatted.size()), /*keep_newlines=*/true);
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

void SetUpLogging(int verbose, int quiet) {
  auto logger = std::make_shared<spdlog::logger>("tledger", std::make_shared<EscapingStderrSink>());
  logger->set_pattern("tledger: %l: %v");
  spdlog::level::level_enum level = spdlog::level::warn;
  if (quiet > 0) level = spdlog::level::err;
  if (verbose == 1) level = spdlog::level::info;
  if (verbose >= 2) level = spdlog::level::debug;
  logger->set_level(level);
  spdlog::set_default_logger(logger);
}

}  // namespace

namespace {

// The command line as a shell takes it back: "tledger" and the arguments,
// each in single quotes unless it is made of characters a shell leaves alone.
std::string CommandLine(int argc, char** argv) {
  std::string out = "tledger";
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    bool plain = !arg.empty() && std::all_of(arg.begin(), arg.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_-./:=@%+,").find(c) != std::string_view::npos;
    });
    if (plain) {
      out += " " + std::string(arg);
      continue;
    }
    out += " '";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += "'";
  }
  return out;
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"tledger: an event-sourced audit ledger of the training of cadres, civil servants and public employees"};
  app.require_subcommand(1);
  Globals g;
  g.command = CommandLine(argc, argv);
  g.db = EnvOr("TLEDGER_DB", "./tledger-data");
  g.actor = EnvOr("USER", "unknown");
  int verbose = 0, quiet = 0;
  app.add_option("--db", g.db, "the ledger's directory (default: $TLEDGER_DB, else ./tledger-data)");
  app.add_option("--actor", g.actor, "who is recording: recorded_by of events that lack one (default: $USER)");
  app.add_flag("-v,--verbose", verbose, "more logging on stderr (twice for debug)");
  app.add_flag("-q,--quiet", quiet, "errors only on stderr");
  app.add_flag("--read-only", g.read_only, "refuse any command that would write to the ledger");

  std::function<Status()> run;

  ImportArgs import_args;
  CLI::App* import = app.add_subcommand("import", "append events from JSON Lines (.jsonl, - for stdin) or CSV files, each file all or nothing");
  import->add_option("files", import_args.files, "files to import")->required();
  import->add_option("--type", import_args.type, "the event type of CSV rows that have no `type` column");
  import->callback([&] { run = [&] { return CmdImport(g, import_args); }; });

  ExportArgs export_args;
  CLI::App* exp = app.add_subcommand("export", "write the ledger as JSON Lines, with seq, recorded_at and hash");
  exp->add_option("--from", export_args.from, "first seq (default 1)");
  exp->add_option("--to", export_args.to, "last seq (default: the head)");
  exp->callback([&] { run = [&] { return CmdExport(g, export_args); }; });

  ProofArgs proof_args;
  VerifyArgs verify_args;
  CLI::App* verify = app.add_subcommand("verify", "recompute the hash chain and check every record; exit 3 naming the first bad seq");
  verify->add_option("--expect-head", verify_args.expect_heads, "SEQ:HASH written down earlier (checkpoint); may repeat");
  verify->add_option("--anchors", verify_args.anchors_file, "a file of SEQ:HASH lines to check");
  verify->add_option("--checkpoint", proof_args.check.note_file, "a signed checkpoint to check against the ledger (with --key)");
  verify->add_option("--key", proof_args.check.key, "the ledger's verifier key, or a file holding it");
  verify->add_option("--witness", proof_args.check.witnesses, "a witness's verifier key (or file) whose cosignature counts; may repeat");
  verify->add_option("--witnesses-needed", proof_args.check.needed, "how many of the --witness keys must have cosigned (default: all)")->expected(1);
  verify->callback([&] {
    run = [&] {
      return proof_args.check.note_file.empty() ? CmdVerify(g, verify_args)
                                                : CmdVerifyCheckpoint(g, verify_args, proof_args.check);
    };
  });

  CheckpointArgs checkpoint_args;
  CLI::App* checkpoint = app.add_subcommand("checkpoint", "verify, then print the head as SEQ:HASH to write down or publish");
  checkpoint->add_option("--format", checkpoint_args.format, "table (SEQ:HASH) or json (default table)");
  checkpoint->add_option("--sign", proof_args.sign.key_file, "print the head as a signed checkpoint (C2SP), signed with this key file");
  checkpoint->add_option("--origin", proof_args.sign.origin, "the ledger's origin, fixed by the first --sign");
  checkpoint->callback([&] {
    run = [&] {
      return proof_args.sign.key_file.empty() ? CmdCheckpoint(g, checkpoint_args)
                                              : CmdSignedCheckpoint(g, checkpoint_args, proof_args.sign);
    };
  });

  LogArgs log_args;
  CLI::App* log = app.add_subcommand("log", "the latest events, one line each");
  log->add_option("--tail", log_args.tail, "how many (default 20; -1, or any negative number: every event)");
  log->add_option("--lang", log_args.lang, "vi or en (default vi)");
  log->add_option("--format", log_args.format, "table or json (default table)");
  log->callback([&] { run = [&] { return CmdLog(g, log_args); }; });

  HistoryArgs history_args;
  CLI::App* history = app.add_subcommand("history", "every event that concerns a person, plan, course, enrollment, decision or unit");
  history->add_option("id", history_args.id, "the id")->required();
  history->add_option("--known-at", history_args.known_at,
                      "only what was recorded by this instant (RFC 3339, or a date: the end of that day in Vietnam)");
  history->add_option("--format", history_args.format, "table or json (default table)");
  history->add_option("--lang", history_args.lang, "vi or en: the words of the text form (default vi)");
  history->callback([&] { run = [&] { return CmdHistory(g, history_args); }; });

  ReportArgs report_args;
  AddReportCommands(app, g, report_args, run);

  FindArgs find_args;
  PeopleArgs people_args;
  AddPeopleCommands(app, g, find_args, people_args, run);

  BatchesArgs batches_args;
  CLI::App* batches = app.add_subcommand("batches", "the import batches: the points of the known-at axis, with their seqs and recorders");
  batches->add_option("--format", batches_args.format, "table or json (default table)");
  batches->add_option("--lang", batches_args.lang, "vi or en: the table's words (default vi)");
  batches->callback([&] { run = [&] { return CmdBatches(g, batches_args); }; });

  AddProofCommands(app, g, proof_args, run);
  BundleArgs bundle_args;
  AddBundleCommand(app, g, bundle_args, run);

  server::ServeArgs serve_args;
  server::AddServeCommand(app, g, serve_args, run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 1;
  }
  SetUpLogging(verbose, quiet);
  Status s = run();
  std::fflush(g.out);
  if (!s.ok()) {
    spdlog::error("{}", s.message());
    return s.ExitCode();
  }
  return 0;
}

}  // namespace tledger
