// Script of a token and the script-split stage. Each token goes to the stemmer of
// its own script, so a run like "كييفKyiv" (missing space, common in scraped and
// machine-translated text) is split into "كييف Kyiv" before tokenization.
#pragma once

#include <string>
#include <string_view>

namespace naba::text {

enum class Script { arabic, latin, other };

// Script of a single code point (ICU's UScriptCode, reduced to what Naba stems).
Script script_of(char32_t c);

// A character that can be part of a word: a letter or digit of any script, a
// combining mark (harakat) or a format character (ZWNJ), which the normalizer removes
// or keeps inside a word. Punctuation, ASCII or not, is not (“U.S.”, U.S.—led).
bool is_word_char(char32_t c);

// Script of a token: that of its first letter (digits and marks are skipped);
// `other` when it has no letter.
Script token_script(std::string_view utf8);

// Inserts a space wherever an Arabic letter directly touches a Latin letter or a
// digit (و2005, الـ24 -> ال 24 once tatweel is gone).
std::string split_scripts(std::string_view utf8);

}  // namespace naba::text
