// Arabic and English stop words, in the normalized form the analysis chain produces
// (the lists are written in ordinary spelling and passed through the same
// normalization as every document, so أن and ان are one entry).
#pragma once

#include <string>
#include <vector>

namespace naba::text {

// Every stop word of both languages, normalized, without duplicates.
const std::vector<std::string>& stop_words();

// True for a listed stop word, and for a listed Arabic stop word of three letters or
// more with a conjunction (و ف) and/or a preposition (ب ل ك) written onto it:
// والتي, فهذا, لهذه, بذلك, وبهذا. Only a listed word can follow the clitics, so
// content words are not dropped by this rule. `word` is normalized.
bool is_stop_word(std::string_view word);

}  // namespace naba::text
