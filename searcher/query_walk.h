// Walks and rewrites of a parsed query through the operators Xapian's QueryParser
// builds around words, shared by the query steps that read or change its words (stem
// groups, exact IDFs, alternatives, the phrase bonus).
#pragma once

#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace naba::searcher {

// `query` rebuilt with `change` applied to each part below its parameterless operators
// (OR, AND, AND_NOT, AND_MAYBE, FILTER, XOR), and to `query` itself when it is none of
// those. Phrases, NEAR and scaled parts are parts: their words stay as they are.
Xapian::Query rebuild_parts(const Xapian::Query& query, const std::function<Xapian::Query(const Xapian::Query&)>& change);

// The terms under the right side of each AND_NOT in `query`: no match holds them.
std::unordered_set<std::string> excluded_terms(const Xapian::Query& query);

// Appends the words of each phrase or NEAR in `query` to `out`.
void collect_phrase_words(const Xapian::Query& query, std::vector<std::string>& out);

// One word, or an OR of words and of such ORs (a word: a term, phrase, wildcard or
// synonym group, maybe scaled): adding another alternative keeps its meaning.
bool is_flat_or(const Xapian::Query& query);

}  // namespace naba::searcher
