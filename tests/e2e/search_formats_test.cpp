// naba-search as a tool for scripts: formats, batch mode, counting, sorting, filters.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;
using naba::e2e::sample_ids;
using Ids = std::set<std::string>;

namespace {

CliResult search(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", NABA_SAMPLE_DB});
    return run(NABA_SEARCH_BIN, args, input);
}

}  // namespace

TEST_CASE("batch mode labels every result with its query id in every format") {
    const std::string queries = "q1\tsunflower\nq2\tالدلافين\n";
    CHECK(lines(search({"--batch", "-", "-f", "ids"}, queries).out) ==
          std::vector<std::string>{"q1\ten/sunflower-oil-exports-odesa.txt", "q2\tar/naval-mines-dolphins.txt"});
    CHECK(lines(search({"--batch", "-", "-f", "trec"}, queries).out)[1].starts_with("q2 Q0 ar/naval-mines-dolphins.txt 1 "));
    CHECK(lines(search({"--batch", "-", "-f", "tsv", "--fields", "id"}, queries).out) ==
          std::vector<std::string>{"q1\ten/sunflower-oil-exports-odesa.txt", "q2\tar/naval-mines-dolphins.txt"});
    CHECK(lines(search({"--batch", "-", "-f", "json"}, queries).out)[1].starts_with("{\"qid\":\"q2\",\"rank\":1,"));
    CHECK(search({"--batch", "-", "-f", "text"}, queries).out.find("# q2: ") != std::string::npos);
    CHECK(lines(search({"--batch", "-", "-f", "paths"}, queries).out)[0].starts_with("q1\t/"));
}

TEST_CASE("batch mode numbers plain queries by line and reports bad ones without stopping") {
    CliResult r = search({"--batch", "-", "-f", "ids"}, "sunflower\n\nbad AND\nالدلافين\n");
    CHECK(lines(r.out) == std::vector<std::string>{"1\ten/sunflower-oil-exports-odesa.txt", "4\tar/naval-mines-dolphins.txt"});
    CHECK(r.err.find("query 3:") != std::string::npos);
    CHECK(r.exit_code == 2);
}

TEST_CASE("batch exit status is 0 when a query matched and 1 when none did") {
    CHECK(search({"--batch", "-", "-f", "ids"}, "xyzzyplugh\nsunflower\n").exit_code == 0);
    CHECK(search({"--batch", "-", "-f", "ids"}, "xyzzyplugh\n").exit_code == 1);
    CHECK(search({"--batch", "/nonexistent/queries.tsv"}).exit_code == 2);
}

TEST_CASE("--count prints only the exact number of matches") {
    CHECK(search({"--count", "*"}).out == "46\n");
    CHECK(search({"--count", "lang:en"}).out == "26\n");
    CHECK(search({"--count", "--batch", "-"}, "a\tsunflower\nb\txyzzyplugh\n").out == "a\t1\nb\t0\n");
}

TEST_CASE("--count -f json prints a JSON object per query, the other formats the bare number") {
    // It printed the bare number in every format: a script reading JSON Lines got a
    // line that is not an object, and no qid to tell the batch's counts apart.
    CHECK(search({"--count", "-f", "json", "lang:en"}).out == "{\"count\":26}\n");
    CHECK(search({"--count", "-f", "json", "--batch", "-"}, "a\tsunflower\nb\txyzzyplugh\n").out ==
          "{\"qid\":\"a\",\"count\":1}\n{\"qid\":\"b\",\"count\":0}\n");
    for (const std::string format : {"text", "tsv", "ids", "paths", "trec"}) {
        CAPTURE(format);
        CHECK(search({"--count", "-f", format, "lang:en"}).out == "26\n");
    }
    // tsv columns are those of hits, which --count does not print.
    CliResult fields = search({"--count", "-f", "tsv", "--fields", "id", "lang:en"});
    CHECK(fields.exit_code == 2);
    CHECK(fields.err.find("--fields and --count exclude each other") != std::string::npos);
}

TEST_CASE("tsv output has the chosen columns and escapes tabs") {
    auto l = lines(search({"-f", "tsv", "--fields", "id,date,lang", "sunflower"}).out);
    CHECK(l == std::vector<std::string>{"en/sunflower-oil-exports-odesa.txt\t2025-05-08\ten"});
    CHECK(search({"-f", "tsv", "--fields", "id,nope", "x"}).exit_code == 2);
    CHECK(search({"-f", "json", "--fields", "id", "x"}).exit_code == 2);
}

TEST_CASE("--sort date and -date order results by date, undated never in between") {
    auto dates = [](const std::vector<std::string>& rows) {
        std::vector<std::string> out;
        for (const auto& r : rows) out.push_back(r.substr(r.find('\t') + 1));
        return out;
    };
    auto up = dates(lines(search({"-f", "tsv", "--fields", "id,date", "--sort", "date", "-n", "100", "ceasefire"}).out));
    auto down = dates(lines(search({"-f", "tsv", "--fields", "id,date", "--sort", "-date", "-n", "100", "ceasefire"}).out));
    REQUIRE(up.size() > 5);
    CHECK(std::is_sorted(up.begin(), up.end()));
    CHECK(std::is_sorted(down.rbegin(), down.rend()));
}

TEST_CASE("date: ranges filter by the Date header, with open ends") {
    // Dates were read from the sample files' Date headers with grep.
    CHECK(sample_ids("date:2025-05-08") == Ids{"en/sunflower-oil-exports-odesa.txt"});
    CHECK(sample_ids("sunflower date:2025-05") == Ids{"en/sunflower-oil-exports-odesa.txt"});
    CHECK(sample_ids("sunflower date:..2025-04-30").empty());
    CHECK(sample_ids("sunflower date:2025-05-08..").size() == 1);
    CliResult bad = search({"date:2025-13"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("trailing-star wildcards work in both scripts") {
    CHECK(sample_ids("sunflow*") == Ids{"en/sunflower-oil-exports-odesa.txt"});
    CHECK(sample_ids("الدلاف*") == Ids{"ar/naval-mines-dolphins.txt"});
}

TEST_CASE("NEAR/n and ADJ/n bound the distance between words") {
    Ids adj = sample_ids("humanitarian ADJ/1 corridor");
    CHECK(adj == Ids{"mixed/humanitarian-corridor-civilians.txt"});
    CHECK(sample_ids("corridor ADJ/1 humanitarian").empty());  // ADJ keeps the order
    CHECK(sample_ids("corridor NEAR/1 humanitarian") == adj);  // NEAR does not
}

TEST_CASE("--default-op and requires every word") {
    CHECK(sample_ids("sunflower dolphins", {"--default-op", "and"}).empty());
    CHECK(sample_ids("sunflower الدلافين").size() == 2);
}

TEST_CASE("text output marks matches in bold with --color always and isolates Arabic runs") {
    CliResult r = search({"--color", "always", "-n", "1", "الدلافين"});
    CHECK(r.out.find("\x1b[1m") != std::string::npos);
    CHECK(r.out.find("\u2067") != std::string::npos);
    const std::string plain = search({"--color", "never", "-n", "1", "الدلافين"}).out;
    CHECK(plain.find("\x1b[") == std::string::npos);
    // Both marks of a word at a run's edge are inside its isolate, so they are drawn on
    // either side of the word (it was "**\u2067الدلافين** ...").
    CHECK(plain.find("\u2067**الدلافين**") != std::string::npos);
    CHECK(plain.find("**\u2067") == std::string::npos);
}

TEST_CASE("--format-version accepts only the version this program writes") {
    CHECK(search({"--format-version", "1", "-f", "ids", "sunflower"}).exit_code == 0);
    CliResult r = search({"--format-version", "2", "-f", "json", "sunflower"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("version") != std::string::npos);
}

TEST_CASE("a misspelt query that finds nothing gets a did-you-mean on stderr, in both scripts") {
    CliResult en = search({"-f", "ids", "sunflowr"});
    CHECK(en.exit_code == 1);
    CHECK(en.out.empty());
    CHECK(en.err.find("did you mean: sunflower") != std::string::npos);
    CHECK(search({"-f", "ids", "الدلافن"}).err.find("did you mean: الدلافين") != std::string::npos);
    CHECK(search({"-f", "ids", "grain corridor"}).err.find("did you mean") == std::string::npos);
}

TEST_CASE("did-you-mean leaves stop words alone (what is not corrected to wheat)") {
    CHECK(search({"-f", "ids", "what minehuntr"}).err.find("did you mean: what minehunter") != std::string::npos);
    CHECK(search({"-f", "ids", "ماذا الدلافن"}).err.find("did you mean: ماذا الدلافين") != std::string::npos);
    // A quote or parenthesis against a stop word hid it: "the ceasfire" became "time ceasefire".
    CHECK(search({"-f", "ids", "\"the minehuntr\""}).err.find("did you mean: \"the minehunter\"") !=
          std::string::npos);
    CHECK(search({"-f", "ids", "(what minehuntr)"}).err.find("did you mean: (what minehunter)") != std::string::npos);
    CHECK(search({"-f", "ids", "\"في الدلافن\""}).err.find("did you mean: \"في الدلافين\"") != std::string::npos);
}

TEST_CASE("did-you-mean leaves a word that finds documents through its stem (ممر is not corrected to مصر)") {
    // One hit, so a correction is looked for: ممر is in the sample (and مصر more frequent),
    // إنساني only as other forms of its stem (إنسانية).
    CliResult corridor = search({"-f", "ids", "\"ممر إنساني\""});
    CHECK(corridor.exit_code == 0);
    CHECK(corridor.err.find("did you mean") == std::string::npos);
    // A misspelt word beside a known one is still corrected.
    CHECK(search({"-f", "ids", "\"ممر الدلافن\""}).err.find("did you mean: \"ممر الدلافين\"") != std::string::npos);
}

TEST_CASE("the closing line never counts fewer matches than the pages after it hold") {
    // Xapian stops a date filter as soon as the page is full and estimates from what
    // it saw: date:2025-03..2025-04 (22 documents) said "Results 1-10 of about 10
    // matches", as if there were no page 2, and -n 0 said "about 1 matches in all".
    const std::string query = "date:2025-03..2025-04";
    const long total = std::stol(search({"--count", query}).out);
    REQUIRE(total > 10);
    for (long page : {3L, 10L}) {
        CAPTURE(page);
        const std::vector<std::string> out = lines(search({"-n", std::to_string(page), query}).out);
        REQUIRE(!out.empty());
        const std::string& last = out.back();  // "Results 1-N of [about ]M matches."
        const std::size_t of = last.find(" of ");
        REQUIRE(of != std::string::npos);
        std::string number = last.substr(of + 4);
        if (number.starts_with("about ")) number.erase(0, 6);
        CHECK(std::stol(number) > page);
    }
    CHECK(search({"-n", "0", query}).out == "No results on this page; " + std::to_string(total) + " matches in all.\n");
}

TEST_CASE("--fields must name tsv columns: an empty list or an empty name is an error that lists them") {
    // --fields '' printed the default columns, and 'title,,id' skipped the empty name.
    const std::string valid = "choose from rank,id,score,date,lang,title,path,line,source,url,snippet,qid";
    for (const std::string list : {"", ",", "title,,id", "title,", "bogus", "id,Title"}) {
        CAPTURE(list);
        CliResult r = search({"-f", "tsv", "--fields", list, "grain"});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("--fields") != std::string::npos);
        CHECK((r.err.find(valid) != std::string::npos || r.err.find("needs one or more of rank,id,") != std::string::npos));
    }
    // Checked with the options, before the index is opened.
    CliResult no_index = run(NABA_SEARCH_BIN, {"--db", "/nonexistent", "-f", "tsv", "--fields", "", "grain"});
    CHECK(no_index.err.find("--fields needs one or more of") != std::string::npos);
    CHECK(lines(search({"-f", "tsv", "--fields", "id,id", "-n", "1", "grain"}).out).size() == 1);
}

TEST_CASE("--null ends each path or id with a NUL byte, so a path with a newline stays one record") {
    // A folder name may hold a newline, and -f paths split such a path into two lines.
    const std::string dir = naba::e2e::temp_dir("null-paths") + "/two\nlines";
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/in.jsonl") << R"({"id":"n1","title":"Grain","text":"grain corridor","lang":"en"})" << "\n"
                                     << R"({"id":"n2","title":"Grain","text":"grain again","lang":"en"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    const std::string path = std::filesystem::canonical(dir + "/in.jsonl").string();
    CliResult paths = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "paths", "-0", "grain"});
    CHECK(paths.exit_code == 0);
    CHECK(paths.out == path + '\0' + path + '\0');
    CliResult ids = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "--null", "--batch", "-"}, "q\tcorridor\n");
    CHECK(ids.out == std::string("q\tn1") + '\0');
    // Formats that escape line breaks themselves, and --count, take no --null.
    for (const std::vector<std::string>& args : {std::vector<std::string>{"-f", "json", "-0", "grain"},
                                                 std::vector<std::string>{"-f", "ids", "-0", "--count", "grain"}}) {
        CliResult r = search(args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--null goes with") != std::string::npos);
    }
}

TEST_CASE("paths and tsv print a file name that is not UTF-8 as its bytes, json as valid UTF-8") {
    // The stored record is JSON, so the bytes of such a name were U+FFFD in every
    // format: -f paths printed a path that no file has. JSON must be valid UTF-8, so
    // there the repair is right.
    const std::string dir = naba::e2e::temp_dir("latin1-name");
    const std::string name = dir + "/in/caf\xe9.txt";
    std::filesystem::create_directories(dir + "/in");
    std::ofstream(name) << "grain corridor\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in"}).exit_code == 0);
    auto search_db = [&](const std::vector<std::string>& format) {
        std::vector<std::string> args = {"--db", dir + "/db"};
        args.insert(args.end(), format.begin(), format.end());
        args.push_back("grain");
        return run(NABA_SEARCH_BIN, args).out;
    };
    const std::string path = std::filesystem::canonical(name).string();
    CHECK(search_db({"-f", "paths"}) == path + "\n");
    CHECK(std::filesystem::exists(lines(search_db({"-f", "paths"}))[0]));
    CHECK(search_db({"-f", "tsv", "--fields", "path"}) == path + "\n");
    CHECK(search_db({"-f", "json"}).find("\"path\":\"" + dir + "/in/caf\xef\xbf\xbd.txt\"") != std::string::npos);
}

TEST_CASE("--facets with -n or --offset is a usage error that names --facet-limit") {
    // Both were ignored without a word: -n 1 still printed up to ten entities per type.
    for (const std::vector<std::string>& paging : {std::vector<std::string>{"-n", "1"},
                                                   std::vector<std::string>{"--limit", "10"},
                                                   std::vector<std::string>{"--offset", "3"}}) {
        std::vector<std::string> args = {"--facets", "place"};
        args.insert(args.end(), paging.begin(), paging.end());
        args.push_back("*");
        CliResult r = search(args);
        CAPTURE(paging[0]);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        const std::string option = paging[0] == "--offset" ? "--offset" : "-n/--limit";
        CHECK(r.err.find("--facets prints entity counts, not hits: " + option +
                         " does not apply (use --facet-limit N for the entities per type)") != std::string::npos);
    }
    CHECK(lines(search({"--facets", "place", "--facet-limit", "1", "*"}).out).size() == 1);
}

TEST_CASE("--fields with --facets, and --facet-limit without --facets, are usage errors") {
    // Both were ignored without a word: facet lines always have their four columns,
    // and --facet-limit alone printed hits.
    CliResult fields = search({"--facets", "place", "-f", "tsv", "--fields", "id", "*"});
    CHECK(fields.exit_code == 2);
    CHECK(fields.out.empty());
    CHECK(fields.err.find("--fields and --facets exclude each other") != std::string::npos);
    CliResult limit = search({"--facet-limit", "5", "grain"});
    CHECK(limit.exit_code == 2);
    CHECK(limit.out.empty());
    CHECK(limit.err.find("--facet-limit goes with --facets") != std::string::npos);
}
