// Entity recognition: finds the gazetteer's people, places and organisations in a text
// (both scripts, spelling variants, Arabic clitics) and capitalised English names that
// nobody listed; and resolves a user's query value to entity ids.
//
// How tag() works (details in the .cpp and the units it uses):
//  1. scan_tokens keeps byte offsets and capitalisation; each token is normalized with
//     Analyzer::normalize (the one analysis pipeline), memoized per thread;
//  2. at each token, the longest alias (in tokens) wins: exact tokens first, then the
//     first token without an Arabic clitic (وبوتين, بالكرملين), then a transliteration
//     variant (name_key.h) of a name's last token;
//  3. an alias marked '~' in the gazetteer, or shared by several entities, is kept only
//     with support: the same entity named unambiguously elsewhere in the text, a title
//     before a person (President, الرئيس), or, for a capitalised English place or
//     organisation, no capitalised neighbour (Jordan the country, not Michael Jordan);
//  4. capitalised English name sequences left over become unknown-type mentions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer.h"
#include "entities/alias_matcher.h"
#include "entities/gazetteer.h"
#include "entities/name_key.h"

namespace naba::entities {

// Bump when a change to recognition should re-tag existing indexes (naba-index does
// that when an index's entity fingerprint, which includes this, differs).
inline constexpr int kTaggerVersion = 2;

struct Mention {
    std::string id;
    EntityType type = EntityType::unknown;
    std::string name;        // display name: English (Arabic if none) for a gazetteer
                             // entity; the name as written, spaces normalized, for unknowns
    std::size_t begin = 0;   // byte offsets of the mention in the text given to tag()
    std::size_t end = 0;
};

class AliasIndex;
class ContextWords;

// Each person's first names, for telling a relative (Melania Trump) from the person.
class FirstNames {
  public:
    FirstNames(const Gazetteer& gazetteer, const Analyzer& analyzer);
    // True when `word` (normalized) is, or is a spelling variant of, a first name of
    // the person at `entity` (its index in the gazetteer).
    bool of(std::uint32_t entity, std::string_view word) const;

  private:
    std::vector<std::vector<std::pair<std::string, NameKey>>> forms_;
};

class EntityTagger {
  public:
    // Builds the lookup tables once (the gazetteer is copied; the analyzer must outlive
    // the tagger). tag() and resolve() are const and thread-safe.
    EntityTagger(const Gazetteer& gazetteer, const Analyzer& analyzer);
    ~EntityTagger();
    EntityTagger(const EntityTagger&) = delete;
    EntityTagger& operator=(const EntityTagger&) = delete;

    // Mentions in document order, without overlaps. `tokens`, when given, receives the
    // text's tokens with their normalized forms, so a caller that needs them too does not
    // scan the text again; the forms stay valid until the next tag() or resolve() on this
    // thread (both analyze the text into the same per-thread memo).
    std::vector<Mention> tag(std::string_view text, std::vector<DocToken>* tokens = nullptr) const;

    // A query value ("zelensky", "زيلينسكي", "Zelenski", "kiev") -> ids of the entities
    // whose alias it is as a whole (restricted to `type` when given), with the same
    // normalization, clitics and spelling variants as tag(); an ambiguous alias gives
    // all its entities. A value that names no entity gives its derived "u:" id (when
    // `type` is absent, person or unknown), so person:"John Smith" works; empty input
    // gives nothing.
    std::vector<std::string> resolve(std::string_view name, std::optional<EntityType> type) const;

    const Gazetteer& gazetteer() const { return gazetteer_; }

  private:
    Gazetteer gazetteer_;
    const Analyzer& analyzer_;
    std::unique_ptr<AliasIndex> index_;
    std::unique_ptr<ContextWords> words_;
    std::unique_ptr<FirstNames> first_names_;
};

// The id of an unknown name: "u:" + its normalized tokens joined by '-', keeping ASCII
// letters and digits and UTF-8 letters of other scripts ("u:john-smith").
std::string unknown_id(const std::vector<std::string>& normalized_tokens);

}  // namespace naba::entities
