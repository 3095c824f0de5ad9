// naba-search on the sample corpus with wildcards and NEAR/ADJ where Xapian 1.4 would
// silently search something else: in a phrase it expands no wildcard, and a query it
// cannot parse it reads as plain words, NEAR a word and wildcards without their '*'.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::search_sample;
using naba::e2e::run;
using naba::e2e::sample_ids;

namespace {

void check_refused(const std::string& query, const std::string& message) {
    CAPTURE(query);
    for (const std::vector<std::string>& args : {std::vector<std::string>{"-f", "ids", query},
                                                 std::vector<std::string>{"--count", query}}) {
        CliResult r = search_sample(args);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(message) != std::string::npos);
        CHECK(r.err.find("did you mean") == std::string::npos);
    }
}

}  // namespace

TEST_CASE("a wildcard in quotes is an error, not a phrase of the word without its star") {
    // "sunflow* oil" searched the phrase sunflow oil: no match, and "did you mean" the same.
    REQUIRE(!sample_ids("\"sunflower oil\"").empty());
    for (const char* query : {"\"sunflow* oil\"", "title:\"sunflower oi*\"", "grain \"مفاوض* السلام\""})
        check_refused(query, "is in quotes, where it is not expanded");
    // Outside quotes it is expanded, beside a phrase too.
    CHECK(search_sample({"--count", "sunflow* \"sunflower oil\""}).exit_code == 0);
}

TEST_CASE("NEAR or ADJ beside a wildcard, phrase or group is an error, not a search for the word near") {
    // 'grain NEAR expo*' was read as plain words: grain OR near OR expo, wildcard lost.
    REQUIRE(!sample_ids("grain NEAR corridor").empty());
    for (const char* query : {"grain NEAR corrid*", "corrid* NEAR/3 grain", "grain ADJ corrid*",
                              "grain NEAR (corridor OR odesa)", "\"grain corridor\" NEAR odesa", "grain NEAR corridor)"})
        check_refused(query, "which would search " + std::string(std::string_view(query).find("ADJ") != 
                                                                 std::string_view::npos ? "ADJ" : "NEAR"));
}

TEST_CASE("a wildcard in a query read as plain words is an error, not the word without its star") {
    // A stray ')' makes a query plain words (a pasted headline); a wildcard was then lost.
    check_refused("sunflow* oil)", "which would search sunflow* as the word sunflow");
    CHECK(search_sample({"--count", "sunflower oil)"}).exit_code == 0);  // plain words, as the README says
}
