// The inspector's page, built by Vite from tools/web/ at build time and
// embedded in the binary (tools/server/embed_assets.cc writes the table), so
// `tledger serve` needs no node and no files at run time.
//
//   if (const Asset* a = FindAsset("/index.html")) res.set_content(...);
#ifndef TLEDGER_TOOLS_SERVER_ASSETS_H_
#define TLEDGER_TOOLS_SERVER_ASSETS_H_

#include <span>
#include <string_view>

namespace tledger::server {

struct Asset {
  std::string_view path;          // "/index.html", "/assets/index-3f9a1c.js"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view etag;          // strong: "\"sha256:<first 32 hex digits of the body's SHA-256>\""
  std::string_view body;
};

// Every embedded file, sorted by path (byte order); empty when the build
// was configured with -DTLEDGER_WEB=OFF.
std::span<const Asset> WebAssets();

// The file at exactly `path`, or null; never a file system lookup, so no
// path (`..`, `%2e%2e`, an absolute path) can reach anything else.
const Asset* FindAsset(std::string_view path);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_ASSETS_H_
