#include "text/initialisms.h"

#include <algorithm>

namespace naba::text {
namespace {

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// A byte that can be part of a word: an ASCII letter or digit, or any byte of a
// non-ASCII character (letters of other scripts; a conservative choice).
bool is_word_byte(char c) {
    auto b = static_cast<unsigned char>(c);
    return b >= 0x80 || is_lower_ascii(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The run of "letter." pairs starting at `i` (and a last letter without its period):
// its end, and whether it is an initialism, whose letters are then in `letters`.
struct Run {
    std::size_t end;
    bool initialism;
};

Run scan_run(std::string_view s, std::size_t i, std::string& letters) {
    letters.clear();
    std::size_t j = i;
    while (j + 1 < s.size() && is_lower_ascii(s[j]) && s[j + 1] == '.') {
        letters += s[j];
        j += 2;
    }
    // The last letter may come without its period ("u.s" at a word's end).
    if (!letters.empty() && j < s.size() && is_lower_ascii(s[j]) && (j + 1 == s.size() || !is_word_byte(s[j + 1]))) {
        letters += s[j];
        ++j;
    }
    // "u.s.a1", "a.b.cd": the run touches a word, so it is not an initialism.
    const bool touches = j < s.size() && is_word_byte(s[j]);
    return {j, letters.size() >= 2 && !touches};
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
            const Run run = scan_run(folded, i, letters);
            if (run.initialism) {
                out += letters;
            } else {
                // Every later start inside a failed run fails the same way: copy the
                // run as it is (this keeps the stage linear on "a.a.a.…a1").
                out.append(folded.substr(i, std::max<std::size_t>(run.end - i, 1)));
            }
            i += std::max<std::size_t>(run.end - i, 1);
            continue;
        }
        out += folded[i++];
    }
    return out;
}

}  // namespace naba::text
