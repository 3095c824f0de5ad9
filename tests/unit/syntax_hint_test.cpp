#include <doctest/doctest.h>

#include "syntax_hint.h"

using naba::searcher::find_syntax_problem;

TEST_CASE("find_syntax_problem points at an operator without a word on one side") {
    auto h = find_syntax_problem("ceasefire AND");
    REQUIRE(h);
    CHECK(h->column == 11);
    CHECK(h->message == "AND needs a word on both sides");
    CHECK(find_syntax_problem("OR talks")->column == 1);
    CHECK(find_syntax_problem("a AND AND b")->column == 3);  // the first AND has no word after it
    CHECK(find_syntax_problem("(a OR) b")->column == 4);
    CHECK(find_syntax_problem("هدنة XOR")->column == 6);  // columns count characters, not bytes
}

TEST_CASE("find_syntax_problem accepts well-formed boolean queries") {
    for (const char* q : {"a AND b", "NOT a", "a AND NOT b", "(a OR b) AND c", "a NEAR/3 b", "plain words"}) {
        CAPTURE(q);
        CHECK_FALSE(find_syntax_problem(q));
    }
}
