#include "entities/name_key.h"

#include <algorithm>
#include <vector>

#include "text/utf8.h"

namespace naba::entities {
namespace {

bool is_vowel_class(char c) { return c == 'A' || c == 'I' || c == 'U'; }

// Class of a normalized Latin letter; 0 for a letter that is dropped (h), '?' for a
// character that is not a Latin letter.
char latin_class(char c, bool first) {
    switch (c) {
        case 'a': return 'A';
        case 'e': case 'i': return 'I';
        case 'y': return first ? 'J' : 'I';
        case 'o': case 'u': return 'U';
        case 'b': case 'p': return 'B';
        case 'c': case 'k': case 'q': return 'K';
        case 'g': return 'G';
        case 'j': return 'J';
        case 'd': case 't': return 'T';
        case 'f': case 'v': case 'w': return 'F';
        case 's': case 'z': case 'x': return 'S';
        case 'l': return 'L';
        case 'm': return 'M';
        case 'n': return 'N';
        case 'r': return 'R';
        case 'h': return 0;
        default: return '?';
    }
}

// Class of a normalized Arabic letter (after arabic_normalize: no أ إ آ ة ى ؤ ئ).
char arabic_class(char32_t c, bool first) {
    switch (c) {
        case U'\u0627': case U'\u0621': case U'\u0639': case U'\u0647': case U'\u0629': return 'A';
        case U'\u064A': case U'\u0649': return first ? 'J' : 'I';
        case U'\u0648': return first ? 'F' : 'U';
        case U'\u0628': return 'B';
        case U'\u062A': case U'\u0637': return 'T';
        case U'\u062B': case U'\u0633': case U'\u0635': case U'\u0632': case U'\u0630': case U'\u0638': return 'S';
        case U'\u0634': return 'X';
        // گ (g) is not folded by arabic_normalize: news writes g as ج, غ or ق.
        case U'\u062C': case U'\u063A': case U'\u0642': case U'\u06AF': return 'G';
        case U'\u0643': return 'K';
        case U'\u062D': case U'\u062E': return 'H';
        case U'\u062F': case U'\u0636': return 'D';
        case U'\u0631': return 'R';
        case U'\u0644': return 'L';
        case U'\u0645': return 'M';
        case U'\u0646': return 'N';
        case U'\u0641': return 'F';
        default: return '?';
    }
}

}  // namespace

std::optional<NameKey> name_key(std::string_view token) {
    NameKey result;
    if (token.empty()) return std::nullopt;
    result.arabic = static_cast<unsigned char>(token[0]) >= 0x80;
    char32_t previous_letter = 0;
    std::size_t i = 0;
    while (i < token.size()) {
        char32_t c = text::next_code_point(token, i);
        bool first = result.letters == 0;
        ++result.letters;
        char cls;
        if (result.arabic) {
            cls = arabic_class(c, first);
        } else {
            if (c >= 0x80) return std::nullopt;
            char letter = static_cast<char>(c);
            if (first) result.first = letter;
            cls = latin_class(letter, first);
            if (letter == 'h' && previous_letter == 'p') {  // ph = f
                result.key.back() = 'F';
                cls = 0;
            }
        }
        if (cls == '?') return std::nullopt;
        bool doubled = result.arabic ? c == previous_letter
                                     : (!result.key.empty() && result.key.back() == cls);
        previous_letter = c;
        if (cls == 0 || doubled) continue;
        result.key += cls;
    }
    // A final j is a vowel in Slavic and German transliterations (Zelenskij, Sergej).
    if (!result.arabic && token.back() == 'j' && !result.key.empty() && result.key.back() == 'J') {
        result.key.pop_back();
        if (result.key.empty() || result.key.back() != 'I') result.key += 'I';
    }
    result.skeleton = result.arabic ? "a" : "l";
    for (char cls : result.key)
        if (!is_vowel_class(cls)) result.skeleton += cls;
    return result;
}

std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t bound) {
    std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
    if (longer - shorter > bound) return bound + 1;
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t row_min = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({substitution, row[j] + 1, row[j - 1] + 1});
            row_min = std::min(row_min, row[j]);
        }
        if (row_min > bound) return bound + 1;
    }
    return std::min(row[b.size()], bound + 1);
}

char first_letter_class(char first, bool first_names) {
    switch (first) {
        case 'c': case 'k': case 'q': return 'k';
        case 'v': case 'w': return 'w';
        case 'y': case 'j': case 'i': return 'i';
        case 'e': return first_names ? 'i' : 'e';
        case 'o': case 'u': return first_names ? 'u' : first;
        default: return first;
    }
}

bool fuzzy_variant(const NameKey& word, const NameKey& alias, bool first_names) {
    if (word.arabic != alias.arabic || word.letters < 5) return false;
    // Skeleton: a script marker, then at least 3 consonants (4 in Arabic, whose short
    // words share skeletons: السياسي / السيسي).
    std::size_t min_skeleton = word.arabic ? 5 : 4;
    if (word.skeleton != alias.skeleton || word.skeleton.size() < min_skeleton) return false;
    if (word.key.empty() || alias.key.empty() || word.key.back() != alias.key.back()) return false;
    // Latin transliterations keep a name's first letter (Whitkoff, Zelinski, Poutine)
    // but for a few spellings of one sound (first_letter_class). Sound classes alone
    // would make Sharif a Zarif.
    if (!word.arabic && first_letter_class(word.first, first_names) != first_letter_class(alias.first, first_names))
        return false;
    std::size_t bound;
    if (word.arabic) {
        bound = 2;
    } else {
        std::size_t length = alias.key.size();
        bound = length <= 5 ? 0 : length <= 8 ? 1 : 2;
    }
    return bounded_distance(word.key, alias.key, bound) <= bound;
}

}  // namespace naba::entities
