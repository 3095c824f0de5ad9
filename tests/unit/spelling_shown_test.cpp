// How a "did you mean" suggestion is shown (searcher/spelling_shown): the user's words
// as typed where it keeps them, the words it brings in as documents write them, never
// the normalized spellings of the spelling table (lower case, ة as ه, أ as ا).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "spelling_shown.h"

using namespace naba::searcher;

namespace {

bool nothing_known(const std::string&) { return false; }

// What the documents write for a few terms.
std::string spelt(const std::string& term) {
    static const std::map<std::string, std::string> written = {
        {"geneva", "Geneva"}, {"الهدنه", "الهدنة"}, {"grain", "grain"}};
    auto it = written.find(term);
    return it == written.end() ? term : it->second;
}

}  // namespace

TEST_CASE("shown_correction keeps the user's words as typed and spells new ones as the documents do") {
    CHECK(shown_correction("Zelensky Genva", "zelensky genva", "zelensky geneva", nothing_known, spelt) ==
          "Zelensky Geneva");
    CHECK(shown_correction("إطلاق الهدنت", "اطلاق الهدنت", "اطلاق الهدنه", nothing_known, spelt) == "إطلاق الهدنة");
    CHECK(shown_correction("(Odesa graen)", "(odesa graen)", "(odesa grain)", nothing_known, spelt) ==
          "(Odesa grain)");
    CHECK(shown_correction("Title:Genva", "title:genva", "title:geneva", nothing_known, spelt) == "title:Geneva");
}

TEST_CASE("shown_correction keeps a word the index knows as typed, and is empty when nothing is left to correct") {
    auto known = [](const std::string& word) { return word == "what"; };
    CHECK(shown_correction("What graen", "what graen", "wheat grain", known, spelt) == "What grain");
    CHECK(shown_correction("What", "what", "wheat", known, spelt) == "");
    CHECK(shown_correction("grain", "grain", "", known, spelt) == "");
}

TEST_CASE("shown_correction shows words as read when a chunk was split by script") {
    // كييفKyiv is read as two words: the chunks as typed no longer pair up.
    CHECK(shown_correction("كييفKyiv graen", "كييف kyiv graen", "كييف kyiv grain", nothing_known, spelt) ==
          "كييف kyiv grain");
}

TEST_CASE("word_core drops what is written around a word") {
    CHECK(word_core("(\"grain") == "grain");
    CHECK(word_core("+title:grain)") == "title:grain");
    CHECK(word_core("()") == "");
}
