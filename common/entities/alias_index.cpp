#include "entities/alias_index.h"

#include <algorithm>
#include <atomic>

#include "entities/token_scanner.h"
#include "text/utf8.h"

namespace naba::entities {
namespace {

// The spellings of an entity with their ambiguity: display names (unless the file
// repeats them as '~' aliases, which wins), then the aliases.
std::vector<std::pair<std::string, bool>> spellings(const Entity& entity) {
    std::vector<std::pair<std::string, bool>> out;
    for (const std::string* name : {&entity.english, &entity.arabic})
        if (!name->empty()) out.emplace_back(*name, false);
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) out.emplace_back(entity.aliases[i], entity.ambiguous[i]);
    return out;
}

std::string sequence_key(const std::vector<std::uint32_t>& tokens) {
    std::string key;
    for (std::uint32_t t : tokens) key.append(reinterpret_cast<const char*>(&t), sizeof t);
    return key;
}

}  // namespace

AliasIndex::AliasIndex(const Gazetteer& gazetteer, const Analyzer& analyzer) {
    static std::atomic<std::uint64_t> generations{0};
    generation_ = ++generations;
    const std::vector<Entity>& entities = gazetteer.entities();
    for (std::uint32_t e = 0; e < entities.size(); ++e) {
        for (const auto& [spelling, ambiguous] : spellings(entities[e])) {
            std::vector<RawToken> raw = scan_tokens(spelling);
            if (raw.empty()) continue;
            std::vector<std::uint32_t> tokens;
            for (const RawToken& t : raw)
                tokens.push_back(intern(analyzer.normalize(std::string_view(spelling).substr(t.begin, t.end - t.begin))));
            bool capital = false;
            for (const RawToken& t : raw) capital = capital || (t.script == text::Script::latin && t.capitalized);
            bool acronym = raw.size() == 1 && raw.front().all_caps;
            add_alias(tokens, AliasTarget{e, ambiguous}, capital, acronym);
            if (entities[e].type == EntityType::person) ends_person_alias_[tokens.back()] = true;
        }
    }
    for (auto& [first, list] : by_first_)
        std::stable_sort(list.begin(), list.end(), [this](std::uint32_t a, std::uint32_t b) {
            return aliases_[a].tokens.size() > aliases_[b].tokens.size();
        });
    for (const auto& [token, id] : vocabulary_) {
        if (single_alias_of_token_[id] == kNoToken && !ends_person_alias_[id]) continue;
        std::optional<NameKey> key = name_key(token);
        if (key && key->skeleton.size() >= 4) by_skeleton_[key->skeleton].emplace_back(id, std::move(*key));
    }
}

std::uint32_t AliasIndex::intern(const std::string& normalized) {
    auto [it, inserted] = vocabulary_.emplace(normalized, static_cast<std::uint32_t>(vocabulary_.size()));
    if (inserted) {
        single_alias_of_token_.push_back(kNoToken);
        ends_person_alias_.push_back(false);
    }
    return it->second;
}

void AliasIndex::add_alias(const std::vector<std::uint32_t>& tokens, AliasTarget target, bool capital,
                           bool acronym) {
    std::string key = sequence_key(tokens);
    auto found = alias_by_sequence_.find(key);
    if (found == alias_by_sequence_.end()) {
        auto index = static_cast<std::uint32_t>(aliases_.size());
        aliases_.push_back(Alias{tokens, {target}, capital, acronym});
        alias_by_sequence_.emplace(std::move(key), index);
        by_first_[tokens.front()].push_back(index);
        if (tokens.size() == 1) single_alias_of_token_[tokens.front()] = index;
        return;
    }
    Alias& alias = aliases_[found->second];
    alias.needs_capital = alias.needs_capital && capital;
    alias.acronym = alias.acronym && acronym;
    for (AliasTarget& existing : alias.targets)
        if (existing.entity == target.entity) {
            existing.ambiguous = existing.ambiguous || target.ambiguous;
            return;
        }
    alias.targets.push_back(target);
}

std::uint32_t AliasIndex::token_id(std::string_view normalized) const {
    auto it = vocabulary_.find(normalized);
    return it == vocabulary_.end() ? kNoToken : it->second;
}

const std::vector<std::uint32_t>* AliasIndex::aliases_starting_with(std::uint32_t token) const {
    auto it = by_first_.find(token);
    return it == by_first_.end() ? nullptr : &it->second;
}

std::uint32_t AliasIndex::single_token_alias(std::uint32_t token) const {
    return token < single_alias_of_token_.size() ? single_alias_of_token_[token] : kNoToken;
}

std::uint32_t AliasIndex::find_alias(const std::vector<std::uint32_t>& tokens) const {
    auto it = alias_by_sequence_.find(sequence_key(tokens));
    return it == alias_by_sequence_.end() ? kNoToken : it->second;
}

void AliasIndex::fuzzy_tokens(const NameKey& word, std::vector<std::uint32_t>& out) const {
    auto it = by_skeleton_.find(word.skeleton);
    if (it == by_skeleton_.end()) return;
    for (const auto& [id, key] : it->second)
        if (fuzzy_variant(word, key)) out.push_back(id);
}

void arabic_clitic_variants(std::string_view token, std::vector<std::string>& out) {
    static constexpr std::string_view kOuter[] = {"\u0648", "\u0641"};           // و ف
    static constexpr std::string_view kInner[] = {"\u0628", "\u0644", "\u0643"};  // ب ل ك
    static constexpr std::string_view kLil = "\u0644\u0644", kAl = "\u0627\u0644";  // لل ال
    auto long_enough = [](std::string_view rest) { return text::code_point_count(rest) >= 3; };
    std::string_view bases[2] = {token, {}};
    for (std::string_view outer : kOuter)
        if (token.starts_with(outer) && long_enough(token.substr(outer.size()))) {
            bases[1] = token.substr(outer.size());
            out.emplace_back(bases[1]);
        }
    for (std::string_view base : bases) {
        if (base.empty()) continue;
        if (base.starts_with(kLil) && long_enough(base.substr(kLil.size() - 1)))
            out.push_back(std::string(kAl) + std::string(base.substr(kLil.size())));
        for (std::string_view inner : kInner)
            if (base.starts_with(inner) && long_enough(base.substr(inner.size())))
                out.emplace_back(base.substr(inner.size()));
    }
}

}  // namespace naba::entities
