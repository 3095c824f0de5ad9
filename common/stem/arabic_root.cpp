#include "stem/arabic_root.h"

#include <array>

#include "text/utf8.h"

namespace naba::stem {
namespace {

// Affixes in normalized spelling (ة is ه), longest first within each list.
constexpr std::array<std::u32string_view, 5> kPrefixes3 = {U"كال", U"بال", U"وال", U"فال", U"ولل"};
constexpr std::array<std::u32string_view, 2> kPrefixes2 = {U"ال", U"لل"};
constexpr std::array<std::u32string_view, 5> kSuffixes3 = {U"تين", U"تان", U"هما", U"كما", U"تما"};
constexpr std::array<std::u32string_view, 17> kSuffixes2 = {U"ون", U"ات", U"ان", U"ين", U"تن", U"كم",
                                                            U"هن", U"نا", U"يا", U"ها", U"تم", U"كن",
                                                            U"ني", U"وا", U"ما", U"هم", U"يه"};
constexpr std::u32string_view kSuffix1 = U"هيكتان";     // one-letter suffixes
constexpr std::u32string_view kPrefix1 = U"لبفسويتنا";  // one-letter prefixes

// Derivational patterns: ف ع ل mark the root letters, every other letter must match.
// Within a length the more specific pattern comes first (mostly the ISRI order; مفاعل
// before مفعول, so that مفاوض gives فوض as تفاوض does, not فاض).
constexpr std::array<std::u32string_view, 6> kPatterns4 = {U"مفعل", U"فاعل", U"فعال", U"فعول", U"فعيل", U"فعله"};
constexpr std::array<std::u32string_view, 25> kPatterns5 = {
    U"افتعل", U"افاعل", U"مفاعل", U"تفاعل", U"يفاعل", U"مفعول", U"مفعال", U"مفعيل", U"مفعله",
    U"تفعله", U"افعله", U"مفتعل", U"يفتعل", U"تفتعل", U"فعوله", U"فعاله", U"انفعل", U"منفعل",
    U"افعال", U"فعلان", U"تفعيل", U"فاعول", U"فواعل", U"فعاءل", U"فاعله"};
constexpr std::array<std::u32string_view, 10> kPatterns6 = {U"استفعل", U"مستفعل", U"مفاعله", U"افتعال", U"انفعال",
                                                            U"تفاعيل", U"مفاعيل", U"افاعيل", U"متفاعل", U"مفتعله"};
constexpr std::array<std::u32string_view, 2> kPatterns7 = {U"استفعال", U"مستفعله"};

bool is_slot(char32_t c) { return c == U'ف' || c == U'ع' || c == U'ل'; }

// The root letters of `word` if it fits `pattern` (same length assumed).
bool match(std::u32string_view word, std::u32string_view pattern, std::u32string& root) {
    root.clear();
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (is_slot(pattern[i])) {
            root += word[i];
        } else if (pattern[i] != word[i]) {
            return false;
        }
    }
    return true;
}

template <std::size_t N>
bool match_any(std::u32string_view word, const std::array<std::u32string_view, N>& patterns, std::u32string& root) {
    for (std::u32string_view p : patterns)
        if (p.size() == word.size() && match(word, p, root)) return true;
    return false;
}

bool match_length(std::u32string_view word, std::u32string& root) {
    switch (word.size()) {
        case 4: return match_any(word, kPatterns4, root);
        case 5: return match_any(word, kPatterns5, root);
        case 6: return match_any(word, kPatterns6, root);
        case 7: return match_any(word, kPatterns7, root);
        default: return false;
    }
}

// Removes the first affix of `list` that leaves at least `keep` letters.
template <std::size_t N>
bool strip_prefix(std::u32string& w, const std::array<std::u32string_view, N>& list, std::size_t keep) {
    for (std::u32string_view a : list)
        if (w.size() >= a.size() + keep && std::u32string_view(w).starts_with(a)) return w.erase(0, a.size()), true;
    return false;
}

template <std::size_t N>
bool strip_suffix(std::u32string& w, const std::array<std::u32string_view, N>& list, std::size_t keep) {
    for (std::u32string_view a : list)
        if (w.size() >= a.size() + keep && std::u32string_view(w).ends_with(a)) return w.erase(w.size() - a.size()), true;
    return false;
}

std::u32string decode(std::string_view word) {
    std::u32string out;
    for (std::size_t i = 0; i < word.size();) out += text::next_code_point(word, i);
    return out;
}

std::string encode(std::u32string_view word) {
    std::string out;
    for (char32_t c : word) text::append_utf8(out, c);
    return out;
}

}  // namespace

std::string arabic_root(std::string_view utf8) {
    std::u32string w = decode(utf8);
    // Article and long affixes; at least 3 letters stay (the ISRI lengths 6 and 5).
    if (!strip_prefix(w, kPrefixes3, 3)) strip_prefix(w, kPrefixes2, 3);
    if (!strip_suffix(w, kSuffixes3, 3)) strip_suffix(w, kSuffixes2, 3);
    if (w.size() >= 4 && w.starts_with(U"وو")) w.erase(0, 1);  // connective و on a و-initial word

    // Patterns by length; when none fits, one affix letter goes (suffix first) and the
    // shorter word is tried again, down to three letters.
    std::u32string root;
    while (w.size() >= 4 && w.size() <= 7) {
        if (match_length(w, root)) return encode(root);
        if (kSuffix1.find(w.back()) != std::u32string_view::npos) {
            w.pop_back();
        } else if (kPrefix1.find(w.front()) != std::u32string_view::npos) {
            w.erase(0, 1);
        } else {
            break;
        }
    }
    return encode(w);
}

}  // namespace naba::stem
