// Helpers for the tests of naba-index's parallel fresh build: comparing two indexes
// whole, and starting or killing a build on two threads.
#pragma once

#include <sys/types.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace naba::e2e {

// ctest runs some cases again with NABA_ANALYSIS=no-stem-synonyms (tests/CMakeLists.txt).
bool stem_synonyms_expected();

// Everything a search can see, in a form two indexes can be compared by: each term
// with its frequencies and, per document id, the document's terms, positions and data.
struct IndexContents {
    std::map<std::string, std::pair<unsigned, unsigned>> terms;  // term -> (termfreq, collfreq)
    std::map<std::string, std::string> documents;                // id term -> data + terms + positions
    std::map<std::string, unsigned> spellings;
    std::map<std::string, std::set<std::string>> synonyms;  // stem key -> written forms
    std::map<std::string, std::string> metadata;
    unsigned doccount = 0;
};

IndexContents contents(const std::string& path);

// Starts a parallel fresh build of `jsonl` into `db` and returns once its shards are
// being written (their work directory exists) and a little more.
pid_t start_sharded_build(const std::string& db, const std::string& jsonl, const std::string& stderr_path);

// Runs a parallel fresh build (batches of 100) with `args` until at least `documents`
// are committed, then kills it with SIGKILL; returns the documents the index holds.
unsigned kill_build_after(const std::vector<std::string>& args, const std::string& db, const std::string& err_path,
                          unsigned documents = 300);

// The same for the common case: `jsonl` into `db` on two threads.
unsigned kill_build_after(const std::string& db, const std::string& jsonl, const std::string& err_path,
                          unsigned documents = 300);

}  // namespace naba::e2e
