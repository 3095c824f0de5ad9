// What the lang: filter of a query can match: the languages of the index's documents,
// so that a filter no document has is told apart from one that found nothing here.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace naba::searcher {

// The lang: values of the parsed query that no document of `db` has. A record may
// declare any language ("fr"), which is then a term like ar and en.
std::vector<std::string> unknown_languages(const Xapian::Database& db, const Xapian::Query& query);

// The languages of the index's documents (the values lang: finds), sorted.
std::vector<std::string> index_languages(const Xapian::Database& db);

}  // namespace naba::searcher
