// Splits raw text into word tokens for entity recognition, keeping what the analysis
// chain throws away: byte offsets into the original text, capitalisation, and what
// separates a token from the previous one (a sentence end, other punctuation, or
// only spaces). Tokens are runs of letters, digits and combining marks; a change of
// script (Arabic / Latin) also splits, as the analysis chain's split_scripts does, and
// an English possessive ('s, ’s) is left out of the token.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/script.h"

namespace naba::entities {

struct RawToken {
    std::size_t begin = 0;  // byte offsets in the scanned text
    std::size_t end = 0;
    text::Script script = text::Script::other;
    bool capitalized = false;     // first letter upper case (Latin)
    bool all_caps = false;        // two or more letters, all upper case (NATO, ICC)
    bool sentence_start = false;  // first token, or after . ! ? ؟ or a line break
    bool hard_break = false;      // separated from the previous token by more than
                                  // spaces, hyphens, apostrophes, '.' and ','
    bool spaced = true;           // separated from the previous token by whitespace only,
                                  // or by one hyphen or apostrophe (al-Sharaa, O'Brien)
};

std::vector<RawToken> scan_tokens(std::string_view text);

}  // namespace naba::entities
