// bench/news_known_item: known-item sets from a news corpus, headlines as queries, or
// (--words N) keyword queries of N words from each headline.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::run;

TEST_CASE("news_known_item refuses --words without a whole number above 0, with exit 2") {
    for (const std::string value : {"0", "two", "-1"}) {
        CAPTURE(value);
        const CliResult r = run(NABA_NEWS_KNOWN_ITEM, {"--words", value, "--out", "/nonexistent", "x.jsonl"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--words needs a whole number above 0") != std::string::npos);
    }
}

#if NABA_BENCH_TOOLS
namespace {
std::string read_all(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("news_known_item --words picks headline words spread over it, past punctuation, digits and function words") {
    const std::string dir = naba::e2e::temp_dir("news-known-item-words");
    std::filesystem::create_directories(dir + "/news");
    std::ofstream(dir + "/news/corpus.jsonl")
        << R"({"id":"en1","title":"GRAIN/OILSEED talks in Geneva: 12 of the ministers agree",)"
        << R"("text":"Ministers met."})" "\n"
        << R"({"id":"ar1","title":"مفاوضات الهدنة في غزة.. 3 شروط جديدة من حماس","text":"قال المفاوضون"})" "\n"
        << R"({"id":"short","title":"In 1987, a vote","text":"A vote was held."})" "\n"
        << R"({"id":"none","text":"No headline at all."})" "\n";
    const CliResult r =
        run(NABA_NEWS_KNOWN_ITEM, {"--every", "1", "--words", "3", "--out", dir + "/out", dir + "/news/corpus.jsonl"});
    REQUIRE(r.exit_code == 0);
    const std::string set = dir + "/out/news-headlines-words3";
    // Words: GRAIN OILSEED talks Geneva ministers agree -> the 1st, 3rd and 5th.
    // مفاوضات الهدنة غزة شروط جديدة حماس -> the 1st, 3rd and 5th. "vote" alone: left out.
    CHECK(read_all(set + "/queries.tsv") == "en1\tGRAIN talks ministers\nar1\tمفاوضات غزة جديدة\n");
    CHECK(read_all(set + "/qrels.txt") == "en1 0 en1 1\nar1 0 ar1 1\n");
    CHECK(read_all(set + "/corpus.jsonl").find("GRAIN/OILSEED") == std::string::npos);  // headlines removed
    CHECK(r.err.find("4 documents, 2 queries") != std::string::npos);
    std::filesystem::remove_all(dir);
}
#endif
