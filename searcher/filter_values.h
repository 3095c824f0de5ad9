// What the lang: and source: filters of a query can match: the values the index's
// documents have, so that a filter no document has ("lang:fr", "source:aljazeera"
// for "al jazeera") is told apart from one that found nothing here.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzer.h"

namespace naba::searcher {

// The value after a colon of `written` (the query as typed) that normalizes to
// `normalized` (a field's value as a field processor gets it: in double quotes, or up
// to white space or ')'), as typed; else `normalized`.
std::string as_typed(std::string_view written, const std::string& normalized, const Analyzer& analyzer);

// The values of the parsed query's `prefix` terms (schema::kLangPrefix,
// kSourcePrefix) that no document of `db` has, as `written` (the query as typed)
// spells them: the terms are normalized ('وكاله انباء' for "وكالة أنباء", 'fr' for FR),
// and a message quotes what the user wrote. A record may declare any language ("fr")
// or source, which is then a term like the others.
std::vector<std::string> unknown_values(const Xapian::Database& db, const Xapian::Query& query,
                                        std::string_view prefix, std::string_view written, const Analyzer& analyzer);

// The values the index holds under `prefix`, sorted: at most `limit` of them, and
// their number in all. A source is spelt as the first document with it has it (its
// term is normalized: الجزيره for الجزيرة, a spelling no document may have).
struct IndexValues {
    std::vector<std::string> first;
    std::size_t total = 0;
};
IndexValues index_values(const Xapian::Database& db, std::string_view prefix,
                         std::size_t limit = std::numeric_limits<std::size_t>::max());

}  // namespace naba::searcher
