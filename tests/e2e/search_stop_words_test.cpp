// naba-search with a stop word the query insists on (AND, +): stop words are indexed
// as written only, with no stemmed form, so such a word must be searched as written.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "cli_runner.h"

using naba::e2e::run;

TEST_CASE("a stop word joined by AND or marked + is searched as written, not through its stem") {
    // 'harbour AND the' searched the stem key of the (which no document holds) or its
    // stem group, the words sharing its stem: it found the harbour "offing" and not
    // "The harbour". Light10 gives في the group of وفيات likewise.
    const std::string dir = naba::e2e::temp_dir("required-stop-words");
    std::ofstream(dir + "/in.jsonl")
        << R"({"id":"e1","title":"One","text":"Harbour cranes stood idle.","lang":"en"})" << "\n"
        << R"({"id":"e2","title":"Two","text":"The harbour reopened.","lang":"en"})" << "\n"
        << R"({"id":"e3","title":"Three","text":"Harbour offing calm.","lang":"en"})" << "\n"
        << R"({"id":"a1","title":"أ","text":"الميناء في غزة","lang":"ar"})" << "\n"
        << R"({"id":"a2","title":"ب","text":"الميناء وفيات","lang":"ar"})" << "\n"
        << R"({"id":"a3","title":"ج","text":"الميناء مغلق","lang":"ar"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    auto ids = [&](const std::string& query) {
        return run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", query}).out;
    };
    CHECK(ids("harbour AND the") == "e2\n");
    CHECK(ids("+the harbour") == "e2\n");
    CHECK(ids("the AND harbour AND reopened") == "e2\n");
    CHECK(ids("الميناء AND في") == "a1\n");
    // Left to Xapian's stopper as before: a stop word among OR'ed words adds nothing,
    // and one alone finds nothing.
    CHECK(ids("offing the") == "e3\n");
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "the"}).exit_code == 1);
}
