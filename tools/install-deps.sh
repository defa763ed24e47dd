#!/usr/bin/env bash
# Installs the Debian 12 packages tledger needs to build and test, the
# compiler and cmake included. Idempotent: a package already installed is
# skipped, and `apt-get update` runs only when something is missing.
#
#   tools/install-deps.sh            build + test packages
#   tools/install-deps.sh --fuzz     also clang and its libFuzzer runtime
#   tools/install-deps.sh --postgres also PostgreSQL 15 (benchmark comparison)
set -euo pipefail

packages=(
  # toolchain
  g++ make cmake pkg-config ninja-build git ca-certificates
  # libraries (Debian's registry only)
  librocksdb-dev capnproto libcapnp-dev libspdlog-dev libfmt-dev
  libgtest-dev libgmock-dev libcli11-dev libsimdjson-dev nlohmann-json3-dev
  libssl-dev libsodium-dev libbenchmark-dev libicu-dev libxlsxwriter-dev python3-openpyxl
  # --format pdf (tools/cli/render_pdf.h): cairo and pango lay the page out,
  # libqrencode draws the ledger head's QR code, Noto Sans and Serif (with
  # Vietnamese) are the fonts; the tests read the PDF back with poppler-utils
  # (pdftotext, pdftoppm) and the QR code with zbar-tools (zbarimg)
  libcairo2-dev libpango1.0-dev libqrencode-dev fonts-noto-core fonts-noto-mono
  poppler-utils zbar-tools
  # zstd: the events of an evidence bundle (core/bundle.h)
  libzstd-dev
  # Go and its x/mod sources: tests/interop_test checks tledger's Merkle
  # proofs and signed notes against sumdb/tlog and sumdb/note (GOPATH mode,
  # offline)
  golang-go golang-golang-x-mod-dev
  # tledger serve (tools/server/README.md): cpp-httplib, built with OpenSSL
  libcpp-httplib-dev
  # tools the tests use: util-linux (flock, mount), e2fsprogs (mkfs.ext4 for
  # the disk-full test), procps (ps), psmisc (killall), openssl (a TLS
  # certificate for the server's tests), chromium (the browser tests drive
  # /usr/bin/chromium; nothing is downloaded at run time)
  util-linux e2fsprogs procps psmisc openssl chromium
)
# The web page (tools/web) is built with node and npm: `npm ci` installs
# what its package-lock.json lists at build time. Debian's nodejs and npm
# when the machine has no node yet; a machine that has one (a newer Node.js
# whose package provides npm, which Debian's npm conflicts with) keeps it.
# The build needs Node.js 20.19 or later and says so otherwise.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi
for arg in "$@"; do
  case "$arg" in
    --fuzz) packages+=(clang libclang-rt-14-dev llvm) ;;
    --postgres) packages+=(postgresql-15 postgresql-client-15) ;;
    *) echo "install-deps.sh: unknown option '$arg' (expected --fuzz or --postgres)" >&2; exit 1 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps.sh: missing packages (${missing[*]}) and not root; run as root" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
