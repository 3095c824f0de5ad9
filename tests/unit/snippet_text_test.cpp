#include <doctest/doctest.h>

#include <string>

#include "snippet_text.h"

using naba::searcher::shorten_long_runs;

TEST_CASE("shorten_long_runs cuts each run without white space longer than the limit, at a character boundary") {
    const std::string ba(3000, 'b');
    CHECK(shorten_long_runs(ba + " Kyiv " + ba, 64, 8) == "bbbbbbbb… Kyiv bbbbbbbb…");
    // Arabic letters are two bytes: the cut never splits one.
    std::string arabic;
    for (int i = 0; i < 100; ++i) arabic += "ب";
    CHECK(shorten_long_runs(arabic + " غزة", 64, 7) == "ببب… غزة");
    // A letter and its combining accent stay together (one grapheme cluster).
    std::string accented;
    for (int i = 0; i < 100; ++i) accented += "e\u0301";
    CHECK(shorten_long_runs(accented, 64, 4) == "e\u0301…");
    CHECK(shorten_long_runs(accented, 64, 6) == "e\u0301e\u0301…");
    // Emoji with a skin tone modifier, likewise.
    std::string thumbs;
    for (int i = 0; i < 40; ++i) thumbs += "👍🏽";
    CHECK(shorten_long_runs(thumbs, 64, 10) == "👍🏽…");
}

TEST_CASE("shorten_long_runs leaves text without long runs as it is") {
    CHECK(shorten_long_runs("talks in Kyiv and غزة resumed", 64, 8) == "talks in Kyiv and غزة resumed");
    CHECK(shorten_long_runs("", 64, 8).empty());
    const std::string exactly(64, 'x');
    CHECK(shorten_long_runs(exactly + " y", 64, 8) == exactly + " y");
}
