// Step 4 of recognition: names nobody listed. A capitalised English name sequence is
// two or more capitalised Latin words separated only by spaces (or one hyphen or
// apostrophe), possibly with name particles inside (Hussein al-Sheikh, Ursula von der
// Leyen), none of them already part of an entity mention, a stop word, a title
// (President), or a capitalised non-name (months, days, demonyms, Ministry...).
// All-caps words (acronyms) and lines written in Title Case (headlines) are skipped.
#pragma once

#include <cstddef>
#include <vector>

#include "entities/alias_matcher.h"
#include "entities/context_words.h"

namespace naba::entities {

struct TokenSpan {
    std::size_t first = 0;  // token range [first, last)
    std::size_t last = 0;
};

// True for each token of a line (token range between line breaks or sentence ends)
// written in Title Case or all caps: a headline or byline, where capitals say nothing
// about names.
std::vector<bool> headline_tokens(const std::vector<DocToken>& tokens);

// `taken[i]` is true for tokens inside an accepted entity mention; `headline` is
// headline_tokens(tokens).
std::vector<TokenSpan> find_capitalized_names(const std::vector<DocToken>& tokens, const std::vector<bool>& taken,
                                              const std::vector<bool>& headline, const ContextWords& words);

}  // namespace naba::entities
