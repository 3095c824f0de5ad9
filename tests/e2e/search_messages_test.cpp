// What naba-search says on stderr about what it was given: every message that quotes
// the user's input (queries, qids, option values, paths) shows its control
// characters escaped, never raw for a terminal to obey; a query of a megabyte is
// quoted in part. And what a query that matched nothing got wrong, where it is sure.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;

namespace {

CliResult search(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", NABA_SAMPLE_DB});
    return run(NABA_SEARCH_BIN, args, input);
}

// Whether stderr holds no control character but its line ends and tabs (--timings).
bool printable(const std::string& err) {
    for (char c : err)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return false;
    return true;
}

}  // namespace

TEST_CASE("stderr escapes the control characters of every quoted query, qid, option value and path") {
    const std::string clear = "\x1b[2J";
    struct Case {
        std::vector<std::string> args;
        std::string input;
        std::string expected;  // in stderr, escaped
    };
    const std::vector<Case> cases = {
        {{"grain AND" + clear + " AND"}, "", "cannot parse 'grain AND\\x1B[2J AND'"},
        {{"+ \x01 -"}, "", "'+ \\x01 -' has no words"},
        // A control character in a query is a space, in quotes too (search_control_query_test);
        // the query is quoted as written. A date value is lower-cased; an entity name as typed.
        {{"date:\"2025" + clear + "\""}, "", "cannot parse 'date:\"2025\\x1B[2J\"': date:2025 [2j is not a date"},
        {{"person:\"qq" + clear + "x\""}, "", "no known entity is called 'qq [2Jx'"},
        {{"--batch", "-"}, "q" + clear + "\tAND\n", "query q\\x1B[2J: cannot parse"},
        {{"--batch", "-", "-f", "trec"}, "q " + clear + "\tgrain\n", "qid 'q \\x1B[2J' has white space"},
        {{"--format", clear, "grain"}, "", "not '\\x1B[2J'"},
        {{"--sort", "new\nline", "grain"}, "", "not 'new\\nline'"},
        {{"-f", "tsv", "--fields", "id," + clear, "grain"}, "", "'\\x1B[2J'"},
        {{"--db", "/nonexistent/" + clear, "grain"}, "", "no index at /nonexistent/\\x1B[2J"},
        {{"--batch", "/nonexistent/" + clear}, "", "--batch file /nonexistent/\\x1B[2J"},
        {{"--show-query", "--batch", "-", "-n", "0"}, "q\x01\tgrain\n", "q\\x01\t"},
        {{"--timings", "--batch", "-", "-n", "0"}, "q\x01\tgrain\n", "q\\x01\t"},
        {{"--batch", "-", "-n", "0"}, "q1\tgr\x7f\xc2\x9b" "ain AND\n", "cannot parse 'gr\\x7F\\xC2\\x9B" "ain AND'"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.expected);
        // --db first for the sample index; a later --db is the one that counts.
        CliResult r = c.args[0] == "--db" ? run(NABA_SEARCH_BIN, c.args, c.input) : search(c.args, c.input);
        CHECK(r.err.find(c.expected) != std::string::npos);
        CHECK(printable(r.err));
        CHECK(r.err.find("\xc2\x9b") == std::string::npos);
    }
}

TEST_CASE("a query of a megabyte is quoted in part in a message about it") {
    // It was echoed whole: a megabyte of stderr for one line of a batch file.
    const std::string quotes(1000000, '"');
    CliResult r = search({"--batch", "-", "--count"}, "q1\t" + quotes + "\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err.size() < 1000);
    CHECK(r.err.find("(1000000 bytes in all)' has no words to search") != std::string::npos);
}

TEST_CASE("a lang: filter for a language no document has says so on stderr, once per query") {
    // It matched nothing silently, as a query that works and finds nothing would.
    // A record may declare any language: "fr" is then one of the index's.
    const std::string dir = naba::e2e::temp_dir("lang-unknown");
    std::ofstream(dir + "/in.jsonl") << R"({"id":"f1","title":"Blé","text":"corridor du blé","lang":"fr"})" << "\n"
                                     << R"({"id":"e1","title":"Grain","text":"grain corridor","lang":"en"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    auto search_db = [&](std::vector<std::string> args, const std::string& input = "") {
        args.insert(args.begin(), {"--db", dir + "/db"});
        return run(NABA_SEARCH_BIN, args, input);
    };
    CliResult fr = search_db({"-f", "ids", "lang:fr"});
    CHECK(fr.exit_code == 0);
    CHECK(fr.out == "f1\n");
    CHECK(fr.err.empty());
    CliResult de = search_db({"-f", "ids", "corridor lang:de"});
    CHECK(de.exit_code == 1);
    CHECK(de.out.empty());
    CHECK(de.err == "naba-search: no document in the index is in language 'de'; languages here: en, fr\n");
    // Documents of no language other than these: a "mixed" one is in both ar and en.
    CHECK(search_db({"--count", "lang:mixed"}).err.find("(a mixed document is in both ar and en)") != std::string::npos);
    // Only when nothing matched: an exclusion of it, or an OR, is no mistake to point out.
    CHECK(search_db({"--count", "corridor NOT lang:de"}).err.empty());
    // In batch mode each query says it once, and stdout is only the results.
    CliResult batch = search_db({"--batch", "-", "-f", "json"}, "q1\tlang:de lang:xx\nq2\tcorridor lang:en\n");
    CHECK(batch.exit_code == 0);
    CHECK(batch.err == "naba-search: query q1: no document in the index is in language 'de' or 'xx'; languages here: en, fr\n");
    CHECK(lines(batch.out).size() == 1);
    CHECK(batch.out.starts_with("{\"qid\":\"q2\""));
}

TEST_CASE("a source: filter for a source no document has says so on stderr, listing the sources there are") {
    // "source:aljazeera" for "Al Jazeera" matched nothing silently.
    const std::string dir = naba::e2e::temp_dir("source-unknown");
    std::ofstream out(dir + "/in.jsonl");
    out << R"({"id":"a1","text":"grain corridor","source":"Al Jazeera"})" << "\n"
        << R"({"id":"r1","text":"grain corridor","source":"Reuters"})" << "\n";
    for (int i = 0; i < 12; ++i)
        out << R"({"id":"s)" << i << R"(","text":"weather","source":"desk )" << static_cast<char>('a' + i) << "\"}\n";
    out.close();
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    CliResult known = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "grain source:\"al jazeera\""});
    CHECK(known.out == "a1\n");
    CHECK(known.err.empty());
    CliResult unknown = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "grain source:aljazeera"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.out.empty());
    // Ten are listed, as the documents spell them, then how many there are: a dump may
    // hold hundreds.
    CHECK(unknown.err == "naba-search: no document in the index has source 'aljazeera'; sources here: Al Jazeera, "
                         "desk a, desk b, desk c, desk d, desk e, desk f, desk g, desk h, desk i, ... (14 in all)\n");
}
