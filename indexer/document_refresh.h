// Bringing every document of an index up to date with what this naba-index would
// make of it, from the record each document stores (its title, text and fields), so
// that no source file has to be read again and documents whose files are gone are
// kept too:
//  - re-tagging, when the entities were recognised with another gazetteer (the
//    user's --gazetteer changed, or a new Naba ships new entities or a better
//    tagger; schema::kEntityFingerprintKey): entity terms, facet value and stored
//    list are replaced, so filters and facets never mix two gazetteers;
//  - re-analysing, when the words were analysed another way (an earlier Naba, or
//    other NABA_ANALYSIS switches; schema::kAnalysisKey): each document is built
//    again, so one index never holds words analysed two ways.
// Both commit by the run's limits and record their fingerprint only when every
// document is done: a run stopped on the way leaves the work to the next run (both
// are idempotent).
#pragma once

#include <atomic>
#include <string>

#include "document_builder.h"
#include "index_job.h"
#include "index_writer.h"
#include "run_report.h"

namespace naba::indexer {

// Re-tags every document of db, then records `fingerprint`. Returns the number of
// documents re-tagged; when `stop` becomes non-zero it commits what was done and
// returns without recording the fingerprint.
long retag_all(SharedDatabase& db, const DocumentBuilder& builder, const CommitLimits& limits,
               const std::string& fingerprint, const std::atomic<int>& stop);

// Builds every document of db again, on `threads` threads, with the current analysis
// (and re-tags its entities when `tagger` is given), then records `fingerprint`
// (and `entity_fingerprint`, with a tagger). What a build does not make is kept: the
// values of the file the document came from (a text file's id value added where an
// older naba-index did not write it), its root-folder terms, and its entities without
// a tagger. Once every document is built the stem synonym table is
// listed anew (groups of the earlier analysis go; until then, and after a stopped
// run, new word forms have none, as naba-search warns); the spelling data is marked
// stale for the run to refresh. While it runs the index
// records kAnalysisInProgress + fingerprint. Returns and stops as retag_all.
long reanalyse_all(SharedDatabase& db, const entities::EntityTagger* tagger, int threads, const CommitLimits& limits,
                   const std::string& fingerprint, const std::string& entity_fingerprint,
                   const std::atomic<int>& stop);

}  // namespace naba::indexer
