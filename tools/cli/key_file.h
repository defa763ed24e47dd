// Key files and key arguments of the proof commands (core/note_key.h has
// the text forms):
//
//   TLEDGER_RETURN_IF_ERROR(WriteNewKeyFile(path, key.Format() + "\n"));    // keygen
//   Result<note::SignerKey> k = ReadSignerKey("--sign", path, note::KeyType::kEd25519);
//   Result<note::VerifierKey> v = VerifierKeyArg("--key", text_or_path);
//
// A private key file is created with mode 0600, never over an existing file
// or through a link (O_CREAT | O_EXCL | O_NOFOLLOW), and never inside a
// ledger directory (one holding `tledger.lock` or RocksDB's `CURRENT`, or
// below one): a copy of the ledger would carry its signing key.
#ifndef TLEDGER_TOOLS_CLI_KEY_FILE_H_
#define TLEDGER_TOOLS_CLI_KEY_FILE_H_

#include <string>
#include <string_view>

#include "core/note_key.h"
#include "core/status.h"

namespace tledger {

// Creates `path` holding `text`, mode 0600, synced. InvalidInput when
// `path` exists (a link included) or lies inside a ledger directory;
// IoError when it cannot be written (the file then removed).
Status WriteNewKeyFile(const std::string& path, std::string_view text);

// The private key in the file at `path`, of `type`. InvalidInput naming
// `option` and the file when it is not a key of that type (a witness key
// where a ledger key is expected, or the reverse); NotFound when there is
// no file. Warns when others may read the file.
Result<note::SignerKey> ReadSignerKey(const char* option, const std::string& path, note::KeyType type);

// A verifier key given on the command line: the key itself
// (`name+id+base64`, as keygen prints it) or a file holding it.
// InvalidInput naming `option` otherwise.
Result<note::VerifierKey> VerifierKeyArg(const char* option, const std::string& text_or_path);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_KEY_FILE_H_
