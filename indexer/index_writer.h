// The writer stage of naba-index: applies the jobs of each batch to the database in
// input order (Xapian has one writer), commits every --batch-size documents (or
// earlier, when the pending documents' text passes --max-memory), and at the end
// removes the documents of files that disappeared from a directory argument.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyzer.h"
#include "document_builder.h"
#include "index_job.h"
#include "run_report.h"

namespace naba::indexer {

// When a writer commits: after `documents` documents, or as soon as the text of the
// uncommitted documents passes `text_bytes` (Xapian keeps their postings and
// positions in memory until the commit, roughly in proportion to the text).
struct CommitLimits {
    long documents = 2000;
    std::uint64_t text_bytes = std::uint64_t{64} << 20;
};

// Counts documents and text since the last commit against CommitLimits.
class PendingBatch {
  public:
    explicit PendingBatch(const CommitLimits& limits) : limits_(limits) {}
    // Records one written document; true when it is time to commit.
    bool add(std::uint64_t text_bytes) {
        bytes_ += text_bytes;
        return ++documents_ >= limits_.documents || bytes_ >= limits_.text_bytes;
    }
    void reset() { documents_ = 0, bytes_ = 0; }

  private:
    CommitLimits limits_;
    long documents_ = 0;
    std::uint64_t bytes_ = 0;
};

// What each analysis thread owns: the Analyzer's stemmers keep state, so they are
// never shared between threads.
struct AnalysisWorker {
    // `tagger` is shared by all workers (read-only); nullptr: no entity recognition.
    explicit AnalysisWorker(const entities::EntityTagger* tagger) : builder(analyzer, tagger) {}
    Analyzer analyzer;
    DocumentBuilder builder;
};

class IndexWriter {
  public:
    IndexWriter(SharedDatabase& db, Reporter& reporter, const CommitLimits& limits);

    void apply(JobBatch& batch);

    // For each root in `roots`: deletes the documents under its root term whose
    // source file is not in `present` (canonical paths of the files walked).
    void remove_vanished(const std::vector<std::string>& roots, const std::unordered_set<std::string>& present);

    void commit();

  private:
    void write(IndexJob& job);
    void prune(const IndexJob& job);  // caller holds db_.mutex

    SharedDatabase& db_;
    Reporter& reporter_;
    PendingBatch pending_;
};

// The analysis stage for one job (runs in parallel, one DocumentBuilder per thread):
// builds job.xdoc with the incremental slots and the root term.
void analyse(IndexJob& job, DocumentBuilder& builder);

}  // namespace naba::indexer
