#include "entities/alias_matcher.h"

#include <optional>
#include <string>

#include "entities/form_memo.h"

namespace naba::entities {
namespace {

// Per-thread memo of Analyzer::normalize for single tokens: news repeats its words,
// and most documents are normalized token by token only here. Bounded by clearing.
struct NormalizeMemo {
    const Analyzer* analyzer = nullptr;
    std::uint64_t index = 0;  // AliasIndex::generation()
    FormMemo forms;
};
constexpr std::size_t kMemoLimit = 200000;

class Matcher {
  public:
    Matcher(const std::vector<DocToken>& tokens, const AliasIndex& index, MatchOptions options)
        : tokens_(tokens), index_(index), options_(options) {}

    std::vector<CandidateMatch> run() {
        std::vector<CandidateMatch> matches;
        std::size_t i = 0;
        while (i < tokens_.size()) {
            best_ = CandidateMatch{};
            best_quality_ = 99;
            match_at(i);
            if (best_.last == 0) {
                ++i;
                continue;
            }
            // A longer name starting inside this match wins (Sheikh Tamim | Tamim bin Hamad).
            if (best_.last > i + 1) {
                CandidateMatch here = std::move(best_);
                int here_quality = best_quality_;
                best_ = CandidateMatch{};
                best_quality_ = 99;
                match_at(i + 1);
                if (best_.last > here.last) {
                    ++i;
                    continue;
                }
                best_ = std::move(here);
                best_quality_ = here_quality;
            }
            i = best_.last;
            matches.push_back(std::move(best_));
        }
        return matches;
    }

  private:
    // Quality: 0 exact, 1 clitic removed, 2 spelling variant (lower is better).
    void match_at(std::size_t i) {
        const DocToken& token = tokens_[i];
        if (token.id != kNoToken) consider_all(i, token.id, 0);
        for (std::uint32_t id : token.variants->clitic_ids) consider_all(i, id, 1);
        if (best_.last != 0) return;
        for (std::uint32_t id : fuzzy_of(i))
            if (std::uint32_t alias = index_.single_token_alias(id); alias != kNoToken) consider(i, alias, 2);
    }

    void consider_all(std::size_t i, std::uint32_t first, int quality) {
        const std::vector<std::uint32_t>* list = index_.aliases_starting_with(first);
        if (!list) return;
        for (std::uint32_t alias : *list) {
            if (index_.alias(alias).tokens.size() < best_.last - best_.first) break;
            consider(i, alias, quality);
        }
    }

    void consider(std::size_t i, std::uint32_t alias_index, int quality) {
        const Alias& alias = index_.alias(alias_index);
        std::size_t n = alias.tokens.size();
        if (i + n > tokens_.size()) return;
        const DocToken& head = tokens_[i];
        if (options_.check_case) {
            if (alias.needs_capital && !any_capitalized(i, i + n)) return;
            if (alias.acronym && !head.raw.all_caps) return;
            if (n == 1 && head.stop && !head.raw.all_caps) return;
        }
        bool fuzzy = quality == 2;
        for (std::size_t k = 1; k < n; ++k) {
            const DocToken& t = tokens_[i + k];
            if (t.raw.hard_break) return;
            if (t.id == alias.tokens[k]) continue;
            if (k + 1 == n && index_.may_end_person_alias(alias.tokens[k]) && names_same_entity(i + k, alias)) {
                fuzzy = true;
                continue;
            }
            return;
        }
        int q = fuzzy ? 2 : quality;
        std::size_t length = best_.last - best_.first;
        if (n < length || (n == length && q > best_quality_)) return;
        if (n > length || q < best_quality_) {
            best_ = CandidateMatch{i, i + n, {}, fuzzy, quality == 1};
            best_quality_ = q;
        }
        for (const AliasTarget& target : alias.targets) add_target(target);
    }

    void add_target(AliasTarget target) {
        for (AliasTarget& t : best_.targets)
            if (t.entity == target.entity) {
                t.ambiguous = t.ambiguous && target.ambiguous;
                return;
            }
        best_.targets.push_back(target);
    }

    bool any_capitalized(std::size_t first, std::size_t last) const {
        for (std::size_t k = first; k < last; ++k)
            if (tokens_[k].raw.capitalized) return true;
        return false;
    }

    // The last token of a person's name written as another of that person's one-word
    // aliases, exactly or as a spelling variant (آموس هوكستاين: هوكستاين ~ هوكستين).
    bool names_same_entity(std::size_t i, const Alias& alias) {
        auto shares = [&](std::uint32_t token) {
            std::uint32_t single = index_.single_token_alias(token);
            if (single == kNoToken) return false;
            for (const AliasTarget& a : index_.alias(single).targets)
                for (const AliasTarget& b : alias.targets)
                    if (a.entity == b.entity) return true;
            return false;
        };
        if (tokens_[i].id != kNoToken && shares(tokens_[i].id)) return true;
        for (std::uint32_t token : fuzzy_of(i))
            if (shares(token)) return true;
        return false;
    }

    // Vocabulary tokens the token at i is a spelling variant of, when its case allows.
    const std::vector<std::uint32_t>& fuzzy_of(std::size_t i) const {
        static const std::vector<std::uint32_t> kNone;
        const DocToken& token = tokens_[i];
        if (token.raw.script == text::Script::latin && options_.check_case && !token.raw.capitalized) return kNone;
        return token.variants->fuzzy_ids;
    }

    const std::vector<DocToken>& tokens_;
    const AliasIndex& index_;
    MatchOptions options_;
    CandidateMatch best_;
    int best_quality_ = 99;
};

// The variants of a form, from its normalized text, its script (the same at every
// occurrence: scan_tokens derives it from the text) and whether it is a stop word.
FormVariants find_variants(std::string_view norm, text::Script script, bool stop, const AliasIndex& index) {
    FormVariants variants;
    std::vector<std::string> clitic_forms;
    if (script == text::Script::arabic) {
        arabic_clitic_variants(norm, clitic_forms);
        for (const std::string& form : clitic_forms)
            if (std::uint32_t id = index.token_id(form); id != kNoToken) variants.clitic_ids.push_back(id);
    }
    if (stop || script == text::Script::other) return variants;
    if (std::optional<NameKey> key = name_key(norm)) index.fuzzy_tokens(*key, variants.fuzzy_ids);
    if (script == text::Script::arabic && variants.fuzzy_ids.empty())
        for (const std::string& form : clitic_forms)
            if (std::optional<NameKey> key = name_key(form)) index.fuzzy_tokens(*key, variants.fuzzy_ids);
    return variants;
}

}  // namespace

std::vector<DocToken> analyze_tokens(std::string_view text, const Analyzer& analyzer, const AliasIndex& index) {
    thread_local NormalizeMemo memo;
    if (memo.analyzer != &analyzer || memo.index != index.generation() || memo.forms.size() > kMemoLimit) {
        memo.forms.clear();
        memo.analyzer = &analyzer;
        memo.index = index.generation();
    }
    std::vector<RawToken> raw = scan_tokens(text);
    std::vector<DocToken> tokens;
    tokens.reserve(raw.size());
    for (const RawToken& r : raw) {
        std::string_view surface = text.substr(r.begin, r.end - r.begin);
        std::size_t hash = FormMemo::hash(surface);
        const AnalyzedForm* form = memo.forms.find(surface, hash);
        if (!form) {
            std::string norm = analyzer.normalize(surface);
            AnalyzedForm fresh{std::string(surface), norm, index.token_id(norm), analyzer.is_stop_word(norm), {}};
            fresh.variants = find_variants(fresh.norm, r.script, fresh.stop, index);
            form = &memo.forms.insert(hash, std::move(fresh));
        }
        tokens.push_back(DocToken{r, form->norm, form->id, form->stop, &form->variants});
    }
    return tokens;
}

std::vector<CandidateMatch> find_alias_matches(const std::vector<DocToken>& tokens, const AliasIndex& index,
                                               MatchOptions options) {
    return Matcher(tokens, index, options).run();
}

}  // namespace naba::entities
