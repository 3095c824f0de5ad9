// The documents a query's BM25 statistics are taken over (language_stats.h): for an
// Arabic query the index without its documents written only in English, for an
// English (Latin-script) query the index without those written only in Arabic, and
// for any other query the whole index.
#pragma once

#include <optional>

#include <xapian.h>

#include "language_stats.h"
#include "query_language.h"

namespace naba::searcher {

struct Collection {
    double documents = 0;       // BM25's N
    double average_length = 0;  // of Xapian's document lengths
    // The whole index, to be weighed with Xapian's own BM25Weight: the index cannot
    // run Naba's scheme (a database served by Xapian's remote backend).
    bool xapian_scheme_only = false;
};

class QueryCollections {
  public:
    explicit QueryCollections(const Xapian::Database& db) : db_(db) {}

    // The collection for a query in `language`; the whole index when that leaves out
    // nothing, or everything, or when the index cannot run Naba's scheme (Xapian's
    // remote backend, collection_bm25_weight.h; asked once): its counts are not taken
    // then, which over the network took seconds for nothing.
    Collection of(QueryLanguage language) const;

    // Drops the counts read, for a reopened database (another revision).
    void forget();

  private:
    const OneLanguageDocuments& only(std::string_view lang) const;

    const Xapian::Database& db_;
    mutable std::optional<OneLanguageDocuments> only_arabic_, only_english_;
    mutable std::optional<bool> by_collection_;  // runs_collection_bm25, once
};

}  // namespace naba::searcher
