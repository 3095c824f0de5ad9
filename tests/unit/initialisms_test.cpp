#include <doctest/doctest.h>

#include "analyzer.h"
#include "text/initialisms.h"

using naba::text::join_initialisms;

TEST_CASE("dotted initialisms become one word") {
    CHECK(join_initialisms("u.s. troops") == "us troops");
    CHECK(join_initialisms("the u.n. said") == "the un said");
    CHECK(join_initialisms("n.y. bank") == "ny bank");
    CHECK(join_initialisms("u.s.a.") == "usa");
    CHECK(join_initialisms("in the u.s") == "in the us");  // last period missing
    CHECK(join_initialisms("(u.k.)") == "(uk)");
    CHECK(join_initialisms("u.s.-led talks") == "us-led talks");
}

TEST_CASE("punctuation outside ASCII around an initialism does not hide it: quotes, dashes, guillemets") {
    CHECK(join_initialisms("\u201cu.s. forces\u201d") == "\u201cus forces\u201d");
    CHECK(join_initialisms("the u.s.\u2014led coalition") == "the us\u2014led coalition");
    CHECK(join_initialisms("the u.s.\u2019 position") == "the us\u2019 position");
    CHECK(join_initialisms("\u00abu.n.\u00bb") == "\u00abun\u00bb");
    CHECK(join_initialisms("\u201cu.s\u201d") == "\u201cus\u201d");
}

// A guard against quadratic work, not a speed target: scanning the run again from
// each of its letters took minutes on this half megabyte; once through takes ~1 ms.
TEST_CASE("a long run of letters and periods that is not an initialism is passed over once" *
          doctest::timeout(5)) {
    std::string run, letters;
    for (int i = 0; i < 256 * 1024; ++i) {
        const char c = static_cast<char>('a' + i % 26);
        run += {c, '.'};
        letters += c;
    }
    for (const char* tail : {"1", "zz", "\u00e9"}) {
        CAPTURE(tail);
        CHECK(join_initialisms(run + tail) == run + tail);
    }
    CHECK(join_initialisms(run + "-") == letters + "-");  // the same run standing alone is one
}

TEST_CASE("text that is not a dotted initialism is left as it is") {
    for (const char* s : {"version 1.2.3", "t.co/x", "ab.c.", "a.bc", "george w. bush", "end. next", "x.", "a.b1",
                          "file.c", "..", "", "بايدن. ترامب"}) {
        CAPTURE(s);
        CHECK(join_initialisms(s) == s);
    }
    // A letter of another script touching the run: not a standalone initialism.
    CHECK(join_initialisms("éu.s.") == "éu.s.");
}

TEST_CASE("the analysis chain makes U.S. and US the same word, at indexing and in queries") {
    naba::Analyzer analyzer;
    CHECK(analyzer.normalize("U.S. troops") == analyzer.normalize("US troops"));
    CHECK(analyzer.normalize("the U.N. Security Council") == "the un security council");
    CHECK(analyzer.normalize_query("U.S. AND sanctions") == "us AND sanctions");
}
