#include <doctest/doctest.h>

#include "text/arabic_normalizer.h"

using naba::text::arabic_normalize;

TEST_CASE("arabic_normalize removes harakat, superscript alef and tatweel") {
    CHECK(arabic_normalize("وَقْفُ إِطْلاقِ النَّارِ") == "وقف اطلاق النار");
    CHECK(arabic_normalize("الهـدنة") == "الهدنه");
    CHECK(arabic_normalize("وقـــف") == "وقف");
    CHECK(arabic_normalize("هٰذا") == "هذا");
    CHECK(arabic_normalize("يوماً") == "يوما");
}

TEST_CASE("arabic_normalize folds the alef forms to bare alef") {
    CHECK(arabic_normalize("أوكرانيا") == "اوكرانيا");
    CHECK(arabic_normalize("إطلاق") == "اطلاق");
    CHECK(arabic_normalize("آلاف") == "الاف");
    CHECK(arabic_normalize("ٱلسلام") == "السلام");
}

TEST_CASE("arabic_normalize maps alef maqsura to yeh and teh marbuta to heh") {
    CHECK(arabic_normalize("مستشفى") == "مستشفي");
    CHECK(arabic_normalize("مستشفى") == arabic_normalize("مستشفي"));
    CHECK(arabic_normalize("الهدنة") == "الهدنه");
    CHECK(arabic_normalize("المتحدة") == arabic_normalize("المتحده"));
}

TEST_CASE("arabic_normalize unifies the hamza seats ؤ and ئ as ء") {
    CHECK(arabic_normalize("مسؤول") == "مسءول");
    CHECK(arabic_normalize("مسئول") == "مسءول");
    CHECK(arabic_normalize("شؤون") == arabic_normalize("شئون"));
    // The hamza itself is kept: رئيس does not become the unrelated ريس.
    CHECK(arabic_normalize("رئيس") != "ريس");
}

TEST_CASE("arabic_normalize maps Persian yeh and keheh to their Arabic letters") {
    CHECK(arabic_normalize("کییف") == "كييف");
}

TEST_CASE("arabic_normalize writes the letters of foreign sounds پ ڤ چ as ب ف ج") {
    CHECK(arabic_normalize("ترمپ") == "ترمب");
    CHECK(arabic_normalize("لافروڤ") == "لافروف");
    CHECK(arabic_normalize("چرچل") == "جرجل");
}

TEST_CASE("arabic_normalize leaves other scripts untouched") {
    CHECK(arabic_normalize("Zelensky 2025") == "Zelensky 2025");
    CHECK(arabic_normalize("") == "");
}

TEST_CASE("arabic_normalize writes invalid bytes as U+FFFD and keeps Latin text around Arabic as it is") {
    CHECK(naba::text::arabic_normalize("a\xFF" "أ") == "a\xEF\xBF\xBD" "ا");
    CHECK(naba::text::arabic_normalize("Kyiv كييف، Kyiv") == "Kyiv كييف، Kyiv");
    CHECK(naba::text::arabic_normalize("إلى") == "الي");
}
