#include "entities/entity_tagger.h"

#include <algorithm>
#include <cstdint>

#include "entities/alias_index.h"
#include "entities/alias_matcher.h"
#include "entities/capitalized_names.h"
#include "entities/context_words.h"

namespace naba::entities {
namespace {

constexpr std::uint32_t kUnknownEntity = UINT32_MAX;

struct Accepted {
    std::size_t first, last;  // token range
    std::uint32_t entity;     // kUnknownEntity for an unknown name
};

}  // namespace

// The normalized first words of each person's multi-word names (display names and
// aliases, Latin script): a surname after one of them is that person.
FirstNames::FirstNames(const Gazetteer& gazetteer, const Analyzer& analyzer) {
    const std::vector<Entity>& entities = gazetteer.entities();
    forms_.resize(entities.size());
    for (std::size_t e = 0; e < entities.size(); ++e) {
        if (entities[e].type != EntityType::person) continue;
        std::vector<std::string_view> names = {entities[e].english};
        for (const std::string& alias : entities[e].aliases) names.push_back(alias);
        for (std::string_view name : names) {
            std::size_t space = name.find(' ');
            if (space == std::string_view::npos || static_cast<unsigned char>(name[0]) >= 0x80) continue;
            std::string first = analyzer.normalize(name.substr(0, space));
            if (std::optional<NameKey> key = name_key(first)) forms_[e].emplace_back(std::move(first), std::move(*key));
        }
    }
}

bool FirstNames::of(std::uint32_t entity, std::string_view word) const {
    std::optional<NameKey> key = name_key(word);
    for (const auto& [form, form_key] : forms_[entity])
        if (form == word || (key && fuzzy_variant(*key, form_key, true))) return true;
    return false;
}

namespace {

// Step 3: keeps unambiguous matches and settles ambiguous ones from context.
class Settler {
  public:
    Settler(const std::vector<DocToken>& tokens, const std::vector<bool>& headline,
            const std::vector<CandidateMatch>& matches, const Gazetteer& gazetteer, const ContextWords& words,
            const FirstNames& first_names)
        : tokens_(tokens), headline_(headline), matches_(matches), entities_(gazetteer.entities()), words_(words),
          first_names_(first_names), in_match_(tokens.size(), false) {
        // Only matches that are sure to name their entity: a word that merely looks
        // like an ambiguous alias or a spelling variant (Peterson ~ Pedersen) may still
        // be part of a longer name (Jordan Peterson).
        for (const CandidateMatch& m : matches)
            if (m.targets.size() == 1 && !m.targets[0].ambiguous && !m.fuzzy)
                for (std::size_t i = m.first; i < m.last; ++i) in_match_[i] = true;
    }

    std::vector<Accepted> run() {
        std::vector<std::uint32_t> chosen(matches_.size(), kUnknownEntity);
        std::vector<bool> rejected(matches_.size(), false);
        for (std::size_t m = 0; m < matches_.size(); ++m) {
            const std::vector<AliasTarget>& targets = matches_[m].targets;
            rejected[m] = targets.size() == 1 && (another_first_name(matches_[m], targets[0].entity) ||
                                                  before_generational_suffix(matches_[m], targets[0].entity));
            if (rejected[m]) continue;
            if (targets.size() == 1 && !targets[0].ambiguous && !matches_[m].fuzzy) {
                chosen[m] = targets[0].entity;
                confirmed_.emplace_back(targets[0].entity, matches_[m].first);
            }
        }
        std::vector<Accepted> accepted;
        for (std::size_t m = 0; m < matches_.size(); ++m) {
            if (rejected[m]) continue;
            if (chosen[m] == kUnknownEntity) chosen[m] = settle(matches_[m]);
            if (chosen[m] == kUnknownEntity) continue;
            std::size_t first = matches_[m].first;
            // The person's own first name in a spelling no alias has (Esmail Haniyeh).
            if (own_first_name_before(first, chosen[m]) && (accepted.empty() || accepted.back().last < first))
                --first;
            accepted.push_back({first, matches_[m].last, chosen[m]});
        }
        return accepted;
    }

  private:
    std::uint32_t settle(const CandidateMatch& match) const {
        // The same entity named unambiguously in the text: the nearest such mention.
        std::uint32_t best = kUnknownEntity;
        std::size_t best_distance = SIZE_MAX;
        for (const AliasTarget& target : match.targets)
            for (const auto& [entity, position] : confirmed_)
                if (entity == target.entity) {
                    std::size_t distance = position > match.first ? position - match.first : match.first - position;
                    if (distance < best_distance) best = entity, best_distance = distance;
                }
        if (best != kUnknownEntity || match.targets.size() != 1) return best;
        if (match.fuzzy && !match.targets[0].ambiguous)  // a spelling variant, not inside a longer name
            return name_neighbour(match.first, match.last) ? kUnknownEntity : match.targets[0].entity;
        std::uint32_t entity = match.targets[0].entity;
        const DocToken& head = tokens_[match.first];
        if (entities_[entity].type == EntityType::person)
            return after_title(match.first) ? entity : kUnknownEntity;
        bool latin_name = head.raw.script == text::Script::latin && head.raw.capitalized;
        if (latin_name && !name_neighbour(match.first, match.last)) return entity;
        return kUnknownEntity;
    }

    // A person's alias without a first name (Trump, al-Assad) right after a capitalised
    // name word that is not one of that person's first names names a relative or a
    // namesake, not the person: Melania Trump, Maher al-Assad, Vince Vance. Name
    // particles in between (al, bin) do not separate. In a headline and in all caps
    // every word is capitalised, so a capital says nothing there (ZELENSKY REJECTS PUTIN).
    bool another_first_name(const CandidateMatch& match, std::uint32_t entity) const {
        if (entities_[entity].type != EntityType::person) return false;
        for (std::size_t k = match.first; k < match.last; ++k)  // the alias has a first name
            if (first_names_.of(entity, tokens_[k].norm)) return false;
        std::size_t i = match.first;
        while (i > 0 && tokens_[i].raw.spaced && !tokens_[i].raw.sentence_start) {
            const DocToken& before = tokens_[i - 1];
            if (words_.is_name_particle(before.norm) && !before.raw.capitalized) {
                --i;
                continue;
            }
            bool name_word = before.raw.script == text::Script::latin && before.raw.capitalized &&
                             !before.raw.all_caps && !headline_[i - 1] && !before.stop && !in_match_[i - 1] &&
                             !words_.is_title(before.norm) && !words_.is_not_name(before.norm);
            return name_word && !first_names_.of(entity, before.norm);
        }
        return false;
    }

    // A person's name followed by Jr, Sr or الابن names the son or the father (Donald
    // Trump Jr.); an alias that includes the suffix is matched whole and never gets here.
    // In Latin script only a capitalised suffix: "Netanyahu's junior coalition partners".
    bool before_generational_suffix(const CandidateMatch& match, std::uint32_t entity) const {
        if (entities_[entity].type != EntityType::person || match.last >= tokens_.size()) return false;
        const DocToken& next = tokens_[match.last];
        bool suffix_case = next.raw.script != text::Script::latin || next.raw.capitalized;
        if (next.raw.hard_break || next.raw.sentence_start || !suffix_case || !words_.is_generational(next.norm))
            return false;
        const std::size_t after = match.last + 1;  // الأب الروحي: the godfather, not the father
        return after == tokens_.size() || !words_.is_figurative_kin(tokens_[after].norm);
    }

    bool own_first_name_before(std::size_t first, std::uint32_t entity) const {
        if (first == 0 || !tokens_[first].raw.spaced || tokens_[first].raw.sentence_start) return false;
        const DocToken& before = tokens_[first - 1];
        return before.raw.script == text::Script::latin && before.raw.capitalized && !in_match_[first - 1] &&
               first_names_.of(entity, before.norm);
    }

    bool after_title(std::size_t first) const {
        if (first == 0 || tokens_[first].raw.hard_break) return false;
        return words_.is_title(tokens_[first - 1].norm);
    }

    // A capitalised word right before or after the match that is not itself an entity:
    // the match is then part of a longer name (Michael Jordan, Jordan Bardella).
    bool name_neighbour(std::size_t first, std::size_t last) const {
        auto is_name = [&](std::size_t i) {
            const DocToken& t = tokens_[i];
            return t.raw.script == text::Script::latin && t.raw.capitalized && !t.stop && !in_match_[i] &&
                   !words_.is_title(t.norm) && !words_.is_not_name(t.norm);
        };
        // Name particles in between do not separate (Anas al-Sharif).
        std::size_t before = first;
        while (before > 0 && tokens_[before].raw.spaced && !tokens_[before].raw.sentence_start) {
            if (is_name(before - 1)) return true;
            if (!words_.is_name_particle(tokens_[before - 1].norm) || tokens_[before - 1].raw.capitalized) break;
            --before;
        }
        for (std::size_t after = last; after < tokens_.size() && tokens_[after].raw.spaced; ++after) {
            if (is_name(after)) return true;
            if (!words_.is_name_particle(tokens_[after].norm) || tokens_[after].raw.capitalized) break;
        }
        return false;
    }

    const std::vector<DocToken>& tokens_;
    const std::vector<bool>& headline_;
    const std::vector<CandidateMatch>& matches_;
    const std::vector<Entity>& entities_;
    const ContextWords& words_;
    const FirstNames& first_names_;
    std::vector<bool> in_match_;
    std::vector<std::pair<std::uint32_t, std::size_t>> confirmed_;
};

// The name inside an accepted match. Titles and articles that an alias includes
// (President Trump, the Kremlin, الرئيس ترامب) help matching but are not part of the
// name, unless the entity's own English name starts with that word (The Hague, King
// Abdullah II). Generic head nouns (Kursk region, مدينة جنين, لحركة حماس) are left out
// when the rest is itself an alias of the same entity (so Gaza City stays whole).
TokenSpan name_span(const std::vector<DocToken>& tokens, const Accepted& a, const Entity& entity,
                    std::uint32_t entity_index, const ContextWords& words, const Analyzer& analyzer,
                    const AliasIndex& index) {
    TokenSpan span{a.first, a.last};
    // Only Latin stop words (the): Arabic ones can be names once normalized (على = علي).
    auto strippable = [&](const DocToken& t) {
        return (t.stop && t.raw.script == text::Script::latin) || words.is_title(t.norm);
    };
    if (span.first + 1 < span.last && strippable(tokens[span.first])) {
        // Normalized only here, where it is needed (rarely: most mentions start with a name).
        std::string display_first;
        if (std::size_t space = entity.english.find(' '); space != std::string::npos)
            display_first = analyzer.normalize(std::string_view(entity.english).substr(0, space));
        while (span.first + 1 < span.last && strippable(tokens[span.first]) && tokens[span.first].norm != display_first)
            ++span.first;
    }
    auto names_entity = [&](std::size_t first, std::size_t last) {
        std::vector<std::uint32_t> ids;
        for (std::size_t i = first; i < last; ++i) ids.push_back(tokens[i].id);
        std::uint32_t alias = index.find_alias(ids);
        if (alias == kNoToken) return false;
        for (const AliasTarget& t : index.alias(alias).targets)
            if (t.entity == entity_index) return true;
        return false;
    };
    if (span.last - span.first >= 2 && words.is_generic_head(tokens[span.first].norm) &&
        names_entity(span.first + 1, span.last))
        ++span.first;
    while (span.last - span.first >= 2 && words.is_generic_head(tokens[span.last - 1].norm) &&
           names_entity(span.first, span.last - 1))
        --span.last;
    return span;
}

std::string spaced_surface(std::string_view text, const std::vector<DocToken>& tokens, std::size_t first,
                           std::size_t last) {
    std::string name;
    for (std::size_t i = first; i < last; ++i) {
        if (i > first) {
            std::string_view gap = text.substr(tokens[i - 1].raw.end, tokens[i].raw.begin - tokens[i - 1].raw.end);
            bool joined = gap.find_first_of(" \t\r\n") == std::string_view::npos;
            name += joined ? std::string(gap) : " ";
        }
        name.append(text.substr(tokens[i].raw.begin, tokens[i].raw.end - tokens[i].raw.begin));
    }
    return name;
}

std::vector<std::string> norms(const std::vector<DocToken>& tokens, std::size_t first, std::size_t last) {
    std::vector<std::string> out;
    for (std::size_t i = first; i < last; ++i) out.emplace_back(tokens[i].norm);
    return out;
}

}  // namespace

std::string unknown_id(const std::vector<std::string>& normalized_tokens) {
    std::string id = "u:";
    for (const std::string& token : normalized_tokens) {
        std::string part;
        for (char c : token) {
            auto b = static_cast<unsigned char>(c);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || b >= 0x80) part += c;
            else if (!part.empty() && part.back() != '-') part += '-';
        }
        while (!part.empty() && part.back() == '-') part.pop_back();
        if (part.empty()) continue;
        if (id.size() > 2) id += '-';
        id += part;
    }
    return id;
}

EntityTagger::EntityTagger(const Gazetteer& gazetteer, const Analyzer& analyzer)
    : gazetteer_(gazetteer), analyzer_(analyzer), index_(std::make_unique<AliasIndex>(gazetteer_, analyzer)),
      words_(std::make_unique<ContextWords>(analyzer)),
      first_names_(std::make_unique<FirstNames>(gazetteer_, analyzer)) {}

EntityTagger::~EntityTagger() = default;

std::vector<Mention> EntityTagger::tag(std::string_view text, std::vector<DocToken>* tokens_out) const {
    std::vector<DocToken> tokens = analyze_tokens(text, analyzer_, *index_);
    std::vector<CandidateMatch> matches = find_alias_matches(tokens, *index_, MatchOptions{});
    std::vector<bool> headline = headline_tokens(tokens);
    std::vector<Accepted> accepted = Settler(tokens, headline, matches, gazetteer_, *words_, *first_names_).run();

    std::vector<bool> taken(tokens.size(), false);
    for (const Accepted& a : accepted)
        for (std::size_t i = a.first; i < a.last; ++i) taken[i] = true;
    // A name that is itself a listed alias, left out for want of context (~al-Sharaa),
    // is not a name nobody listed: an unknown id would give its entity a second one.
    std::vector<std::uint32_t> span_ids;
    for (const TokenSpan& span : find_capitalized_names(tokens, taken, headline, *words_)) {
        span_ids.clear();
        for (std::size_t i = span.first; i < span.last; ++i) span_ids.push_back(tokens[i].id);
        if (index_->find_alias(span_ids) == kNoToken) accepted.push_back({span.first, span.last, kUnknownEntity});
    }
    std::sort(accepted.begin(), accepted.end(), [](const Accepted& a, const Accepted& b) { return a.first < b.first; });

    std::vector<Mention> mentions;
    mentions.reserve(accepted.size());
    for (const Accepted& a : accepted) {
        Mention mention;
        TokenSpan span = a.entity == kUnknownEntity ? TokenSpan{a.first, a.last}
                                                    : name_span(tokens, a, gazetteer_.entities()[a.entity], a.entity,
                                                                *words_, analyzer_, *index_);
        mention.begin = tokens[span.first].raw.begin;
        mention.end = tokens[span.last - 1].raw.end;
        if (a.entity == kUnknownEntity) {
            mention.id = unknown_id(norms(tokens, a.first, a.last));
            mention.type = EntityType::unknown;
            mention.name = spaced_surface(text, tokens, a.first, a.last);
        } else {
            const Entity& entity = gazetteer_.entities()[a.entity];
            mention.id = entity.id;
            mention.type = entity.type;
            mention.name = entity.english.empty() ? entity.arabic : entity.english;
        }
        mentions.push_back(std::move(mention));
    }
    if (tokens_out) *tokens_out = std::move(tokens);
    return mentions;
}

std::vector<std::string> EntityTagger::resolve(std::string_view name, std::optional<EntityType> type) const {
    std::vector<DocToken> tokens = analyze_tokens(name, analyzer_, *index_);
    if (tokens.empty()) return {};
    std::vector<std::string> ids;
    std::vector<CandidateMatch> matches = find_alias_matches(tokens, *index_, MatchOptions{false});
    if (matches.size() == 1 && matches[0].first == 0 && matches[0].last == tokens.size()) {
        for (const AliasTarget& target : matches[0].targets) {
            const Entity& entity = gazetteer_.entities()[target.entity];
            if (!type || *type == entity.type) ids.push_back(entity.id);
        }
        if (!ids.empty()) return ids;
    }
    if (!type || *type == EntityType::person || *type == EntityType::unknown) {
        std::string id = unknown_id(norms(tokens, 0, tokens.size()));
        if (id.size() > 2) ids.push_back(std::move(id));
    }
    return ids;
}

}  // namespace naba::entities
