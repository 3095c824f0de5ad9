// Spelling data for "did you mean" suggestions in naba-search: Xapian's spelling
// table holds every indexed word (Arabic and English, normalized) with its document
// frequency. It is brought up to date from the index's own terms after a run, which
// keeps it exact across incremental runs (re-adding words would inflate counts).
#pragma once

#include <xapian.h>

#include "analyzer.h"

namespace naba::indexer {

// True for the terms that are words worth suggesting: unprefixed, at least three
// letters, no digits, not a stop word (suggesting "for" for "foo" helps nobody).
bool is_spelling_word(const std::string& term, const Analyzer& analyzer);

// Makes the spelling table match the document frequencies of the index's words.
// Returns the number of words whose entry changed.
long refresh_spelling(Xapian::WritableDatabase& db, const Analyzer& analyzer);

}  // namespace naba::indexer
