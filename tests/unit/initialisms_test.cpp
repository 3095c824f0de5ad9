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

TEST_CASE("a long run of letters and periods that touches a word is copied as it is, in one pass") {
    // Rescanning from every letter of such a run would take minutes at this size.
    std::string run;
    for (int i = 0; i < 200000; ++i) run += "a.";
    CHECK(join_initialisms(run + "b1") == run + "b1");
    CHECK(join_initialisms(run) == std::string(200000, 'a'));
}
