// Values naba-search is given that it must read exactly as written, or refuse with a
// message that quotes them as written: numeric option values that start with '-',
// date: values in another case, the port of a remote entry of a stub.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::run;
using naba::e2e::search_sample;

TEST_CASE("a date: value that is not a date is quoted in the error as the user typed it, not case-folded") {
    // date:2025-13-01X was echoed as date:2025-13-01x.
    for (const auto& [query, echoed] : std::vector<std::pair<std::string, std::string>>{
             {"date:2025-13-01X", "date:2025-13-01X is not"},
             {"grain date:2025-03-01T10..2025", "date:2025-03-01T10..2025 is not"},
             {"(date:2025-03-05Tjunk OR grain)", "date:2025-03-05Tjunk is not"},
             {"date:2025 OR date:Now", "date:Now is not"}}) {
        CliResult r = search_sample({"--count", query});
        CAPTURE(query);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(echoed) != std::string::npos);
    }
}

TEST_CASE("a numeric option given a value that starts with '-' refuses that value by name, as --opt=VALUE does") {
    // --offset -0 was read as --offset followed by -0 (--null): "the required argument
    // for option '--offset' is missing", while --offset -3 was taken as a value and
    // --offset=-0 as 0.
    const std::vector<std::pair<std::string, std::string>> options = {
        {"-n", "--limit"}, {"--limit", "--limit"}, {"--offset", "--offset"}, {"--off", "--offset"},
        {"--facet-limit", "--facet-limit"}, {"--format-version", "--format-version"}};
    for (const auto& [option, name] : options) {
        for (const std::string value : {"-0", "-3", "-c", "-n", "--", "x", "5x", ""}) {
            for (const bool joined : {false, true}) {
                if (joined && option == "-n") continue;  // -n=5 is not how a short option is written
                if (joined && value.empty()) continue;    // Boost: "should follow immediately after the equal sign"
                std::vector<std::string> args;
                if (name == "--facet-limit") args = {"--facets", "person"};
                if (joined) args.push_back(option + "=" + value);
                else args.insert(args.end(), {option, value});
                args.push_back("grain");
                CliResult r = search_sample(args);
                CAPTURE(option);
                CAPTURE(value);
                CAPTURE(joined);
                CHECK(r.exit_code == 2);
                CHECK(r.out.empty());
                CHECK(r.err.find(name + " takes a whole number (0 or more), not '" + value + "'") != std::string::npos);
            }
        }
    }
    // Numbers written as numbers still work, in both forms.
    CHECK(search_sample({"-f", "ids", "-n", "2", "--offset=1", "grain"}).exit_code == 0);
    CHECK(naba::e2e::lines(search_sample({"-f", "ids", "-n2", "--offset", "0", "grain"}).out).size() == 2);
    // A query word that starts with '-' after a numeric option's value is still a query word.
    CHECK(search_sample({"-f", "ids", "-n", "1", "--", "-grain"}).exit_code != 2);
}

TEST_CASE("a remote stub entry without a port from 1 to 65535 is an error naming the line, not a connection") {
    // Xapian reads the port with atoi: notaport and an empty port were port 0, 99999
    // wrapped to 34463, a port that may well be served.
    const std::string dir = naba::e2e::temp_dir("stub-bad-ports");
    for (const std::string entry : {"localhost:notaport", "localhost:", "localhost:99999", "localhost:0",
                                    "localhost:4294967377", "[::1]:x", "localhost:-1", "localhost:80x"}) {
        std::ofstream(dir + "/bad.stub") << "auto " << NABA_SAMPLE_DB << "\n# served\nremote " << entry << "\n";
        CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/bad.stub", "--count", "grain"});
        CAPTURE(entry);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.starts_with("naba-search: " + dir + "/bad.stub: line 3 is 'remote " + entry + "', whose port is not "
                                "a number from 1 to 65535"));
    }
}

TEST_CASE("--help names every option with an example, and every tsv field whole") {
    // Boost wraps the help at 80 columns inside a word: the list of fields came out
    // as "...,source,u" and "rl,snippet,qid", in the man page too.
    const std::string help = run(NABA_SEARCH_BIN, {"--help"}).out;
    const std::string options[] = {"--db",     "--limit",  "--offset", "--default-op",     "--sort",   "--format",
                                   "--fields", "--null",   "--count",  "--batch",          "--color",  "--facets",
                                   "--facet-limit", "--format-version", "--show-query", "--timings"};
    for (const std::string& option : options) {
        CAPTURE(option);
        std::size_t at = help.find("[ " + option + " ]");  // -n [ --limit ] arg
        if (at == std::string::npos) at = help.find("\n  " + option + " ");
        REQUIRE(at != std::string::npos);
        const std::size_t next = help.find("\n  -", at + 1);
        CHECK(help.substr(at, next - at).find("e.g.") != std::string::npos);
    }
    for (const std::string field : {"rank", "id", "score", "date", "lang", "title", "path", "line", "source", "url",
                                    "snippet", "qid"}) {
        CAPTURE(field);
        const std::string listed = "--fields arg";
        const std::size_t from = help.find(listed), to = help.find("\n  -", from + 1);
        REQUIRE(from != std::string::npos);
        const std::string text = help.substr(from, to - from);
        CHECK((text.find(" " + field + ",") != std::string::npos || text.find(" " + field + " ") != std::string::npos));
    }
}

TEST_CASE("a field with nothing after its colon is told an example of its own values") {
    // Every field was told "e.g. date:ceasefire or date:\"two words\"", which date:,
    // lang: and id: refuse or never match.
    for (const auto& [query, example] : std::vector<std::pair<std::string, std::string>>{
             {"grain date:", "e.g. date:2025-03-18, date:2025-03 or date:2025-03-01..2025-03-31"},
             {"lang: grain", "e.g. lang:ar or lang:en"},
             {"id:", "e.g. id:en/riyadh-talks.txt or id:\"an id with spaces\""},
             {"Source: grain", "e.g. source:reuters or source:\"al jazeera\""},
             {"place:", "e.g. place:kyiv or place:\"black sea\""},
             {"title:", "e.g. title:ceasefire or title:\"two words\""}}) {
        CliResult r = search_sample({"--count", query});
        CAPTURE(query);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(example) != std::string::npos);
    }
}

TEST_CASE("a lang: or source: filter no document has is quoted as typed, and the sources are listed as the documents spell them") {
    // Both were shown normalized: source:"وكالة أنباء" as 'وكاله انباء', and the
    // sources here as 'الجزيره نت', a spelling no document has (ة is folded to ه).
    const std::string dir = naba::e2e::temp_dir("filter-values-as-typed");
    std::ofstream(dir + "/in.jsonl") << R"({"id":"a1","text":"grain","source":"الجزيرة نت","lang":"ar"})" << "\n"
                                     << R"({"id":"e1","text":"grain","source":"Naba Desk","lang":"en"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--count", "grain source:\"وكالة أنباء\""});
    CHECK(r.err == "naba-search: no document in the index has source 'وكالة أنباء'; sources here: Naba Desk, "
                   "الجزيرة نت\n");
    CliResult lang = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--count", "grain lang:FR source:Reuters"});
    CHECK(lang.err == "naba-search: no document in the index is in language 'FR'; languages here: ar, en\n"
                      "naba-search: no document in the index has source 'Reuters'; sources here: Naba Desk, "
                      "الجزيرة نت\n");
    // The sources as listed find their documents.
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "source:\"الجزيرة نت\""}).out == "a1\n");
}
