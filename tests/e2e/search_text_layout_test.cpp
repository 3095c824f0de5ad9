// naba-search's text format on documents written to upset a terminal's layout: their
// own directional characters must not reorder or leave open the lines it prints.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::run;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("text output drops a document's directional overrides and isolates, so each line's isolates balance") {
    // A text with an RLI and no PDI took the printer's PDI for its own ("talks RLI RLI
    // **غزة** PDI"), and an RLO in an id or title reversed the rest of the line.
    const std::string dir = naba::e2e::temp_dir("text-bidi-controls");
    std::ofstream(dir + "/in.jsonl")
        << R"({"id":"doc\u202e1","title":"Kyiv \u202etalks","text":"Kyiv talks \u202egaza\u202c and \u2067غزة then \u2066more","lang":"en","date":"2025-03-01"})"
        << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    for (const std::string color : {"never", "always"}) {
        CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--color", color, "Kyiv OR غزة"});
        CAPTURE(color);
        REQUIRE(r.exit_code == 0);
        for (const std::string control : {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2068"})
            CHECK(r.out.find(control) == std::string::npos);
        for (const std::string& line : naba::e2e::lines(r.out)) {
            CAPTURE(line);
            CHECK(count(line, "\u2067") == count(line, "\u2069"));
        }
        CHECK(r.out.find("doc1 | 2025-03-01 | en") != std::string::npos);
    }
    // The machine formats keep the text as it is.
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "Kyiv"}).out == "doc\u202e1\n");
}

TEST_CASE("a match between runs of text too long for a snippet is shown, the runs cut at a character") {
    // Xapian's snippet is whole words up to 300 bytes: between two runs of thousands
    // of letters (or accented letters, no space between them) it was "…" alone.
    const std::string dir = naba::e2e::temp_dir("snippet-long-runs");
    std::string letters, accented;
    for (int i = 0; i < 3000; ++i) letters += "ب";
    for (int i = 0; i < 400; ++i) accented += "e\u0301";
    std::ofstream(dir + "/in.jsonl") << R"({"id":"ar","title":"t","text":")" << letters << " غزة " << letters
                                     << R"(","lang":"ar"})" << "\n"
                                     << R"({"id":"en","title":"t","text":")" << accented << " Kyiv " << accented
                                     << R"(","lang":"en"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    CliResult ar = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "tsv", "--fields", "snippet", "غزة"});
    CHECK(ar.out.find("ببب… **غزة** ببب") != std::string::npos);
    CHECK(ar.out.size() < 300);
    CliResult en = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "tsv", "--fields", "snippet", "Kyiv"});
    CHECK(en.out.find("e\u0301… **Kyiv** e\u0301") != std::string::npos);
}
