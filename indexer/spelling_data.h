// Spelling data for "did you mean" suggestions in naba-search: Xapian's spelling
// table holds every indexed word (Arabic and English, normalized) with its document
// frequency. It is brought up to date from the index's own terms after a run, which
// keeps it exact across incremental runs (re-adding words would inflate counts).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include <xapian.h>

#include "analyzer.h"

namespace naba::indexer {

// True for the terms that are words worth suggesting: unprefixed, at least three
// letters, no digits, not a stop word (suggesting "for" for "foo" helps nobody).
bool is_spelling_word(const std::string& term, const Analyzer& analyzer);

// Xapian holds spelling changes in memory until they are merged into its table,
// about 1.6 KB for a word it adds or removes (a copy per letter pair and trigram it
// files the word under; bench/RESULTS.md): a million new words would take 1.6 GB.
inline constexpr std::uint64_t kPendingSpellingBytesPerWord = 1600;
// Each merge rewrites the fragment lists the words share (most words hold a common
// trigram), so a refresh merges at most this many times, whatever the budget.
inline constexpr long kMaxSpellingMerges = 8;

// How many of `changes` changed words a refresh hands Xapian between two merges for
// the pending changes to stay within `memory_bytes`: fewer for a smaller budget, never
// fewer than an eighth of them.
long spelling_words_per_merge(long changes, std::uint64_t memory_bytes);

// What a refresh did.
struct SpellingRefresh {
    long changed = 0;     // words whose entry changed (all of them, even if stopped)
    long steps = 0;       // times the changes were handed to Xapian
    long step_words = 0;  // the most words a step hands over
    bool stopped = false;
};

// Makes the spelling table match the document frequencies of the index's words,
// uncommitted. With a `memory_bytes` budget (0: none) too small for all the changes,
// it hands them over in byte order, a budget's worth at a time, and stops between two
// steps once `stop` (if given) is not 0: the table then holds the steps made so far.
SpellingRefresh refresh_spelling(Xapian::WritableDatabase& db, const Analyzer& analyzer,
                                 std::uint64_t memory_bytes = 0, const std::atomic<int>* stop = nullptr);
// The same for the words of `words` (several databases, `db` among them, whose
// spelling data only `db` holds), written to `db`: a shard of segments (shard_segments.h).
SpellingRefresh refresh_spelling(const Xapian::Database& words, Xapian::WritableDatabase& db,
                                 const Analyzer& analyzer, std::uint64_t memory_bytes = 0,
                                 const std::atomic<int>* stop = nullptr);

// "N words changed at once" / "N words changed in K steps of up to S words", for --verbose.
std::string describe(const SpellingRefresh& refresh);

}  // namespace naba::indexer
