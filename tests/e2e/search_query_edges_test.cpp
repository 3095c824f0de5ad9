// naba-search on the sample corpus: queries at the edges of the syntax, where
// Xapian's QueryParser would otherwise answer silently with something else.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::search_sample;
using naba::e2e::run;
using naba::e2e::sample_ids;
using Ids = std::set<std::string>;

namespace {

Ids minus(const Ids& a, const Ids& b) {
    Ids out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

// The ids found for a query that may start with '-'.
Ids ids_for(const std::string& query) {
    const std::vector<std::string> out = naba::e2e::lines(search_sample({"-f", "ids", "-n", "1000", "--", query}).out);
    return {out.begin(), out.end()};
}

}  // namespace

TEST_CASE("a query of excluded words alone finds the documents without them") {
    // Xapian cannot parse a '-' with nothing to take it from and read it as plain
    // words: -ceasefire found the documents WITH ceasefire.
    const Ids all = sample_ids("*");
    const Ids with = sample_ids("ceasefire");
    REQUIRE(!with.empty());
    CHECK(ids_for("-ceasefire") == minus(all, with));
    CHECK(ids_for("-ceasefire -talks") == minus(minus(all, with), sample_ids("talks")));
    CHECK(ids_for("(-ceasefire)") == minus(all, with));
    CHECK(ids_for("-lang:ar") == minus(all, sample_ids("lang:ar")));
}

TEST_CASE("a query read as plain words is an error when it excludes words, not a search for them") {
    // A stray ')' makes Xapian read the query as plain words; -ceasefire and NOT
    // ceasefire then searched for ceasefire.
    for (const char* query : {"grain -ceasefire)", "grain NOT ceasefire)"}) {
        CliResult r = search_sample({"-f", "ids", query});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("cannot parse") != std::string::npos);
    }
    // Without an exclusion, a stray ')' is still plain words (README).
    CHECK(search_sample({"-f", "ids", "grain)"}).exit_code == 0);
}

TEST_CASE("excluding an entity no document mentions leaves the query's other words as they are") {
    // The entity filter of a name it cannot resolve matches nothing, so Xapian drops
    // the NOT: that was taken for a query read as plain words, an error.
    const Ids grain = sample_ids("grain");
    REQUIRE(!grain.empty());
    CHECK(ids_for("grain NOT place:atlantisxyz") == grain);
    CHECK(ids_for("grain -place:atlantisxyz") == grain);
    CHECK(ids_for("-place:atlantisxyz") == sample_ids("*"));
}

TEST_CASE("a batch file that starts with a UTF-8 byte order mark keeps its first qid") {
    // Editors on Windows save one; it was taken as part of the qid, which then
    // matched no qrels line in trec_eval.
    CliResult r = search_sample({"--batch", "-", "-f", "trec", "-n", "1"}, "\xEF\xBB\xBFq1\tsunflower\r\nq2\tsunflower\r\n");
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("q1 Q0 en/sunflower-oil-exports-odesa.txt 1 "));
}

TEST_CASE("a batch line with an empty qid, or a qid with a space in a trec run, is an error") {
    // Both wrote broken runs silently: " Q0 id ..." and "q 2 Q0 id ...".
    CliResult r = search_sample({"--batch", "-", "-f", "trec", "-n", "1"}, "\tsunflower\nq 2\tsunflower\nq3\tsunflower\n");
    CHECK(r.exit_code == 2);
    CHECK(r.out == naba::e2e::lines(search_sample({"--batch", "-", "-f", "trec", "-n", "1"}, "q3\tsunflower\n").out)[0] + "\n");
    CHECK(r.err.find("line 1") != std::string::npos);
    CHECK(r.err.find("'q 2'") != std::string::npos);
    // A carriage return inside the qid (not the line's CRLF end) splits a trec line too:
    // "q\r4 Q0 ..." is two fields to trec_eval.
    CliResult cr = search_sample({"--batch", "-", "-f", "trec", "-n", "1"}, "q\r4\tsunflower\r\n");
    CHECK(cr.exit_code == 2);
    CHECK(cr.out.empty());
    CHECK(cr.err.find("qid 'q\\r4' has white space") != std::string::npos);
    // Other formats hold a qid with a space.
    CHECK(search_sample({"--batch", "-", "-f", "ids"}, "q 2\tsunflower\n").out == "q 2\ten/sunflower-oil-exports-odesa.txt\n");
}

TEST_CASE("a field name with nothing right after its colon is an error, not a search for the name") {
    // 'title: grain' searched the words title and grain; 'person:' the word person.
    for (const char* query : {"title: sunflower", "person:", "Source: x", "grain lang:"}) {
        CAPTURE(query);
        CliResult r = search_sample({"-f", "ids", query});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("nothing right after the colon") != std::string::npos);
    }
    // Inside a phrase, and in a headline written in capitals, it is a word as before.
    CHECK(search_sample({"-c", "\"title: sunflower\""}).exit_code != 2);
    CHECK(search_sample({"-c", "OIL SOURCE: SUNFLOWER"}).exit_code == 0);
}

TEST_CASE("a field whose value starts with a quote or bracket Xapian does not read is an error") {
    // title:'sunflower' searched the words title and sunflower (Xapian takes only a
    // double quote, a group or a word there), and source:'x' a source with its quotes.
    for (const char* query : {"title:'sunflower'", "title:«مفاوضات»", "oil title:,sunflower", "source:'naba desk'"}) {
        CAPTURE(query);
        CliResult r = search_sample({"-f", "ids", query});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("which cannot start its value") != std::string::npos);
    }
    CHECK(search_sample({"-c", "title:\"sunflower oil\""}).exit_code == 0);
    CHECK(search_sample({"-c", "title:(sunflower OR grain)"}).exit_code == 0);
}

TEST_CASE("NEAR or ADJ without a word on one side is an error that says where, like AND") {
    // Xapian took them as words: 'NEAR/3 grain' searched the phrase "near 3" or grain.
    for (const char* query : {"NEAR/3 grain", "grain ADJ", "grain NEAR/2"}) {
        CAPTURE(query);
        CliResult r = search_sample({"-f", "ids", query});
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("needs a word on both sides") != std::string::npos);
    }
    CHECK(search_sample({"-c", "grain NEAR/3 corridor"}).exit_code == 0);
    CHECK(search_sample({"-c", "SUNFLOWER NEAR"}).exit_code == 0);  // capitals: a word
}

TEST_CASE("a query of stop words alone finds no word that only shares their stem") {
    // Snowball stems "offing" to of and Light10 وفيات to في, so the stop words' stem
    // groups held those words: on real news "the of" listed every "offing", and the
    // stop-word hint (whose test corpus has no such word) never fired.
    const std::string dir = naba::e2e::temp_dir("stop-word-stems");
    std::ofstream(dir + "/in.jsonl")
        << R"({"id":"e1","title":"Harbour","text":"A truce is in the offing for the harbour.","lang":"en"})" << "\n"
        << R"({"id":"a1","title":"حصيلة","text":"سجلت الوزارة وفيات جديدة اليوم","lang":"ar"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    for (const std::string query : {"the of", "في من"}) {
        CAPTURE(query);
        CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", query});
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("every word is a stop word") != std::string::npos);
    }
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "offing"}).out == "e1\n");
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "وفيات"}).out == "a1\n");
}

TEST_CASE("a date: value with anything after the day, or not in the calendar, is an error that lists the forms") {
    // date:1987-03-05Tjunk (anything after a T), 20250305 and a quoted " 2025" were
    // taken as dates: the filter the user meant, or another, applied without a word.
    const std::string forms = "use date:YYYY-MM-DD, date:YYYY-MM, date:YYYY, or FROM..TO with either end left open";
    for (const std::string value : {"1987-03-05Tjunk", "2025-03-05T", "2025-03-05T10:00:00Z", "2025-03-05..2025-03-06Tx",
                                    "20250305", "\" 2025\"", "\"2025-03-05 \"", "2025-13", "2025-00", "2025-03-32",
                                    "2025-02-29", "2025-02-30", "2025-3-05", "..", "...2025", "2025-03-05x..", "+2025"}) {
        CliResult r = search_sample({"--count", "date:" + value});
        CAPTURE(value);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(" is not a date or range; " + forms) != std::string::npos);
    }
    // What the README lists still works: a day (Feb 29 of a leap year), month, year, open ends.
    for (const std::string value : {"2025-03-18", "2024-02-29", "2025-03", "2025", "2025-03..", "..2025-05-08",
                                    "2025-03-01..2025-03-31"}) {
        CAPTURE(value);
        CHECK(search_sample({"--count", "date:" + value}).err.empty());
    }
    CHECK(search_sample({"--count", "date:2025-05..2025-01"}).err.find("ends before it starts") != std::string::npos);
}
