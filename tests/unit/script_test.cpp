#include <doctest/doctest.h>

#include "text/script.h"

using naba::text::Script;
using naba::text::split_scripts;
using naba::text::token_script;

TEST_CASE("token_script finds the script of the first letter") {
    CHECK(token_script("kyiv") == Script::latin);
    CHECK(token_script("كييف") == Script::arabic);
    CHECK(token_script("erdoğan") == Script::latin);
    CHECK(token_script("2025") == Script::other);
    CHECK(token_script("москва") == Script::other);
    CHECK(token_script("") == Script::other);
}

TEST_CASE("split_scripts separates Arabic and Latin letters that touch") {
    CHECK(split_scripts("كييفKyiv") == "كييف Kyiv");
    CHECK(split_scripts("NATOالناتو") == "NATO الناتو");
    CHECK(split_scripts("بـNATO") == "بـ NATO");  // tatweel belongs to the Arabic run
}

TEST_CASE("split_scripts splits every switch of script in a run, Cyrillic and Greek too, and keeps the rest") {
    CHECK(split_scripts("aبcدe") == "a ب c د e");
    CHECK(split_scripts("x Kyivкиївكييف.") == "x Kyiv київ كييف.");
    CHECK(split_scripts("αβγabc") == "αβγ abc");
    CHECK(split_scripts("Ab\u0301cدِ1x") == "Ab\u0301c دِ 1x");  // marks join; a digit ends the run
    CHECK(split_scripts("") == "");
    CHECK(split_scripts("ب") == "ب");
}

TEST_CASE("split_scripts separates a number from the Arabic letters written onto it") {
    CHECK(split_scripts("بين 2014 و2015") == "بين 2014 و 2015");
    CHECK(split_scripts("ال24 بـ3") == "ال 24 بـ 3");  // الـ24 once tatweel is gone; بـ3 keeps it
    CHECK(split_scripts("أبولو1 2أ") == "أبولو 1 2 أ");
    CHECK(split_scripts("F16 COVID19 3D") == "F16 COVID19 3D");  // Latin letters keep their digits
    CHECK(split_scripts("و 30، 40") == "و 30، 40");
}

TEST_CASE("split_scripts leaves single-script text, digits and punctuation alone") {
    CHECK(split_scripts("NATO-الناتو") == "NATO-الناتو");
    CHECK(split_scripts("وَقْفُ النار") == "وَقْفُ النار");
    CHECK(split_scripts("plain text") == "plain text");
}
