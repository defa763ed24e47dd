// tledger-verify: checks an evidence bundle (`tledger bundle`) without the
// ledger and without RocksDB (core/FORMAT.md, "Evidence bundles"):
//
//   tledger-verify --key LEDGER-VKEY [--witness VKEY ... --witnesses-needed K] [--lang vi|en] FILE
//
// Exit 0 with a summary on stdout when everything agrees; 3 naming the
// first disagreement and its class on stderr; 1 for bad usage or a file
// that is not a bundle; 2 when the file cannot be read.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "core/bundle.h"
#include "core/printable.h"
#include "tools/cli/build_info.h"
#include "tools/cli/interim_files.h"
#include "tools/cli/key_file.h"
#include "tools/cli/labels.h"
#include "tools/verify/bundle_check.h"
#include "tools/verify/verify_summary.h"

namespace tledger {
namespace {

struct Args {
  std::string key;
  std::vector<std::string> witnesses;
  std::vector<size_t> needed;
  std::string lang = "vi";
  std::string file;
};

int Fail(const Status& s) {
  std::string line = "tledger-verify: " + Escaped(s.message(), /*keep_newlines=*/true) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  return s.ExitCode();
}

int Run(const Args& a) {
  Result<Lang> lang = ParseLang(a.lang);
  if (!lang.ok()) return Fail(lang.status());
  CheckPolicy policy;
  Result<note::VerifierKey> key = VerifierKeyArg("--key", a.key);
  if (!key.ok()) return Fail(key.status());
  policy.key = *key;
  for (const std::string& w : a.witnesses) {
    Result<note::VerifierKey> wk = VerifierKeyArg("--witness", w);
    if (!wk.ok()) return Fail(wk.status());
    policy.witnesses.push_back(*wk);
  }
  policy.witnesses_needed = a.needed.empty() ? policy.witnesses.size() : a.needed[0];
  if (policy.witnesses_needed > policy.witnesses.size()) {
    return Fail(Status::InvalidInput(fmt::format("--witnesses-needed {}: only {} --witness key(s) given",
                                                 policy.witnesses_needed, policy.witnesses.size())));
  }
  Result<std::string> file = interim::ReadSmallFile(a.file, 2 * bundle::kMaxSectionBytes);
  if (!file.ok()) {
    if (file.status().code() == Status::Code::kNotFound) return Fail(Status::InvalidInput(file.status().message()));
    return Fail(file.status());
  }
  Result<BundleCheck> check = CheckBundle(*file, policy);
  if (!check.ok()) return Fail(check.status());
  if (check->disagreement) {
    std::string line = DisagreementLine(*check->disagreement, *lang);
    std::fwrite(line.data(), 1, line.size(), stderr);
    return Status::Corruption("").ExitCode();
  }
  std::string summary =
      Summary(check->facts, *lang, fmt::format("tledger-verify {} {}", TledgerVersion(), TledgerBuild()));
  std::fwrite(summary.data(), 1, summary.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 2;
}

}  // namespace
}  // namespace tledger

int main(int argc, char** argv) {
  tledger::Args a;
  CLI::App app{"tledger-verify: checks an evidence bundle made by `tledger bundle`, without the ledger"};
  app.add_option("--key", a.key, "the ledger's verifier key (name+id+key), or a file holding it")->required();
  app.add_option("--witness", a.witnesses, "a witness's verifier key (or file) whose cosignature counts; may repeat");
  app.add_option("--witnesses-needed", a.needed, "how many of the --witness keys must have cosigned (default: all)")
      ->expected(1);
  app.add_option("--lang", a.lang, "vi or en: the summary's language (default vi)");
  app.add_option("file", a.file, "the bundle")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 1;
  }
  return tledger::Run(a);
}
