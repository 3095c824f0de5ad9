// entities::scan_tokens (common/entities/token_scanner.h): token bounds, script splits,
// capitalisation and what separates a token from the one before.
#include <doctest/doctest.h>

#include <string>

#include "entities/token_scanner.h"
#include "text/script.h"
#include "text/utf8.h"

using naba::entities::RawToken;
using naba::entities::scan_tokens;
using naba::text::Script;

TEST_CASE("scan_tokens splits at a change of script and marks capitals and sentence starts") {
    const std::string text = "Talks in Kyivكييف. NATO said";
    const auto tokens = scan_tokens(text);
    REQUIRE(tokens.size() == 6);
    CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "Kyiv");
    CHECK(tokens[3].script == Script::arabic);
    CHECK(tokens[2].capitalized);
    CHECK(tokens[0].sentence_start);
    CHECK(tokens[4].sentence_start);  // after the full stop
    CHECK(tokens[4].all_caps);
    CHECK_FALSE(tokens[5].capitalized);
}

TEST_CASE("scan_tokens answers every character of the Arabic block as the shared script functions do") {
    for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
        CAPTURE(static_cast<unsigned>(c));
        std::string one;
        naba::text::append_utf8(one, c);
        const auto tokens = scan_tokens("x " + one + " y");
        const bool word = naba::text::is_word_char(c);
        REQUIRE(tokens.size() == (word ? 3u : 2u));
        if (word) CHECK(tokens[1].script == naba::text::script_of(c));
    }
}
