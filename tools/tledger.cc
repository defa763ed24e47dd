// The `tledger` executable: see shared/spec/cli.md and README.md.
#include "tools/cli/cli.h"

int main(int argc, char** argv) { return tledger::RunCli(argc, argv); }
