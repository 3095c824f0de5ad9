// Per-language collection statistics for BM25. An Arabic word occurs only in
// documents with Arabic text, so naba-search weighs an Arabic query over the index
// without the documents written only in English, and an English query without those
// written only in Arabic: BM25's document count and average length are theirs.
// Counted over the whole index, every English document added would raise the IDF of
// every Arabic word (common words most) and move the average length, so an Arabic
// query would rank its documents differently in a mostly English index than in an
// Arabic one (bench/RESULTS.md, "Mixed collections").
//
// naba-index counts the documents of one language only after every run that changed
// documents and stores the counts as metadata; naba-search counts them itself (one
// walk over the language terms' posting lists) where they are missing or stale.
#pragma once

#include <cstdint>
#include <string_view>

#include <xapian.h>

namespace naba {

// The documents written only in one language: they carry its language term and not
// the other's ("mixed" documents carry both, documents without letters neither).
struct OneLanguageDocuments {
    Xapian::doccount documents = 0;
    std::uint64_t length = 0;  // the sum of their Xapian document lengths
    bool operator==(const OneLanguageDocuments&) const = default;
};

// The languages with statistics, and the other one of each pair.
inline constexpr std::string_view kStatsLanguages[] = {"ar", "en"};
std::string_view other_language(std::string_view lang);

// Counted now, by walking the posting lists of both language terms.
OneLanguageDocuments count_one_language(const Xapian::Database& db, std::string_view lang);

// Counts both languages and stores them (schema::kLanguageStatsPrefix + language)
// with the language terms' frequencies and the index's document count and total
// length they were counted at.
void store_language_stats(Xapian::WritableDatabase& db);

// True when the stored counts are those of the index as it is (see below).
bool language_stats_current(const Xapian::Database& db);

// The stored counts while the index still has the frequencies and size they were
// counted at (a run stopped before storing them changed those), else counted now.
// An index of several databases is always counted: Xapian reads metadata from the
// first one only.
OneLanguageDocuments one_language_documents(const Xapian::Database& db, std::string_view lang);

}  // namespace naba
