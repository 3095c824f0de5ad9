#include <doctest/doctest.h>

#include <cctype>

#include "text/unicode_normalizer.h"

using naba::text::is_valid_utf8;
using naba::text::repair_utf8;
using naba::text::unicode_normalize;

TEST_CASE("unicode_normalize folds Latin case, including full-width letters") {
    CHECK(unicode_normalize("Zelensky") == "zelensky");
    CHECK(unicode_normalize("NATO") == "nato");
    CHECK(unicode_normalize("\xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF") == "nato");  // ＮＡＴＯ
}

TEST_CASE("unicode_normalize strips accents from Latin letters") {
    CHECK(unicode_normalize("Erdoğan") == "erdogan");
    CHECK(unicode_normalize("Pécs") == "pecs");
    CHECK(unicode_normalize("Zaporižžia") == "zaporizzia");
    CHECK(unicode_normalize("Gdańsk Øresund") == "gdansk øresund");  // ø has no base letter
}

TEST_CASE("unicode_normalize maps Arabic-Indic and Persian digits to ASCII") {
    CHECK(unicode_normalize("٣٠ يوماً") == "30 يوماً");
    CHECK(unicode_normalize("۲۰۲۵") == "2025");
    CHECK(unicode_normalize("2025") == "2025");
}

TEST_CASE("unicode_normalize turns Arabic presentation forms into letters (NFKC)") {
    CHECK(unicode_normalize("\xEF\xBB\xBB") == "لا");                            // U+FEFB lam-alef ligature
    CHECK(unicode_normalize("\xEF\xBB\x9B\xEF\xBB\xB4\xEF\xBB\xB4\xEF\xBB\x92") == "كييف");  // isolated/medial forms
}

TEST_CASE("unicode_normalize removes zero-width and bidi control characters") {
    CHECK(unicode_normalize("a\u200Cb") == "ab");         // ZWNJ
    CHECK(unicode_normalize("\u202Bكييف\u202C") == "كييف");  // RLE ... PDF
}

TEST_CASE("unicode_normalize replaces invalid UTF-8 with U+FFFD instead of failing") {
    CHECK(unicode_normalize("ab\xFF") == "ab\xEF\xBF\xBD");
}

TEST_CASE("is_valid_utf8 reports the byte offset of the first bad sequence") {
    std::size_t offset = 99;
    CHECK(is_valid_utf8("plain ascii"));
    CHECK(is_valid_utf8("كييف"));
    CHECK_FALSE(is_valid_utf8("ok\xC3(", &offset));
    CHECK(offset == 2);
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80", &offset));  // encoded surrogate
    CHECK(offset == 0);
}

TEST_CASE("repair_utf8 keeps valid text and replaces each bad sequence") {
    CHECK(repair_utf8("كييف") == "كييف");
    CHECK(repair_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("unicode_normalize lower-cases pure ASCII text exactly as ICU's NFKC_Casefold would") {
    const std::string ascii = "Ukraine's ZELENSKY said: \"Talks resume\" at 10:30 -- A-Z a-z 0-9 ~!@#$%^&*()\t\n";
    std::string lowered = ascii;
    for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(unicode_normalize(ascii) == lowered);
    // The same text with one non-ASCII letter goes through ICU and agrees on the rest.
    CHECK(unicode_normalize(ascii + "é") == lowered + "e");
}
