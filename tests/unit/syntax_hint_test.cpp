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

TEST_CASE("find_syntax_problem points at a NEAR or ADJ distance of 0, which Xapian reads as words") {
    // grain NEAR/0 wheat searched the words grain, near, 0 and wheat.
    for (const char* q : {"grain NEAR/0 wheat", "grain ADJ/00 wheat"}) {
        CAPTURE(q);
        auto d = find_syntax_problem(q);
        REQUIRE(d);
        CHECK(d->column == 7);
        CHECK(d->misread);
        CHECK(d->message.find(" needs a distance of 1 or more, e.g. ") != std::string::npos);
    }
    for (const char* q : {"grain NEAR/1 wheat", "(NOT grain) wheat", "wheat AND (NOT grain)"}) {
        CAPTURE(q);
        CHECK_FALSE(find_syntax_problem(q));
    }
    // An operator without a word on one side is Xapian's own syntax error, except NEAR
    // and ADJ, which it reads as words.
    CHECK_FALSE(find_syntax_problem("a AND")->misread);
    CHECK(find_syntax_problem("NEAR/3 grain")->misread);
}
