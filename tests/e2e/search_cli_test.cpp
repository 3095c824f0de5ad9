// naba-search on the sample corpus: exact ids for queries in both languages.
// Expected ids were found with grep over sample_corpus/, not taken from the engine.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;
using naba::e2e::sample_ids;
using Ids = std::set<std::string>;

namespace {

Ids files_under(const std::string& folder) {
    Ids ids;
    for (const auto& e : std::filesystem::directory_iterator(std::string(NABA_SAMPLE_CORPUS) + "/" + folder))
        ids.insert(folder + "/" + e.path().filename().string());
    return ids;
}

Ids merge(Ids a, const Ids& b) {
    a.insert(b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("an English word finds the document with another form of it (stemming)") {
    CHECK(sample_ids("sunflowers") == Ids{"en/sunflower-oil-exports-odesa.txt"});
    CHECK(sample_ids("minehunter") == Ids{"en/black-sea-mine-clearance.txt"});
}

TEST_CASE("an Arabic word with و+ال finds the document with ال (Light10)") {
    CHECK(sample_ids("والدلافين") == Ids{"ar/naval-mines-dolphins.txt"});
}

TEST_CASE("an Arabic word with ال finds the document's كال form") {
    CHECK(sample_ids("المعتاد") == Ids{"ar/sudzha-gas-station.txt"});
}

TEST_CASE("a plain Arabic query finds a word written with harakat in the document") {
    // The bare word exists only as شَامِلٍ (in one document); its stem also finds
    // شاملة and الشاملة elsewhere (and its root, يشمل in further documents).
    CHECK(sample_ids("\"شامل\"") == Ids{"ar/riyadh-talks-black-sea-energy.txt"});
    const Ids found = sample_ids("شامل");
    for (const char* id : {"ar/riyadh-talks-black-sea-energy.txt", "ar/prisoner-exchange-thousand-for-thousand.txt",
                           "mixed/witkoff-riyadh-quotes.txt", "mixed/istanbul-prisoner-swap-bulletin.txt"})
        CHECK(found.contains(id));
}

TEST_CASE("a query finds a word written with tatweel in the document") {
    // This document writes the truce only as الهـدنة.
    CHECK(sample_ids("الهدنة").count("ar/riyadh-talks-black-sea-energy.txt") == 1);
}

TEST_CASE("hamza and alef spellings of a name find each other") {
    Ids expected{"ar/istanbul-talks-delegations.txt", "ar/turkey-peacekeeping-offer.txt",
                 "mixed/istanbul-prisoner-swap-bulletin.txt"};
    CHECK(sample_ids("اردوغان") == expected);
    CHECK(sample_ids("أردوغان") == expected);
}

TEST_CASE("an unaccented Latin query finds the accented spelling") {
    CHECK(sample_ids("Erdogan") == Ids{"en/black-sea-mine-clearance.txt", "en/istanbul-direct-talks-resume.txt",
                                       "mixed/istanbul-prisoner-swap-bulletin.txt"});
}

TEST_CASE("Arabic-Indic digits in a query match ASCII digits") {
    Ids ascii = sample_ids("30");
    CHECK(ascii.size() >= 5);
    CHECK(sample_ids("٣٠") == ascii);
    CHECK(ascii.count("ar/sudzha-gas-station.txt") == 1);  // written ٣٠ there
}

TEST_CASE("an English phrase matches only the words in that order") {
    CHECK(sample_ids("\"humanitarian corridor\"") == Ids{"mixed/humanitarian-corridor-civilians.txt"});
}

TEST_CASE("an Arabic phrase matches only the words in that order") {
    CHECK(sample_ids("\"ممر إنساني\"") == Ids{"mixed/humanitarian-corridor-civilians.txt"});
    CHECK(sample_ids("\"محطة زابوريجيا\"") == Ids{"ar/zaporizhzhia-plant-iaea.txt", "mixed/iaea-zaporizhzhia-digest.txt"});
}

TEST_CASE("a mixed document is found from both of its languages") {
    CHECK(sample_ids("\"Cape Emine\"") == Ids{"mixed/black-sea-shipping-digest.txt"});
    CHECK(sample_ids("\"رأس إمينه\"") == Ids{"mixed/black-sea-shipping-digest.txt"});
}

TEST_CASE("boolean NOT removes documents with the second word") {
    // Six documents say corridor in their text; all but one also say grain.
    CHECK(sample_ids("corridor NOT grain") == Ids{"mixed/humanitarian-corridor-civilians.txt"});
}

TEST_CASE("header fields other than the title are not searched as text") {
    // Arabic files carry English words only in their URL header.
    for (const auto& id : sample_ids("corridor")) CHECK_FALSE(id.starts_with("ar/"));
}

TEST_CASE("a star lists every document") {
    Ids all = merge(merge(files_under("en"), files_under("ar")), files_under("mixed"));
    CHECK(all.size() >= 40);
    CHECK(sample_ids("*") == all);
}

TEST_CASE("lang: filters by language, and mixed documents count as both") {
    CHECK(sample_ids("lang:ar") == merge(files_under("ar"), files_under("mixed")));
    CHECK(sample_ids("lang:en") == merge(files_under("en"), files_under("mixed")));
}

TEST_CASE("title: and id: narrow the search to one field") {
    CHECK(sample_ids("title:sunflower") == Ids{"en/sunflower-oil-exports-odesa.txt"});
    CHECK(sample_ids("id:en/riyadh-ceasefire-talks.txt") == Ids{"en/riyadh-ceasefire-talks.txt"});
}

TEST_CASE("pages put together equal the whole list") {
    auto page = [](const char* offset) {
        return lines(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "-n", "3", "--offset", offset, "ceasefire"}).out);
    };
    auto whole = lines(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "-n", "6", "ceasefire"}).out);
    auto first = page("0"), second = page("3");
    first.insert(first.end(), second.begin(), second.end());
    CHECK(whole.size() == 6);
    CHECK(first == whole);
}

TEST_CASE("json output has one object per hit with every documented field") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--format", "json", "-n", "2", "grain corridor"});
    CHECK(r.exit_code == 0);
    auto l = lines(r.out);
    REQUIRE(l.size() == 2);
    for (const char* field : {"\"rank\":1", "\"id\":", "\"title\":", "\"path\":", "\"date\":", "\"lang\":",
                              "\"source\":", "\"score\":", "\"snippet\":"}) {
        CAPTURE(field);
        CHECK(l[0].find(field) != std::string::npos);
    }
    CHECK(l[0].find("**") != std::string::npos);  // matched words are marked
}

TEST_CASE("text output shows rank, title, id and a marked snippet") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-n", "1", "sunflower"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("1. "));
    CHECK(r.out.find("en/sunflower-oil-exports-odesa.txt") != std::string::npos);
    CHECK(r.out.find("**sunflower") != std::string::npos);
}

TEST_CASE("exit status is 1 and output empty when nothing matches") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--format", "ids", "xyzzyplugh"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
}

TEST_CASE("exit status is 2 with a hint when the index is missing") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", "/nonexistent/naba-db", "ceasefire"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no index at /nonexistent/naba-db") != std::string::npos);
    CHECK(r.err.find("naba-index") != std::string::npos);
    CHECK(r.out.empty());
}

TEST_CASE("exit status is 2 with a one-line message for bad usage and bad queries") {
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"--db", NABA_SAMPLE_DB},
             {"--db", NABA_SAMPLE_DB, "--format", "xml", "x"},
             {"--db", NABA_SAMPLE_DB, "-n", "-3", "x"},
             {"--db", NABA_SAMPLE_DB, "--no-such-flag", "x"},
             {"--db", NABA_SAMPLE_DB, "ceasefire AND"}}) {
        CliResult r = run(NABA_SEARCH_BIN, args);
        CAPTURE(args.back());
        CHECK(r.exit_code == 2);
        CHECK(lines(r.err).size() == 1);
        CHECK(r.err.starts_with("naba-search: "));
    }
}

TEST_CASE("hostile queries never crash") {
    for (const char* q : {"\"", "((((", "))", "NOT", "AND OR NOT", "title:", "id:", "-", "+", "\"\"\"", "*:*",
                          "\xFF\xFE", "ـــ", "\u200F"}) {
        CAPTURE(q);
        CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, q});
        CHECK(r.exit_code >= 0);
        CHECK(r.exit_code <= 2);
    }
}

TEST_CASE("a query of stop words only says so, and the same words in quotes match") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "the of"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("stop word") != std::string::npos);
    CHECK_FALSE(sample_ids("\"of the\"").empty());
}

TEST_CASE("filters and NOT narrow an Arabic query: root and clitic alternatives never match past them") {
    // The alternatives widen only the words part of a query; before, they were ORed
    // with the whole query, so الهدنة lang:en found every الهدنة document.
    Ids truce = sample_ids("الهدنة");
    Ids english = sample_ids("الهدنة lang:en");
    REQUIRE(!english.empty());
    CHECK(english.size() < truce.size());
    CHECK(english == sample_ids("الهدنة lang:en", {"--default-op", "and"}));
    for (const std::string& id : english) CHECK((id.starts_with("en/") || id.starts_with("mixed/")));
    Ids putin = sample_ids("بوتين");
    for (const std::string& id : sample_ids("الهدنة NOT بوتين")) CHECK(putin.count(id) == 0);
    for (const std::string& id : sample_ids("الهدنة person:zelensky")) CHECK(sample_ids("person:zelensky").count(id) == 1);
}

TEST_CASE("U.S. in a query finds US in a document: dotted initialisms are one word") {
    CHECK(sample_ids("\"U.S. backstop\"") == Ids{"en/european-reassurance-force.txt"});
    CHECK(sample_ids("\"u.s. backstop\"") == Ids{"en/european-reassurance-force.txt"});
}

TEST_CASE("a headline in capitals is searched as words: its NOT is not an operator") {
    // As an operator, NOT would drop every document with "ceasefire".
    Ids as_words = sample_ids("UKRAINE WILL NOT ACCEPT CEASEFIRE");
    CHECK(as_words.count("en/jeddah-30-day-proposal.txt") == 1);
    CHECK(sample_ids("Ukraine NOT ceasefire").count("en/jeddah-30-day-proposal.txt") == 0);
}

TEST_CASE("--show-query prints the query Xapian runs on stderr, labelled by qid in batch mode") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--show-query", "ceasefires"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("Query(") != std::string::npos);
    CHECK(r.err.find("Zceasefir") != std::string::npos);  // the stem group, not only the word
    r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--show-query", "--batch", "-"}, "q7\tgrain\n");
    CHECK(r.err.starts_with("q7\tQuery("));
}

TEST_CASE("a query of operators or punctuation alone says it has no words, and matches nothing") {
    for (const char* query : {"+", "- +", "()"}) {
        CAPTURE(query);
        CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "--", query});
        CHECK(r.exit_code == 1);
        CHECK(r.out.empty());
        CHECK(r.err.find("has no words to search") != std::string::npos);
    }
}

TEST_CASE("an entity filter that names nothing says so, not that the query has no words") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "place:qwertyland"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no known entity is called 'qwertyland'") != std::string::npos);
    CHECK(r.err.find("has no words") == std::string::npos);
}
