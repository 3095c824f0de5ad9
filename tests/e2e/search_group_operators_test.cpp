// naba-search on queries whose operators have parentheses against them, or that
// Xapian's QueryParser reads as words without an error: each must be the operator it
// is, or an error that says where, never a search for something else.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::search_sample;

namespace {

long count(const std::string& query) { return std::stol(search_sample({"--count", query}).out); }

}  // namespace

TEST_CASE("an operator with a parenthesis against it is the operator, as with a space between") {
    // The query was normalized chunk by chunk between spaces, and "(NOT" was no
    // operator, so it was case-folded to the stop word not: ceasefire AND (NOT talks)
    // searched ceasefire AND talks, the documents it was to leave out.
    const long with = count("ceasefire"), without = count("ceasefire NOT talks");
    REQUIRE(without < with);
    CHECK(count("ceasefire AND (NOT talks)") == without);
    CHECK(count("ceasefire AND ( NOT talks )") == without);
    CHECK(count("(NOT talks) AND ceasefire") == without);
    CHECK(count("ceasefire NOT (NOT talks)") == with - without);
    // One without a word on one side is the error it is with a space.
    CliResult r = search_sample({"--count", "(ceasefire AND) talks"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("at column 12: AND needs a word on both sides") != std::string::npos);
    CliResult near = search_sample({"--count", "(NEAR/3 talks)"});
    CHECK(near.exit_code == 2);
    CHECK(near.err.find("at column 2: NEAR/3 needs a word on both sides") != std::string::npos);
}

TEST_CASE("a NEAR or ADJ distance of 0 is an error that says where") {
    // grain NEAR/0 wheat searched the words grain, near, 0 and wheat.
    for (const std::string query : {"ceasefire NEAR/0 talks", "ceasefire ADJ/0 talks"}) {
        CliResult r = search_sample({"--count", query});
        CAPTURE(query);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("at column 11: " + query.substr(10, query.find(' ', 10) - 10) + " needs a distance of 1 or more") !=
              std::string::npos);
    }
}
