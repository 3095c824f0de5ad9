// Queries as scripts hand them over: in another encoding than UTF-8, made only of
// white space of other scripts, from files put together with byte order marks, and
// output read by a pipe that closes early.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;
using naba::e2e::search_sample;

TEST_CASE("a query that is not UTF-8 is an error that says where, and in --batch only for its line") {
    // caf\xE9 (Latin-1) searched "caf", silently.
    CliResult one = search_sample({"-f", "ids", "grain caf\xe9"});
    CHECK(one.exit_code == 2);
    CHECK(one.out.empty());
    CHECK(one.err.find("the query is not UTF-8 (byte 0xE9 at byte 10)") != std::string::npos);
    CliResult batch = search_sample({"--batch", "-", "-f", "ids", "-n", "1"}, "q1\tgrain\nq2\tcaf\xe9 \xff\nq3\tgrain\n");
    CHECK(batch.exit_code == 2);
    CHECK(batch.err.find("line 2: query q2 is not UTF-8 (byte 0xE9 at byte 4)") != std::string::npos);
    REQUIRE(lines(batch.out).size() == 2);
    CHECK(lines(batch.out)[1].starts_with("q3\t"));
    // A qid may be in any encoding: it is printed back as its bytes.
    CHECK(search_sample({"--batch", "-", "-f", "ids", "-n", "1"}, "q\xe9\tgrain\n").exit_code == 0);
}

TEST_CASE("a query of white space of any script is no query, as one of spaces") {
    // A no-break space or U+3000 alone said "has no words to search, only operators
    // or punctuation" and exited 1; spaces alone are "no QUERY given", status 2.
    for (const std::string blank : {"\xc2\xa0", "\xe3\x80\x80 ", "\xe2\x80\x8b", "\xef\xbb\xbf"}) {
        CliResult r = search_sample({"--count", blank});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("no QUERY given") != std::string::npos);
    }
    CliResult batch = search_sample({"--batch", "-", "--count"}, "q1\t\xc2\xa0\n\xe3\x80\x80\nq3\tgrain\n");
    CHECK(batch.exit_code == 2);
    CHECK(batch.err == "naba-search: line 1: query q1: empty query\n");  // line 2 is blank: skipped
    CHECK(batch.out == "q3\t5\n");
}

TEST_CASE("a byte order mark at the start of any --batch line is no part of its qid") {
    // Files written with one and put together (cat a.tsv b.tsv) have one inside too.
    const std::string bom = "\xef\xbb\xbf";
    CliResult r = search_sample({"--batch", "-", "--count"}, bom + "q1\tgrain\r\n" + bom + "q2\tgrain\r\n");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "q1\t5\nq2\t5\n");
}

TEST_CASE("output cut short by a pipe that closes ends quietly with status 141, which pipefail reports") {
    std::string queries;
    for (int i = 0; i < 200; ++i) queries += "q" + std::to_string(i) + "\t*\n";
    CliResult r = run("/bin/bash", {"-c", "set -o pipefail; \"$0\" --db \"$1\" --batch - -f json -n 100 | head -1 "
                                          "> /dev/null; echo $? >&2", NABA_SEARCH_BIN, NABA_SAMPLE_DB}, queries);
    CHECK(r.err == "141\n");
}

TEST_CASE("a --batch input with no query says so on stderr, and exits 1 as one that matched nothing") {
    // An empty query list (a script's that came out empty) was silent.
    for (const std::string input : {"", "\n  \n\t\n"}) {
        CliResult r = search_sample({"--batch", "-", "-f", "ids"}, input);
        CHECK(r.exit_code == 1);
        CHECK(r.err == "naba-search: stdin (--batch -) has no query (it is empty, or has blank lines only)\n");
    }
    CHECK(search_sample({"--batch", "-", "-f", "ids"}, "zzzzqqq\n").err.find("no query") == std::string::npos);
}

TEST_CASE("with --null a qid that holds a NUL byte is an error for its line") {
    // Its results were written as "q", NUL, "1<TAB>id": a reader splitting at NUL got two
    // records, neither of them right.
    const std::string input("q\0" "1\tgrain\nq2\tgrain\n", 19);
    CliResult r = search_sample({"--batch", "-", "-f", "ids", "-0", "-n", "1"}, input);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("line 1: qid 'q\\x001' has a NUL byte") != std::string::npos);
    CHECK(r.out.starts_with(std::string("q2\t")));
    CHECK(std::count(r.out.begin(), r.out.end(), '\0') == 1);
}
