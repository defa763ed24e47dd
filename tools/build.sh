#!/usr/bin/env bash
# Configures tledger (unless the build directory is configured already) and
# builds it with every core. Used by tools/test.sh and tools/demo.sh.
#
#   tools/build.sh              everything
#   tools/build.sh tledger      just these targets
#
# BUILD_DIR: the build directory (default: build under the repository root;
# a relative path is taken from the repository root). BUILD_TYPE: the CMake
# build type of a new configuration (default RelWithDebInfo).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${BUILD_DIR:-build}

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  generator=()
  if command -v ninja >/dev/null; then generator=(-G Ninja); fi
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
fi
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build_dir" --parallel "$(nproc)" "${targets[@]}"
