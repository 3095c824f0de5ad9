// One run of naba-index: reads every input file, builds documents and writes them to
// the Xapian database (replacing documents by id), committing in batches, and keeps
// the counts and problems for the closing summary.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include "analyzer.h"
#include "document_builder.h"
#include "document_readers.h"
#include "input_walker.h"

namespace naba::indexer {

struct RunSettings {
    std::string db_dir;
    long batch_size = 2000;
    std::uintmax_t max_file_bytes = 64u << 20;
    bool quiet = false;
    bool verbose = false;
};

struct RunCounts {
    long files = 0;
    long added = 0;
    long replaced = 0;
    long duplicates = 0;                   // ids seen twice in this run (last one wins)
    long warnings = 0;
    std::map<std::string, long> skipped;   // reason -> count (files or JSONL lines)

    long skipped_total() const;
};

class IndexRun {
  public:
    // Opens (or creates) the database; throws Xapian::Error on failure.
    explicit IndexRun(const RunSettings& settings);

    void index_file(const InputFile& file);
    void report_skip(const std::string& where, const std::string& reason, const std::string& detail);
    void finish();  // final commit

    const RunCounts& counts() const { return counts_; }

  private:
    void add(schema::StoredDocument&& doc);
    void warn(const std::string& where, const std::string& message);
    void on_problem(const ReadProblem& problem);

    RunSettings settings_;
    Analyzer analyzer_;
    DocumentBuilder builder_;
    Xapian::WritableDatabase db_;
    RunCounts counts_;
    std::unordered_set<std::string> seen_ids_;
    long pending_ = 0;
};

}  // namespace naba::indexer
