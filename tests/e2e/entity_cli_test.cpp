// Entity filters and facets through the real binaries. On the sample corpus the
// expected ids come from grep over sample_corpus/ for every spelling the articles use;
// gazetteer files, unknown names and bad input use fixtures the tests write.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;
using naba::e2e::sample_ids;
using naba::e2e::temp_dir;
using Ids = std::set<std::string>;

namespace {

// grep -rliE 'zelensk|zelinsk|زيلينسكي|زيلنسكي' sample_corpus: every article that names
// Volodymyr Zelensky, in six spellings. ar/deported-children-return.txt names Olena
// Zelenska (زيلينسكا), a different person, and must not be among them.
const Ids kZelensky = {
    "ar/energy-truce-refinery-strike.txt",        "ar/european-peacekeeping-force.txt",
    "ar/istanbul-talks-delegations.txt",          "ar/jeddah-ukraine-accepts-truce.txt",
    "ar/odesa-port-strike.txt",                   "ar/prisoner-exchange-thousand-for-thousand.txt",
    "ar/prisoner-exchange-uae-mediation.txt",     "en/european-reassurance-force.txt",
    "en/geneva-technical-round.txt",              "en/istanbul-direct-talks-resume.txt",
    "en/jeddah-30-day-proposal.txt",              "en/prisoner-swap-belarus-border.txt",
    "en/wounded-soldiers-exchange.txt",           "mixed/istanbul-prisoner-swap-bulletin.txt",
};

// grep -rliE 'whitkoff|witkoff|ويتكوف' sample_corpus
const Ids kWitkoff = {
    "ar/jeddah-ukraine-accepts-truce.txt", "ar/riyadh-talks-black-sea-energy.txt",
    "en/energy-moratorium-expires.txt",    "en/jeddah-30-day-proposal.txt",
    "en/riyadh-ceasefire-talks.txt",       "mixed/witkoff-riyadh-quotes.txt",
};

void write(const std::string& path, const std::string& content) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        out.push_back(line.substr(start, tab - start));
    out.push_back(line.substr(start));
    return out;
}

}  // namespace

TEST_CASE("person: finds every spelling of a person in both scripts, and not a namesake") {
    CHECK(sample_ids("person:zelensky") == kZelensky);
    CHECK(sample_ids("person:زيلينسكي") == kZelensky);
    CHECK(sample_ids("person:Zellinski") == kZelensky);  // a spelling no article uses
    CHECK(sample_ids("person:witkoff") == kWitkoff);
    CHECK(sample_ids("person:ويتكوف") == kWitkoff);
}

TEST_CASE("place: and entity: accept any alias, and combine with words and other filters") {
    Ids kyiv = sample_ids("place:kiev");
    CHECK(kyiv == sample_ids("place:كييف"));
    CHECK(kyiv == sample_ids("entity:kyiv"));
    CHECK(kyiv.count("en/geneva-technical-round.txt") == 1);   // writes Kiev and Kyiv
    CHECK(kyiv.count("ar/sudzha-gas-station.txt") == 1);        // writes كييف
    Ids both = sample_ids("person:zelensky lang:en");  // mixed documents are in lang:en too
    CHECK(both.size() == 7);
    for (const std::string& id : both) CHECK((id.starts_with("en/") || id.starts_with("mixed/")));
}

TEST_CASE("a filter naming no known entity matches nothing and says so") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "person:قلمبوسطس"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no known entity") != std::string::npos);
    CliResult empty = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "person:\"\""});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("needs a name") != std::string::npos);
}

TEST_CASE("--facets counts each entity over the whole match set, most frequent first") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "person,place", "--facet-limit", "50", "*"});
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> out = lines(r.out);
    REQUIRE(!out.empty());
    long previous = -1;
    std::string previous_type;
    bool saw_zelensky = false;
    for (const std::string& line : out) {
        auto f = fields(line);
        REQUIRE(f.size() == 4);
        CHECK((f[0] == "person" || f[0] == "place"));
        long count = std::stol(f[1]);
        if (f[0] == previous_type) CHECK(count <= previous);  // most frequent first
        previous = count, previous_type = f[0];
        if (f[2] == "p:volodymyr-zelensky") {
            saw_zelensky = true;
            CHECK(count == static_cast<long>(kZelensky.size()));
            CHECK(f[3] == "Volodymyr Zelensky");
        }
    }
    CHECK(saw_zelensky);
    // Counts are exact for a query too, not only for '*'.
    CliResult q = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "person", "-f", "json", "person:witkoff"});
    CHECK(q.out.find(R"("type":"person","id":"p:steve-witkoff","name":"Steve Witkoff","count":6})") != std::string::npos);
}

TEST_CASE("ids as facets print them work as filters, wildcards in entity filters are explained") {
    CHECK(sample_ids("person:p:volodymyr-zelensky") == kZelensky);
    CHECK(sample_ids("entity:p:steve-witkoff") == kWitkoff);
    CliResult wild = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "person:zel*"});
    CHECK(wild.exit_code == 2);
    CHECK(wild.err.find("not a wildcard") != std::string::npos);
}

TEST_CASE("--facet-limit caps each type, and bad --facets values are usage errors") {
    CHECK(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "", "*"}).exit_code == 2);
    CHECK(lines(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "org,org", "--facet-limit", "2", "*"}).out).size() == 2);
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "place", "--facet-limit", "3", "*"});
    CHECK(lines(r.out).size() == 3);
    CHECK(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "people", "*"}).exit_code == 2);
    CHECK(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "person", "-f", "trec", "*"}).exit_code == 2);
    CHECK(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--facets", "person", "--facet-limit", "0", "*"}).exit_code == 2);
}

TEST_CASE("json hits carry the document's entities with type, id and name") {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "json", "-n", "1", "id:mixed/witkoff-riyadh-quotes.txt"});
    CHECK(r.out.find(R"({"type":"person","id":"p:steve-witkoff","name":"Steve Witkoff"})") != std::string::npos);
}

TEST_CASE("--gazetteer adds a user's entities, kept in the index for later runs and for searches") {
    std::string dir = temp_dir("gazetteer");
    write(dir + "/mine.tsv", "p:amira-haddad\tperson\tAmira Haddad\tأميرة حداد\tHaddad|حداد\n");
    write(dir + "/in/a.txt", "Envoy Amira Haddad met the delegation in Geneva.\n");
    write(dir + "/later/b.txt", "وقالت المبعوثة أميرة حداد إن المحادثات مستمرة.\n");
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", "--gazetteer", dir + "/mine.tsv", dir + "/in"}).exit_code == 0);
    // A later run without --gazetteer uses the stored entries.
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/later"}).exit_code == 0);
    auto found = lines(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "person:حداد"}).out);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"a.txt", "b.txt"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("a new --gazetteer re-tags documents already indexed, without reading their files again") {
    std::string dir = temp_dir("retag");
    write(dir + "/in/a.txt", "Envoy Amira Haddad met the delegation in Geneva.\n");
    write(dir + "/in/plain.txt", "plain words with no names at all\n");  // no entities to replace
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"}).exit_code == 0);
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "person:\"amira haddad\"", "-f", "json"}).out.find("u:amira-haddad") !=
          std::string::npos);
    std::filesystem::remove_all(dir + "/in");  // the file is gone; --no-delete keeps its document
    write(dir + "/mine.tsv", "p:amira-haddad\tperson\tAmira Haddad\tأميرة حداد\tHaddad\n");
    std::filesystem::create_directories(dir + "/empty");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--no-delete", "--gazetteer", dir + "/mine.tsv", dir + "/empty"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("re-tagged 2 documents") != std::string::npos);
    auto facets = lines(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--facets", "person,unknown", "*"}).out);
    CHECK(facets == std::vector<std::string>{"person\t1\tp:amira-haddad\tAmira Haddad"});
    // Nothing changed since: no second re-tagging.
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", "--no-delete", dir + "/empty"}).err.find("re-tag") ==
          std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("two --gazetteer files may both extend one entity, at indexing and at search time") {
    std::string dir = temp_dir("two-gazetteers");
    write(dir + "/one.tsv", "p:donald-trump\tperson\tDonald Trump\t\tThe Donald\n");
    write(dir + "/two.tsv", "p:donald-trump\tperson\tDonald Trump\t\tDJT\n");
    write(dir + "/in/a.txt", "DJT said the talks would go on.\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--gazetteer", dir + "/one.tsv", "--gazetteer",
                                       dir + "/two.tsv", dir + "/in"});
    CHECK(r.exit_code == 0);
    CHECK(lines(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "person:trump"}).out) ==
          std::vector<std::string>{"a.txt"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("a --gazetteer file with a byte order mark and CRLF line ends keeps the index usable") {
    std::string dir = temp_dir("bom-gazetteer");
    write(dir + "/bom.tsv", "\xEF\xBB\xBFp:amira-haddad\tperson\tAmira Haddad\t\tHaddad\r\n");
    write(dir + "/in/a.txt", "Envoy Amira Haddad met the delegation in Geneva.\n");
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", "--gazetteer", dir + "/bom.tsv", dir + "/in"}).exit_code == 0);
    // The stored entries are read again by every later run and by every search.
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"}).exit_code == 0);
    CliResult found = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "person:p:amira-haddad"});
    CHECK(found.exit_code == 0);
    CHECK(lines(found.out) == std::vector<std::string>{"a.txt"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("a malformed --gazetteer file stops naba-index before indexing, naming the line") {
    std::string dir = temp_dir("bad-gazetteer");
    write(dir + "/bad.tsv", "# my entities\np:x\tperson\tOnly three fields\n");
    write(dir + "/in/a.txt", "text\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--gazetteer", dir + "/bad.tsv", dir + "/in"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.tsv:2") != std::string::npos);
    CHECK(!std::filesystem::exists(dir + "/db"));
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", "--gazetteer", dir + "/missing.tsv", dir + "/in"}).exit_code == 2);
    CliResult folder = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--gazetteer", dir, dir + "/in"});
    CHECK(folder.exit_code == 2);
    CHECK(folder.err.find("is a directory") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("names no gazetteer lists become entities, and --report-unknown lists the most frequent") {
    std::string dir = temp_dir("unknown");
    write(dir + "/in/a.txt", "Talks resumed. The negotiator Brannock Felsworth said the text was ready.\n");
    write(dir + "/in/b.txt", "Brannock Felsworth and Odile Marchetti arrived in Geneva on Monday.\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", "-q", "--report-unknown", dir + "/in"});
    CHECK(r.exit_code == 0);
    auto report = lines(r.out);
    REQUIRE(!report.empty());
    auto first = fields(report[0]);
    REQUIRE(first.size() == 3);
    CHECK(first[0] == "2");
    CHECK(first[2] == "Brannock Felsworth");
    CHECK(r.out.find("Odile Marchetti") != std::string::npos);
    // The report works on an existing index alone, and the name is a filter.
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", "--report-unknown", "--report-limit", "1"}).out == r.out.substr(0, r.out.find('\n') + 1));
    auto found = lines(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "person:\"brannock felsworth\""}).out);
    CHECK(found.size() == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("--no-entities indexes without recognition") {
    std::string dir = temp_dir("no-entities");
    write(dir + "/in/a.txt", "President Zelensky spoke in Kyiv.\n");
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/db", "--no-entities", dir + "/in"}).exit_code == 0);
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "person:zelensky"}).exit_code == 1);
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "zelensky"}).exit_code == 0);
    std::filesystem::remove_all(dir);
}

namespace {

// The **marked** spans of a snippet.
std::vector<std::string> marked_spans(const std::string& snippet) {
    std::vector<std::string> spans;
    for (std::size_t open = snippet.find("**"); open != std::string::npos; open = snippet.find("**", open)) {
        const std::size_t close = snippet.find("**", open + 2);
        if (close == std::string::npos) break;
        spans.push_back(snippet.substr(open + 2, close - open - 2));
        open = close + 2;
    }
    return spans;
}

}  // namespace

TEST_CASE("an entity filter's snippets mark the mention as each article spells the name") {
    CliResult r = naba::e2e::search_sample({"person:zelensky", "-n", "20", "-f", "tsv", "--fields", "id,snippet"});
    REQUIRE(r.exit_code == 0);
    Ids ids, spellings;
    for (const std::string& line : lines(r.out)) {
        const std::vector<std::string> f = fields(line);
        REQUIRE(f.size() == 2);
        ids.insert(f[0]);
        const std::vector<std::string> spans = marked_spans(f[1]);
        CHECK_MESSAGE(!spans.empty(), f[0] << ": " << f[1]);  // before: no filter hit marked anything
        spellings.insert(spans.begin(), spans.end());
    }
    CHECK(ids == kZelensky);
    for (const char* spelling : {"Volodymyr Zelenskiy", "Zelinski", "زيلنسكي", "فولوديمير زيلينسكي"})
        CHECK_MESSAGE(spellings.count(spelling) == 1, spelling);
}

TEST_CASE("a name found through its other spelling is marked in the snippet") {
    // The bulletin writes زيلنسكي; the query's زيلينسكي finds it by its name key.
    CliResult r = naba::e2e::search_sample({"زيلينسكي", "-n", "20", "-f", "tsv", "--fields", "id,snippet"});
    REQUIRE(r.exit_code == 0);
    bool seen = false;
    for (const std::string& line : lines(r.out)) {
        const std::vector<std::string> f = fields(line);
        if (f.at(0) != "mixed/istanbul-prisoner-swap-bulletin.txt") continue;
        seen = true;
        const std::vector<std::string> spans = marked_spans(f.at(1));
        CHECK(std::find(spans.begin(), spans.end(), "زيلنسكي") != spans.end());
    }
    CHECK(seen);
}

TEST_CASE("a name typed as a word that finds few documents says how to find every spelling") {
    // AND queries search the words as written, without the other spellings' name keys.
    CliResult r = naba::e2e::search_sample({"Zelensky Geneva", "--default-op", "and", "-f", "ids"});
    CHECK(r.exit_code == 0);
    CHECK(lines(r.out).size() < 3);
    CHECK(r.err.find("14 documents mention Volodymyr Zelensky under any spelling; search person:Zelensky") !=
          std::string::npos);
    // A name the query excludes gets no such hint.
    CliResult excluded = naba::e2e::search_sample({"Witkoff NOT Zelensky", "--default-op", "and", "-f", "ids"});
    CHECK(excluded.err.find("person:Witkoff") != std::string::npos);
    CHECK(excluded.err.find("Zelensky under any spelling") == std::string::npos);
    // Nor does a query that already filters on the entity.
    CHECK(naba::e2e::search_sample({"person:zelensky Zelensky", "-f", "ids"}).err.find("any spelling") ==
          std::string::npos);
}

TEST_CASE("a Latin name typed in one spelling also finds the articles that spell it otherwise, ranked after") {
    // The sample's English articles write Zelensky (2), Zelenskiy, Zelenskyy and Zelinski.
    CliResult r = naba::e2e::search_sample({"Zelensky", "-n", "20", "-f", "ids"});
    REQUIRE(r.exit_code == 0);
    const std::vector<std::string> ids = lines(r.out);
    const Ids found(ids.begin(), ids.end());
    for (const char* id : {"en/wounded-soldiers-exchange.txt", "en/jeddah-30-day-proposal.txt",
                           "en/istanbul-direct-talks-resume.txt"})  // Zelinski, Zelenskiy, Zelenskyy
        CHECK_MESSAGE(found.count(id) == 1, id);
    REQUIRE(ids.size() >= 3);
    const Ids exact = {"en/geneva-technical-round.txt", "en/european-reassurance-force.txt"};
    CHECK(exact.count(ids[0]) == 1);
    CHECK(exact.count(ids[1]) == 1);
    // Each found article names him (the hits are a subset of the entity filter's).
    for (const std::string& id : ids) CHECK_MESSAGE(kZelensky.count(id) == 1, id);
}

TEST_CASE("an English word gets no name-key alternative, a name with other spellings in the index does") {
    CliResult word = naba::e2e::search_sample({"--show-query", "ceasefire", "--count"});
    CHECK(word.err.find("XK") == std::string::npos);
    CliResult name = naba::e2e::search_sample({"--show-query", "Zelinski", "--count"});
    CHECK(name.err.find("XK") != std::string::npos);
}
