// What a bundle records of the program that made it, and tledger-verify
// prints of itself: the version, and the source it was built from.
//
//   std::string_view v = TledgerVersion();   // "0.1.0"
//   std::string_view b = TledgerBuild();     // "git 1a2b...(40 hex)", "+dirty" when built from changed files
//
// TledgerBuild() is generated at build time (tools/build_id.cmake) into the
// executables tledger and tledger-verify only, so that a commit relinks
// those two and nothing else; anything else linking this library (tests,
// benchmarks) gets the default "unknown" (a weak definition).
#ifndef TLEDGER_TOOLS_CLI_BUILD_INFO_H_
#define TLEDGER_TOOLS_CLI_BUILD_INFO_H_

#include <string_view>

namespace tledger {

std::string_view TledgerVersion();
std::string_view TledgerBuild();

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_BUILD_INFO_H_
