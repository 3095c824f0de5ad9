// Steps 1 and 2 of recognition (see entity_tagger.h): the text's tokens with their
// normalized forms, and the longest alias match at each position, before any
// ambiguity is settled. Shared by EntityTagger::tag and EntityTagger::resolve.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "entities/alias_index.h"
#include "entities/token_scanner.h"

namespace naba::entities {

// The other vocabulary tokens a word form may stand for. They depend on the form
// alone, so analyze_tokens finds them once per distinct form, not at each occurrence.
struct FormVariants {
    // Its Arabic clitic variants (arabic_clitic_variants) that are vocabulary tokens,
    // in the order that function gives them.
    std::vector<std::uint32_t> clitic_ids;
    // The tokens it is a spelling variant of (AliasIndex::fuzzy_tokens; for an Arabic
    // form without any, those of its clitic variants), whatever its case: the matcher
    // decides whether case allows trying them. Empty for stop words and other scripts.
    std::vector<std::uint32_t> fuzzy_ids;
};

struct DocToken {
    RawToken raw;
    std::string_view norm;    // Analyzer::normalize of the raw token (see analyze_tokens)
    std::uint32_t id;         // vocabulary id of norm, or kNoToken
    bool stop = false;        // a stop word of either language
    const FormVariants* variants = nullptr;
};

// Scans and normalizes `text`. The normalized forms and variants live in a per-thread
// memo that stays valid until the next call of analyze_tokens on the same thread.
std::vector<DocToken> analyze_tokens(std::string_view text, const Analyzer& analyzer, const AliasIndex& index);

struct CandidateMatch {
    std::size_t first = 0;  // token range [first, last)
    std::size_t last = 0;
    std::vector<AliasTarget> targets;  // every entity the matched alias(es) name
    bool fuzzy = false;                // a token matched as a spelling variant
    bool clitic = false;               // the first token carried an Arabic clitic
};

struct MatchOptions {
    // Document text: an alias written with a Latin capital needs one in the text (any
    // of its words: south Lebanon, Lebanese army), an all-caps alias all caps, a
    // stop word matches only as an all-caps acronym (US), and spelling variants are
    // tried only for capitalised Latin words. Queries turn this off.
    bool check_case = true;
};

// Longest-first, non-overlapping alias matches in token order.
std::vector<CandidateMatch> find_alias_matches(const std::vector<DocToken>& tokens, const AliasIndex& index,
                                               MatchOptions options);

}  // namespace naba::entities
