// What a terminal may be shown of a text: control characters dropped or written visibly.
#include <doctest/doctest.h>

#include "text/terminal_text.h"

using namespace naba::text;

TEST_CASE("escape_controls writes C0, DEL and C1 characters visibly and keeps the rest") {
    CHECK(escape_controls("plain عربي text") == "plain عربي text");
    CHECK(escape_controls("a\tb\nc\rd") == "a\\tb\\nc\\rd");
    CHECK(escape_controls("\x1b[2J\x7f") == "\\x1B[2J\\x7F");
    CHECK(escape_controls("csi \xc2\x9b end") == "csi \\xC2\\x9B end");
    CHECK(escape_controls(std::string("nul\0here", 8)) == "nul\\x00here");
    CHECK(escape_controls("\xc2\xa0") == "\xc2\xa0");  // no-break space is no control character
}

TEST_CASE("one_line drops control characters and squeeze_spaces keeps them") {
    CHECK(one_line("  red \x1b[31m\n title ") == "red [31m title");
    CHECK(squeeze_spaces("a \x01mark\x02  b") == "a \x01mark\x02 b");
    CHECK(has_control("a\x01") == true);
    CHECK(has_control("a\tb\n") == false);
}

TEST_CASE("controls_as_spaces makes each C0, DEL and C1 character one space and keeps the rest") {
    CHECK(controls_as_spaces("lang:\x01" "ar") == "lang: ar");
    CHECK(controls_as_spaces("a\tb\x7f" "c\xc2\x85" "d") == "a b c d");
    CHECK(controls_as_spaces(std::string("nul\0", 4)) == "nul ");
    CHECK(controls_as_spaces("\xc2\xa0عربي") == "\xc2\xa0عربي");  // a no-break space and letters stay
}

TEST_CASE("excerpt keeps short text and cuts long text at a character boundary") {
    CHECK(excerpt("short") == "short");
    std::string arabic;
    for (int i = 0; i < 150; ++i) arabic += "ب";  // two bytes each: byte 200 starts a letter
    arabic = "x" + arabic;                          // now it falls inside one
    const std::string cut = excerpt(arabic);
    CHECK(cut.starts_with("x"));
    CHECK(cut.ends_with("… (301 bytes in all)"));
    CHECK(cut.size() == 199 + std::string("… (301 bytes in all)").size());
}
