// The `tledger` command line (shared/spec/cli.md): parses, runs one command,
// prints its error, and returns the process exit code (0 success, 1 bad input
// or usage, 2 the ledger cannot be opened, 3 integrity failure).
#ifndef TLEDGER_TOOLS_CLI_CLI_H_
#define TLEDGER_TOOLS_CLI_CLI_H_

namespace tledger {

int RunCli(int argc, char** argv);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_CLI_H_
