// Helpers for the naba-index end-to-end tests: writing fixture files, reading the
// closing summary, and running naba-index as a child process that a test can signal.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace naba::e2e {

// naba-index --db DB ARGS... (the test binaries' path to it).
CliResult index(const std::string& db, const std::vector<std::string>& args);

// naba-index --db DB ARGS... under NABA_ANALYSIS=`spec` (an index built with other
// analysis switches), the environment restored after it.
CliResult index_with_analysis(const std::string& spec, const std::string& db, const std::vector<std::string>& args);

// True when `text` (what a run printed) contains `part`.
bool has(const std::string& text, const std::string& part);

// Writes `content` to `path`, creating the folders.
void write_file(const std::string& path, const std::string& content);

// The ids naba-search returns for `query` on the index at `db` (up to 100000), sorted.
std::vector<std::string> search_ids(const std::string& db, const std::string& query);

// A JSONL file of `count` records "d0".."d<count-1>", each a few dozen words long.
std::string generated_jsonl(long count);

// A JSONL file of `documents` records "s0".."s<documents-1>", each "ceasefire" and
// `words_each` distinct spelling words of letters only ("zq" and a number in letters).
std::string lettered_jsonl(int documents, int words_each);

// Starts naba-index with `args`, stderr to `err_path`; returns its pid.
pid_t start_indexer(const std::vector<std::string>& args, const std::string& err_path);

// Waits for the child; returns its exit status, or 128 + the signal that ended it.
int wait_for(pid_t pid);

// Runs naba-index with `args` (stderr to `err_path`), pausing `pause_ms` after each step
// of its spelling refresh (NABA_TEST_SPELLING_STEP_PAUSE_MS) so that a signal can come
// between two; once `ready` holds for what it has printed (up to 30 s), waits
// `delay_ms` more and sends SIGINT. Returns its exit status (as wait_for).
int interrupt_spelling_steps(const std::vector<std::string>& args, const std::string& err_path, int pause_ms,
                             const std::function<bool(const std::string&)>& ready, int delay_ms);

// Waits until the index at `db` holds at least `documents` committed documents
// (false after 30 s).
bool wait_for_documents(const std::string& db, unsigned documents);

// Documents committed in the index at `db` (opened read-only, as a searcher would).
unsigned committed_documents(const std::string& db);

std::string read_file(const std::string& path);

// The stem synonym table of the index at `db`: one "key -> form" line per entry, in
// key order (to compare two indexes' tables).
std::vector<std::string> synonym_table(const std::string& db);

// The spelling table of the index at `db`: each word with its frequency.
std::map<std::string, unsigned> spelling_table(const std::string& db);

}  // namespace naba::e2e
