// Field names in a query: a misspelt field (titel:, sorce:, persn:) is an error that
// suggests the field meant, where Xapian searched its pieces as words and found
// nothing, silently; a colon in ordinary text is still searched as text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::search_sample;

TEST_CASE("a misspelt field is an error that names it and suggests the closest field") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"titel:grain", "there is no field 'titel:' (did you mean title:?)"},
        {"sorce:reuters", "there is no field 'sorce:' (did you mean source:?)"},
        {"grain persn:zelensky", "there is no field 'persn:' (did you mean person:?)"},
        {"(odesa OR -dat:2025)", "there is no field 'dat:' (did you mean date:?)"},
        {"author:smith", "there is no field 'author:'; the fields are title: lang: source: id: date:"}};
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CliResult r = search_sample({"-f", "ids", query});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(expected) != std::string::npos);
        CHECK(r.err.find("did you mean: ") == std::string::npos);  // no spelling guess on top
    }
}

TEST_CASE("a colon in a URL, a time, Arabic text, an id, capitals, a glued name or quotes is searched as text") {
    for (const std::string query : {"http://example.org grain", "10:30 grain", "غزة:هدنة grain", "grain OR id:a:b",
                                    "UPDATE:CEASEFIRE grain", "\"titel:grain\" grain", "grain titel: odesa",
                                    "Breaking:Zelensky grain"}) {
        CAPTURE(query);
        CliResult r = search_sample({"--count", query});
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("no field") == std::string::npos);
    }
    // A field in capitals after a lower-case word is the field (normalized as a word).
    CHECK(search_sample({"--count", "Title:grain"}).out == search_sample({"--count", "title:grain"}).out);
}

TEST_CASE("a misspelt field in --batch fails its line only") {
    CliResult r = search_sample({"--batch", "-", "-f", "ids", "-n", "1"}, "q1\ttitel:grain\nq2\tgrain\n");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("query q1: cannot parse 'titel:grain': there is no field 'titel:'") != std::string::npos);
    CHECK(lines(r.out).size() == 1);
    CHECK(r.out.starts_with("q2\t"));
}
