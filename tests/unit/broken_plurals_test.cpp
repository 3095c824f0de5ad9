#include <doctest/doctest.h>

#include <string>

#include "stem/broken_plurals.h"
#include "stem/script_stemmer.h"

using naba::stem::broken_plural_list;
using naba::stem::singular_stem;

TEST_CASE("shared stemmer gives a listed broken plural its singular's stem, in every clitic form") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    CHECK(stem("الأطفال") == stem("طفل"));
    CHECK(stem("وأطفالهم") == stem("الطفل"));
    CHECK(stem("الصواريخ") == stem("صاروخ"));
    CHECK(stem("الثواني") == stem("ثانية"));
    CHECK(stem("الجنود") == stem("جندي"));
    CHECK(stem("الشهداء") == stem("شهيد"));
}

TEST_CASE("every listed broken plural meets its singular through the shared stemmer") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    for (const auto& [plural, singular] : broken_plural_list()) {
        CAPTURE(std::string(plural));
        CHECK(stem(std::string(plural)) == stem(std::string(singular)));
        CHECK(stem("ال" + std::string(plural)) == stem(std::string(singular)));
    }
}

TEST_CASE("stems outside the list are left as they are") {
    CHECK(singular_stem("كتاب") == "كتاب");
    CHECK(singular_stem("") == "");
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    // Left out of the list: أسرى would share its stem with أسرة (family), مدن with
    // المدني (civilian).
    CHECK(stem("الأسرة") == "اسر");
    CHECK(stem("المدنيين") == "مدن");
    CHECK(stem("children") == "children");
}
