// A program that links one library and calls into it, built with
// --no-as-needed so that every shared library on its link line is recorded
// in it (DT_NEEDED): link_check_test reads what it was linked with. One
// source for every probe: LINK_PROBE_PROJECTIONS picks a projection.
#include <cstdio>
#include <string>

#include "core/merkle.h"
#include "core/note_key.h"
#ifdef LINK_PROBE_PROJECTIONS
#include "projections/rulebook.h"
#endif

int main() {
  tledger::Hash root = tledger::merkle::EmptyRoot();
  std::printf("%d %d\n", root[0], tledger::note::IsValidKeyName("probe") ? 1 : 0);
#ifdef LINK_PROBE_PROJECTIONS
  std::printf("%s\n", std::string(tledger::Info(tledger::Rulebook::k2025).code).c_str());
#endif
  return 0;
}
