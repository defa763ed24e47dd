// Opens a file `import` reads: the user's path, followed if it is a link,
// must lead to a regular file; "-" is stdin, whatever it is.
//
//   Result<InputFile> in = OpenInputFile(path);   // in->fd, in->name
//
// A device, a pipe, a socket or a directory is refused naming what it is
// (a `.csv` link to /dev/zero would otherwise be read for ever), before a
// byte of it is read; a FIFO is opened without waiting for a writer.
#ifndef TLEDGER_TOOLS_CLI_INPUT_FILE_H_
#define TLEDGER_TOOLS_CLI_INPUT_FILE_H_

#include <string>

#include "core/status.h"

namespace tledger {

struct InputFile {
  int fd = -1;       // owned by the caller; 0 for stdin
  std::string name;  // for messages: the path, or "<stdin>"
};

// InvalidInput "PATH: cannot be read: ..." when it cannot be opened;
// InvalidInput "PATH: not a regular file but ... (import reads regular
// files, or - for stdin)" otherwise refused.
Result<InputFile> OpenInputFile(const std::string& path);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_INPUT_FILE_H_
