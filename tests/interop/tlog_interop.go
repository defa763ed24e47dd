// tlog_interop checks tledger's Merkle proofs and signed notes with an
// independent implementation, Go's golang.org/x/mod/sumdb/tlog and
// sumdb/note (Debian's golang-golang-x-mod-dev), and signs notes for
// tledger to check. Built and run by tests/interop_test.cc in GOPATH mode,
// offline:
//
//	GO111MODULE=off GOPATH=$tmp:/usr/share/gocode GOPROXY=off go build -o tlog_interop tlog_interop.go
//
//	tlog_interop merkle FILE.json         the tree tledger built (see interop_test.cc)
//	tlog_interop open VKEY NOTEFILE       note.Open with one verifier key
//	tlog_interop cosignature VKEY NOTEFILE  a C2SP cosignature/v1 line, checked with crypto/ed25519
//	tlog_interop sign SEEDHEX|random NAME TEXTFILE   note.GenerateKey, then note.Sign
//
// Each prints what it found on stdout and exits 1 (the reason on stderr)
// at the first disagreement.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tlog_interop: "+format+"\n", args...)
	os.Exit(1)
}

// The tree as tledger describes it.
type proof struct {
	Index  int64       `json:"index"`
	Hashes []tlog.Hash `json:"hashes"`
}
type consistency struct {
	Old     int64       `json:"old"`
	OldRoot tlog.Hash   `json:"old_root"`
	Hashes  []tlog.Hash `json:"hashes"`
}
type tree struct {
	Size        int64         `json:"size"`
	Root        tlog.Hash     `json:"root"`
	Inclusion   []proof       `json:"inclusion"`
	Consistency []consistency `json:"consistency"`
}
type merkleFile struct {
	Leaves []string    `json:"leaves"` // base64 leaf data
	Stored []tlog.Hash `json:"stored"` // tledger's stored hashes, by stored index
	Trees  []tree      `json:"trees"`
}

// hashStore is tlog's own storage: the stored hashes it computes.
type hashStore []tlog.Hash

func (s *hashStore) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x >= int64(len(*s)) {
			return nil, fmt.Errorf("no stored hash %d", x)
		}
		out[i] = (*s)[x]
	}
	return out, nil
}

func sameHashes(a, b []tlog.Hash) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func merkle(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	var f merkleFile
	if err := json.Unmarshal(data, &f); err != nil {
		fail("%s: %v", path, err)
	}
	// tlog builds its own tree from the leaf data.
	var store hashStore
	records := make([]tlog.Hash, len(f.Leaves))
	for n, b64 := range f.Leaves {
		leaf, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			fail("leaf %d: %v", n, err)
		}
		records[n] = tlog.RecordHash(leaf)
		if int64(len(store)) != tlog.StoredHashIndex(0, int64(n)) {
			fail("leaf %d: tlog expects stored index %d, has %d", n, tlog.StoredHashIndex(0, int64(n)), len(store))
		}
		hashes, err := tlog.StoredHashes(int64(n), leaf, &store)
		if err != nil {
			fail("leaf %d: %v", n, err)
		}
		store = append(store, hashes...)
	}
	if int64(len(store)) != tlog.StoredHashCount(int64(len(f.Leaves))) || !sameHashes(store, f.Stored) {
		for i := range store {
			if i >= len(f.Stored) || store[i] != f.Stored[i] {
				level, n := tlog.SplitStoredHashIndex(int64(i))
				fail("stored hash %d (level %d, index %d) differs from tledger's", i, level, n)
			}
		}
		fail("tledger stores %d hashes, tlog %d", len(f.Stored), len(store))
	}
	inclusions, consistencies, refused := 0, 0, 0
	for _, t := range f.Trees {
		root, err := tlog.TreeHash(t.Size, &store)
		if err != nil || root != t.Root {
			fail("size %d: tlog.TreeHash = %v (%v), tledger's root %v", t.Size, root, err, t.Root)
		}
		for _, p := range t.Inclusion {
			if err := tlog.CheckRecord(p.Hashes, t.Size, t.Root, p.Index, records[p.Index]); err != nil {
				fail("size %d, leaf %d: tlog.CheckRecord: %v", t.Size, p.Index, err)
			}
			own, err := tlog.ProveRecord(t.Size, p.Index, &store)
			if err != nil || !sameHashes(own, p.Hashes) {
				fail("size %d, leaf %d: tlog.ProveRecord gives another proof", t.Size, p.Index)
			}
			if len(p.Hashes) > 0 {
				bad := append([]tlog.Hash(nil), p.Hashes...)
				bad[len(bad)-1][0] ^= 1
				if tlog.CheckRecord(bad, t.Size, t.Root, p.Index, records[p.Index]) == nil {
					fail("size %d, leaf %d: tlog accepts a changed proof", t.Size, p.Index)
				}
				refused++
			}
			inclusions++
		}
		for _, c := range t.Consistency {
			oldRoot, err := tlog.TreeHash(c.Old, &store)
			if err != nil || oldRoot != c.OldRoot {
				fail("size %d: tlog.TreeHash = %v, tledger's old root %v", c.Old, oldRoot, c.OldRoot)
			}
			if err := tlog.CheckTree(c.Hashes, t.Size, t.Root, c.Old, c.OldRoot); err != nil {
				fail("%d to %d: tlog.CheckTree: %v", c.Old, t.Size, err)
			}
			own, err := tlog.ProveTree(t.Size, c.Old, &store)
			if err != nil || !sameHashes(own, c.Hashes) {
				fail("%d to %d: tlog.ProveTree gives another proof", c.Old, t.Size)
			}
			if len(c.Hashes) > 0 {
				bad := append([]tlog.Hash(nil), c.Hashes...)
				bad[0][31] ^= 0x80
				if tlog.CheckTree(bad, t.Size, t.Root, c.Old, c.OldRoot) == nil {
					fail("%d to %d: tlog accepts a changed proof", c.Old, t.Size)
				}
				refused++
			}
			consistencies++
		}
	}
	fmt.Printf("merkle: %d leaves, %d stored hashes, %d roots, %d inclusion proofs, %d consistency proofs agree with tlog; %d changed proofs refused\n",
		len(f.Leaves), len(store), len(f.Trees), inclusions, consistencies, refused)
}

func open(vkey, path string) {
	msg, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	v, err := note.NewVerifier(vkey)
	if err != nil {
		fail("note.NewVerifier: %v", err)
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		fail("note.Open: %v", err)
	}
	for _, s := range n.Sigs {
		fmt.Printf("verified %s+%08x\n", s.Name, s.Hash)
	}
	for _, s := range n.UnverifiedSigs {
		fmt.Printf("unverified %s+%08x\n", s.Name, s.Hash)
	}
	fmt.Printf("text:\n%s", n.Text)
}

// cosignature checks a C2SP tlog-cosignature (cosignature/v1, Ed25519,
// type 0x04) from the specification alone: x/mod's note package knows
// only type 0x01.
func cosignature(vkey, path string) {
	msg, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		fail("verifier key: expected name+id+key")
	}
	name := parts[0]
	key, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(key) != 33 || key[0] != 0x04 {
		fail("verifier key: not a cosignature/v1 key")
	}
	h := sha256.Sum256(append([]byte(name+"\n"), key...))
	id := binary.BigEndian.Uint32(h[:4])
	if fmt.Sprintf("%08x", id) != parts[1] {
		fail("verifier key: the id %s is not the key's (%08x)", parts[1], id)
	}
	split := bytes.LastIndex(msg, []byte("\n\n"))
	if split < 0 {
		fail("not a note")
	}
	text, sigs := msg[:split+1], string(msg[split+2:])
	for _, line := range strings.Split(strings.TrimSuffix(sigs, "\n"), "\n") {
		fields := strings.SplitN(strings.TrimPrefix(line, "— "), " ", 2)
		raw, err := base64.StdEncoding.DecodeString(fields[1])
		if err != nil || fields[0] != name || len(raw) < 4 || binary.BigEndian.Uint32(raw) != id {
			continue
		}
		if len(raw) != 4+8+64 {
			fail("the cosignature is %d bytes, not 76", len(raw))
		}
		t := binary.BigEndian.Uint64(raw[4:12])
		signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), text...)
		if !ed25519.Verify(ed25519.PublicKey(key[1:]), signed, raw[12:]) {
			fail("the cosignature by %s+%08x does not verify", name, id)
		}
		fmt.Printf("cosignature by %s+%08x at %d verifies\n", name, id, t)
		return
	}
	fail("no cosignature by %s+%08x", name, id)
}

func sign(seed, name, path string) {
	text, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	var r io.Reader = rand.Reader
	if seed != "random" {
		b, err := hex.DecodeString(seed)
		if err != nil || len(b) != 32 {
			fail("seed: 64 hex digits")
		}
		r = bytes.NewReader(b)
	}
	skey, vkey, err := note.GenerateKey(r, name)
	if err != nil {
		fail("note.GenerateKey: %v", err)
	}
	signer, err := note.NewSigner(skey)
	if err != nil {
		fail("note.NewSigner: %v", err)
	}
	msg, err := note.Sign(&note.Note{Text: string(text)}, signer)
	if err != nil {
		fail("note.Sign: %v", err)
	}
	fmt.Printf("%s\n%s\n%s", skey, vkey, msg)
}

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 2 && args[0] == "merkle":
		merkle(args[1])
	case len(args) == 3 && args[0] == "open":
		open(args[1], args[2])
	case len(args) == 3 && args[0] == "cosignature":
		cosignature(args[1], args[2])
	case len(args) == 4 && args[0] == "sign":
		sign(args[1], args[2], args[3])
	default:
		fail("usage: merkle FILE | open VKEY NOTEFILE | cosignature VKEY NOTEFILE | sign SEEDHEX|random NAME TEXTFILE")
	}
}
