// Arabic and English stop words and question words, in the normalized form the analysis chain produces
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

// True for a query written as a question: it ends with a question mark (? or ؟), or
// its first word is a question word of either language (who, متى, ما, هل ...).
// naba-search ranks the passages of such a query by how close its words are
// (searcher/window_bonus.h), as question answering does.
bool is_question(std::string_view query);

}  // namespace naba::text
