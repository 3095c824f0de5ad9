#include "text/initialisms.h"

namespace naba::text {
namespace {

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A byte that can be part of a word: an ASCII letter or digit, or any byte of a
// non-ASCII character (letters of other scripts; a conservative choice).
bool is_word_byte(char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || is_lower_ascii(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of the initialism starting at `i` (0 when there is none), and its letters.
std::size_t match_at(std::string_view s, std::size_t i, std::string& letters) {
    letters.clear();
    std::size_t j = i;
    while (j + 1 < s.size() && is_lower_ascii(s[j]) && s[j + 1] == '.') {
        letters += s[j];
        j += 2;
    }
    // The last letter may come without its period ("u.s" at a word's end).
    if (letters.size() >= 1 && j < s.size() && is_lower_ascii(s[j]) && (j + 1 == s.size() || !is_word_byte(s[j + 1]))) {
        letters += s[j];
        ++j;
    }
    if (letters.size() < 2) return 0;
    if (j < s.size() && is_word_byte(s[j])) return 0;  // "u.s.a1", "a.b.cd"
    return j - i;
}

}  // namespace

std::string join_initialisms(std::string_view folded) {
    // Fast path: most text has no letter-period-letter at all.
    bool any = false;
    for (std::size_t p = folded.find('.'); p != std::string_view::npos && !any; p = folded.find('.', p + 1))
        any = p > 0 && p + 1 < folded.size() && is_lower_ascii(folded[p - 1]) && is_lower_ascii(folded[p + 1]);
    if (!any) return std::string(folded);

    std::string out;
    out.reserve(folded.size());
    std::string letters;
    std::size_t i = 0;
    while (i < folded.size()) {
        const bool starts_word = i == 0 || !is_word_byte(folded[i - 1]);
        if (starts_word && is_lower_ascii(folded[i])) {
            if (std::size_t n = match_at(folded, i, letters); n > 0) {
                out += letters;
                i += n;
                continue;
            }
        }
        out += folded[i++];
    }
    return out;
}

}  // namespace naba::text
