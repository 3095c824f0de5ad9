// Spellings naba-search shows on stderr: a "did you mean" suggestion and the name of
// an entity no gazetteer knows are written as the user typed them or as documents
// write them, never in the normalized form of the index (lower case, ة as ه, أ as ا),
// a spelling no document has. A word no document holds also ranks by that spelling.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::search_sample;

TEST_CASE("did you mean keeps the user's words as typed and spells a correction as the documents do") {
    // It said "zelensky geneva", "اطلاق الدلافين" and "الهدنه".
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Zelensky Genva", "did you mean: Zelensky Geneva\n"},
        {"إطلاق الدلافن", "did you mean: إطلاق الدلافين\n"},
        {"الهدنت", "did you mean: الهدنة\n"},
        {"(Odesa graen)", "did you mean: (Odesa grain)\n"}};
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CliResult r = search_sample({"--default-op", "and", "-f", "ids", query});
        CHECK(r.err.find(expected) != std::string::npos);
    }
}

TEST_CASE("an entity filter that names no known entity is quoted as typed") {
    // It was quoted normalized: 'qwertyland', 'مءسسه الامل'.
    CliResult r = search_sample({"-f", "ids", "Place:Qwertyland OR person:\"مؤسسة الأمل\""});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no known entity is called 'Qwertyland'") != std::string::npos);
    CHECK(r.err.find("no known entity is called 'مؤسسة الأمل'") != std::string::npos);
}

TEST_CASE("a misspelt word ranks the documents that spell it right first, and alone still finds nothing") {
    // Zelenskx is in no document; Zelensky, one letter away, is in the Geneva round,
    // which also has drone. Before, drone alone ranked the refinery strikes first.
    CliResult r = search_sample({"-f", "ids", "-n", "3", "drone Zelenskx"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.substr(0, r.out.find('\n')) == "en/geneva-technical-round.txt");
    // Ranking only: the spelling matches nothing the query did not match.
    CliResult alone = search_sample({"-f", "ids", "Zelenskx"});
    CHECK(alone.exit_code == 1);
    CHECK(alone.out.empty());
    CHECK(alone.err.find("did you mean: Zelensky\n") != std::string::npos);
}
