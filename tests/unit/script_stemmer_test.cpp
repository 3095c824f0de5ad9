#include <doctest/doctest.h>

#include "stem/script_stemmer.h"

TEST_CASE("script stemmer sends Latin tokens to English Snowball") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    CHECK(stem("talks") == "talk");
    CHECK(stem("negotiations") == "negoti");
    CHECK(stem("exchanges") == stem("exchange"));
}

TEST_CASE("script stemmer sends Arabic tokens to Light10") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    CHECK(stem("والمفاوضات") == "مفاوض");
    CHECK(stem("للسلام") == "سلام");
}

TEST_CASE("script stemmer normalizes raw Arabic words (as in snippet text) before stemming") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    CHECK(stem("الهُدنة") == "هدن");
    CHECK(stem("الهـدنة") == stem("الهدنه"));
    CHECK(stem("بالأسرى") == stem("الاسري"));
}

TEST_CASE("script stemmer folds accents of raw Latin words (as in snippet text)") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    CHECK(stem("erdoğan") == stem("erdogan"));
}

TEST_CASE("script stemmer leaves other scripts and numbers unstemmed") {
    Xapian::Stem stem = naba::stem::make_script_stemmer();
    CHECK(stem("москвы") == "москвы");
    CHECK(stem("2025") == "2025");
    CHECK(stem("") == "");
}
