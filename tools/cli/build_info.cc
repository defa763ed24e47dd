#include "tools/cli/build_info.h"

namespace tledger {

std::string_view TledgerVersion() { return TLEDGER_VERSION; }

// Replaced by the generated definition in tledger and tledger-verify.
__attribute__((weak)) std::string_view TledgerBuild() { return "unknown"; }

}  // namespace tledger
