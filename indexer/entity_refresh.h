// Re-tagging an index whose entities were recognised with another gazetteer (the
// user's --gazetteer changed, or a new Naba version ships new entities or a better
// tagger): every document's entity terms, facet value and stored list are replaced
// with what the current tagger finds in its stored title and text, so filters and
// facets never mix two gazetteers. Runs only when the index's entity fingerprint
// (schema::kEntityFingerprintKey) differs from the current one.
#pragma once

#include <atomic>
#include <string>

#include "document_builder.h"
#include "index_job.h"
#include "index_writer.h"
#include "run_report.h"

namespace naba::indexer {

// Re-tags every document of db, committing by `limits`, then records `fingerprint`.
// Returns the number of documents re-tagged. When `stop` becomes non-zero it commits
// what was done and returns without recording the fingerprint, so the next run
// re-tags again (re-tagging is idempotent).
long retag_all(SharedDatabase& db, const DocumentBuilder& builder, const CommitLimits& limits,
               const std::string& fingerprint, const std::atomic<int>& stop);

}  // namespace naba::indexer
