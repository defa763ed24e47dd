// The proof commands of issue 13 (core/TREE.md, "The CLI of the second
// part"): keys, signed checkpoints, inclusion and consistency proofs,
// checkpoints checked against the ledger, and a witness.
//
//   tledger keygen dao-tao.cantho.gov.vn/tledger -o ledger.key     # prints the verifier key
//   tledger checkpoint --sign ledger.key --origin dao-tao.cantho.gov.vn/tledger
//   tledger prove 12 [--size 26]
//   tledger prove --consistency 20 26
//   tledger verify --checkpoint cp.note --key ledger.vkey [--witness w.vkey ... --witnesses-needed 1]
//   tledger witness cosign --key witness.key --state DIR [--log-key VKEY] cp.note [--proof PROOF.json]
//
// Each checks its options before it opens anything, reads the ledger with
// OpenMode::kRead (checkpoint --sign takes the writer's lock only the once
// it fixes the origin), and writes its result to Globals::out only.
#ifndef TLEDGER_TOOLS_CLI_PROOF_COMMANDS_H_
#define TLEDGER_TOOLS_CLI_PROOF_COMMANDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "tools/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace tledger {

struct KeygenArgs {
  std::string name;
  std::string out;          // -o KEYFILE
  bool witness = false;     // a cosignature/v1 key
};
// Writes the private key (tools/cli/key_file.h) and prints the verifier key.
Status CmdKeygen(const Globals& g, const KeygenArgs& a);

struct SignArgs {
  std::string key_file;     // --sign
  std::string origin;       // --origin: fixes the ledger's origin the first time
};
// `checkpoint --sign`: verifies the ledger as `checkpoint` does, then prints
// the signed note of the head (origin, size, root). InvalidInput with no
// origin fixed and none given, or a key not named after the origin;
// Conflict when --origin differs from the fixed one.
Status CmdSignedCheckpoint(const Globals& g, const CheckpointArgs& c, const SignArgs& a);

struct ProveArgs {
  std::vector<uint64_t> seq;          // SEQ (0 or 1 of them)
  std::vector<uint64_t> size;         // --size N (0 or 1)
  std::vector<uint64_t> consistency;  // --consistency M N (0 or 2)
};
// The inclusion proof of event SEQ in the tree of N events (default: the
// head), or the consistency proof from M to N events, as JSON
// (core/proof_json.h). InvalidInput for a seq or size outside the ledger.
Status CmdProve(const Globals& g, const ProveArgs& a);

struct CheckpointCheckArgs {
  std::string note_file;              // --checkpoint
  std::string key;                    // --key: the ledger's verifier key (or a file holding it)
  std::vector<std::string> witnesses; // --witness, each a verifier key or a file
  std::vector<size_t> needed;         // --witnesses-needed K (default: every witness given)
};
// `verify --checkpoint`: the note opened against the policy (the ledger's
// key, and K of the witnesses), its origin the ledger's, its size not past
// the head and its root the ledger's tree's at that size; then the full
// `verify`. Prints verify's line and "checkpoint N verified (...)".
// Corruption (exit 3) for each disagreement.
Status CmdVerifyCheckpoint(const Globals& g, const VerifyArgs& v, const CheckpointCheckArgs& a);

struct WitnessArgs {
  std::string key_file;    // --key: the witness's private key (keygen --witness)
  std::string state;       // --state DIR
  std::string log_key;     // --log-key: the ledger's verifier key, the first time
  std::string note_file;   // NOTEFILE
  std::string proof_file;  // --proof
};
// tools/cli/witness.h; prints the cosigned note.
Status CmdWitnessCosign(const Globals& g, const WitnessArgs& a);

// Everything the commands above read from the command line.
struct ProofArgs {
  KeygenArgs keygen;
  SignArgs sign;
  ProveArgs prove;
  CheckpointCheckArgs check;
  WitnessArgs witness;
};

// Registers keygen, prove and witness cosign on `app`; the chosen one sets
// `run`. `g` and `a` must outlive the parse and the run. (checkpoint
// --sign and verify --checkpoint are options of those commands, in
// tools/cli/cli.cc.)
void AddProofCommands(CLI::App& app, const Globals& g, ProofArgs& a, std::function<Status()>& run);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_PROOF_COMMANDS_H_
