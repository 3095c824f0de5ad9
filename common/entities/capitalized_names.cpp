#include "entities/capitalized_names.h"

namespace naba::entities {
namespace {

bool name_word(const DocToken& t, bool taken, const ContextWords& words) {
    return !taken && t.raw.script == text::Script::latin && t.raw.capitalized && !t.raw.all_caps && !t.stop &&
           !words.is_title(t.norm) && !words.is_not_name(t.norm);
}

// Words that Title Case leaves in lower case (AP and Reuters style). Any other lower-case
// function word (were, not, said, there) means prose: "Hunter Biden and Jill Biden were
// not there" is a sentence, not a headline.
bool title_case_small_word(std::string_view word) {
    static constexpr std::string_view kSmall[] = {"a",  "an", "the", "and", "but", "or",  "nor",  "for",  "so",
                                                  "yet", "at", "by",  "in",  "of",  "on",  "to",   "up",   "as",
                                                  "from", "into", "with", "over", "per", "via", "vs", "than"};
    for (std::string_view small : kSmall)
        if (word == small) return true;
    return false;
}

}  // namespace

// Lines (token ranges between line breaks or sentence ends) in which (nearly) every
// content word is capitalised are headlines or bylines, not prose. Not "most": a
// prose sentence full of names ("Brannock Felsworth and Odile Marchetti arrived in
// Geneva on Monday") has 6 of 7 content words capitalised.
std::vector<bool> headline_tokens(const std::vector<DocToken>& tokens) {
    std::vector<bool> result(tokens.size(), false);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        if (i < tokens.size() && !(i > start && tokens[i].raw.sentence_start)) continue;
        std::size_t content = 0, capitalised = 0;
        bool lower_function_word = false;
        for (std::size_t j = start; j < i; ++j) {
            if (tokens[j].raw.script != text::Script::latin) continue;
            if (tokens[j].stop) {
                lower_function_word |= !tokens[j].raw.capitalized && !title_case_small_word(tokens[j].norm);
                continue;
            }
            ++content;
            capitalised += tokens[j].raw.capitalized;
        }
        if (content >= 4 && capitalised * 10 >= content * 9 && !lower_function_word)
            for (std::size_t j = start; j < i; ++j) result[j] = true;
        start = i;
    }
    return result;
}

std::vector<TokenSpan> find_capitalized_names(const std::vector<DocToken>& tokens, const std::vector<bool>& taken,
                                              const std::vector<bool>& headline, const ContextWords& words) {
    std::vector<TokenSpan> names;
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (headline[i] || !name_word(tokens[i], taken[i], words)) {
            ++i;
            continue;
        }
        std::size_t end = i + 1, name_words = 1;
        while (end < tokens.size() && tokens[end].raw.spaced && !headline[end]) {
            if (name_word(tokens[end], taken[end], words)) {
                ++name_words;
                ++end;
                continue;
            }
            // Particles (al, bin, von der) only between two name words.
            std::size_t k = end;
            while (k < tokens.size() && !taken[k] && tokens[k].raw.spaced && !tokens[k].raw.capitalized &&
                   words.is_name_particle(tokens[k].norm))
                ++k;
            if (k == end || k >= tokens.size() || !tokens[k].raw.spaced || !name_word(tokens[k], taken[k], words))
                break;
            end = k;
        }
        if (name_words >= 2) names.push_back(TokenSpan{i, end});
        i = end;
    }
    return names;
}

}  // namespace naba::entities
