// The lookup tables the tagger matches against, built once from a gazetteer: every
// alias (and display name) as a sequence of normalized token ids, indexed by its first
// token; and, for fuzzy matching, the name keys of the tokens that may end a name,
// indexed by skeleton. Token strings are normalized with the one analysis pipeline
// (Analyzer::normalize), tokenized exactly as document text is (scan_tokens).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer.h"
#include "entities/gazetteer.h"
#include "entities/name_key.h"

namespace naba::entities {

// Hash-map lookups by string_view without building a std::string.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct AliasTarget {
    std::uint32_t entity;  // index into Gazetteer::entities()
    bool ambiguous;        // the alias had '~' for this entity
};

struct Alias {
    std::vector<std::uint32_t> tokens;  // vocabulary ids
    std::vector<AliasTarget> targets;   // usually one entity
    bool needs_capital = false;         // every spelling has a capitalised Latin word
    bool acronym = false;               // every spelling is one all-caps word (UN, US, WHO)
};

inline constexpr std::uint32_t kNoToken = UINT32_MAX;

class AliasIndex {
  public:
    AliasIndex(const Gazetteer& gazetteer, const Analyzer& analyzer);

    // Vocabulary id of a normalized token, or kNoToken.
    std::uint32_t token_id(std::string_view normalized) const;
    // Aliases starting with the token, longest first.
    const std::vector<std::uint32_t>* aliases_starting_with(std::uint32_t token) const;
    const Alias& alias(std::uint32_t index) const { return aliases_[index]; }
    // The one-token alias made of `token`, or kNoToken.
    std::uint32_t single_token_alias(std::uint32_t token) const;
    // The alias made of exactly these tokens, or kNoToken.
    std::uint32_t find_alias(const std::vector<std::uint32_t>& tokens) const;

    // Vocabulary tokens that `word` is a transliteration variant of (fuzzy_variant),
    // restricted to tokens that form a whole alias or end a person's alias.
    void fuzzy_tokens(const NameKey& word, std::vector<std::uint32_t>& out) const;
    bool may_end_person_alias(std::uint32_t token) const { return ends_person_alias_[token]; }

    // Unique to this index for the process's lifetime (unlike its address, which a
    // later index may reuse), so caches of token ids can tell indexes apart.
    std::uint64_t generation() const { return generation_; }

  private:
    std::uint32_t intern(const std::string& normalized);
    void add_alias(const std::vector<std::uint32_t>& tokens, AliasTarget target, bool capital, bool acronym);

    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> vocabulary_;
    std::vector<Alias> aliases_;
    std::unordered_map<std::string, std::uint32_t> alias_by_sequence_;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_first_;
    std::vector<std::uint32_t> single_alias_of_token_;
    std::vector<bool> ends_person_alias_;
    std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, NameKey>>> by_skeleton_;
    std::uint64_t generation_;
};

// Normalized Arabic tokens `token` may be after removing a leading clitic: و ف, then
// ب ل ك, and ل + ال written لل (للكرملين -> الكرملين). The remainder keeps at least 3
// letters; the article ال itself is never removed (الروسية is not روسيه). Appends to out.
void arabic_clitic_variants(std::string_view token, std::vector<std::string>& out);

}  // namespace naba::entities
