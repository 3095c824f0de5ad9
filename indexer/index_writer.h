// The writer stage of naba-index: applies the jobs of each batch to the database in
// input order (Xapian has one writer), commits every --batch-size documents, and at
// the end removes the documents of files that disappeared from a directory argument.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "index_job.h"
#include "run_report.h"

namespace naba::indexer {

class IndexWriter {
  public:
    IndexWriter(SharedDatabase& db, Reporter& reporter, long batch_size);

    void apply(JobBatch& batch);

    // For each root in `roots`: deletes the documents under its root term whose
    // source file is not in `present` (canonical paths of the files walked).
    void remove_vanished(const std::vector<std::string>& roots, const std::unordered_set<std::string>& present);

    void commit();

  private:
    void write(IndexJob& job);

    SharedDatabase& db_;
    Reporter& reporter_;
    long batch_size_;
    long pending_ = 0;
};

// The analysis stage for one job (runs in parallel, one DocumentBuilder per thread):
// builds job.xdoc with the incremental slots and the root term.
class DocumentBuilder;
void analyse(IndexJob& job, DocumentBuilder& builder);

}  // namespace naba::indexer
