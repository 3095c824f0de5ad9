// Rewrites of a parsed query through the operators Xapian's QueryParser builds around
// words, shared by the query steps that change its words (stem groups, exact IDFs).
#pragma once

#include <functional>

#include <xapian.h>

namespace naba::searcher {

// `query` rebuilt with `change` applied to each part below its parameterless operators
// (OR, AND, AND_NOT, AND_MAYBE, FILTER, XOR), and to `query` itself when it is none of
// those. Phrases, NEAR and scaled parts are parts: their words stay as they are.
Xapian::Query rebuild_parts(const Xapian::Query& query, const std::function<Xapian::Query(const Xapian::Query&)>& change);

}  // namespace naba::searcher
