#include "text/initialisms.h"

#include <unicode/utf8.h>

#include "text/script.h"

namespace naba::text {
namespace {

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// Whether the character starting at s[j] (false at the end) is a word character.
bool word_char_at(std::string_view s, std::size_t j) {
    if (j >= s.size()) return false;
    UChar32 c;
    auto pos = static_cast<int32_t>(j);
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
    return c >= 0 && is_word_char(static_cast<char32_t>(c));
}

// Whether the character ending just before s[j] (false at the start) is one.
bool word_char_before(std::string_view s, std::size_t j) {
    if (j == 0) return false;
    UChar32 c;
    auto pos = static_cast<int32_t>(j);
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, pos, c);
    return c >= 0 && is_word_char(static_cast<char32_t>(c));
}

struct Match {
    std::size_t length = 0;  // of the initialism at `i`, 0 when there is none
    std::size_t scanned = 0;  // bytes after `i` that no initialism can start in
};

// The initialism starting at `i` and its letters. When there is none, no other one
// starts inside the letter-period run either (each would end the same way), so the
// caller skips the run: scanning it again from each letter made a long run that ends
// in a digit ("a.b.c.…z.1") quadratic.
Match match_at(std::string_view s, std::size_t i, std::string& letters) {
    letters.clear();
    std::size_t j = i;
    while (j + 1 < s.size() && is_lower_ascii(s[j]) && s[j + 1] == '.') {
        letters += s[j];
        j += 2;
    }
    const std::size_t run_end = j;
    // The last letter may come without its period ("u.s" at a word's end).
    if (letters.size() >= 1 && j < s.size() && is_lower_ascii(s[j]) && !word_char_at(s, j + 1)) {
        letters += s[j];
        ++j;
    }
    if (letters.size() < 2 || word_char_at(s, j)) return {0, run_end > i ? run_end - i : 1};  // "u.s.a1", "a.b.cd"
    return {j - i, j - i};
}

}  // namespace

std::string join_initialisms(std::string folded) {
    // Fast path: most text has no letter-period-letter at all.
    bool any = false;
    for (std::size_t p = folded.find('.'); p != std::string::npos && !any; p = folded.find('.', p + 1))
        any = p > 0 && p + 1 < folded.size() && is_lower_ascii(folded[p - 1]) && is_lower_ascii(folded[p + 1]);
    if (!any) return folded;  // moved: no copy for the usual text

    std::string out;
    out.reserve(folded.size());
    std::string letters;
    std::size_t i = 0;
    while (i < folded.size()) {
        if (is_lower_ascii(folded[i]) && !word_char_before(folded, i)) {
            const Match m = match_at(folded, i, letters);
            if (m.length > 0) {
                out += letters;
            } else {
                out.append(folded, i, m.scanned);
            }
            i += m.scanned;
            continue;
        }
        out += folded[i++];
    }
    return out;
}

}  // namespace naba::text
