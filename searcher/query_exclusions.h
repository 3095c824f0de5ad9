// Exclusions (NOT, a leading '-') in a query, for catching Xapian's plain-words
// fallback: QueryParser answers a query it cannot parse by reading it again as plain
// words, and there an excluded word becomes a searched one.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace naba::searcher {

// True when the (normalized) query excludes something outside quotes: a NOT operator,
// or a word, phrase, group or filter marked with '-'.
bool has_exclusion(std::string_view query);

// The query with each '-' exclusion written as NOT ("-a -b" -> "NOT a NOT b"), which
// Xapian accepts alone (FLAG_PURE_NOT) where it cannot parse a '-' alone.
std::string minus_as_not(std::string_view query);

// True when the parsed query leaves something out (has an AND_NOT).
bool has_and_not(const Xapian::Query& query);

}  // namespace naba::searcher
