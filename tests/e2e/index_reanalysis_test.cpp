// An index whose documents were analysed another way (by an earlier naba-index, or
// under other NABA_ANALYSIS switches) is re-analysed from the stored records by the
// next run, and naba-search warns about such an index until then.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

CliResult search(const std::string& db, const std::string& query) {
    return run(NABA_SEARCH_BIN, {"--db", db, "-f", "ids", query});
}

// Latin name keys (the shipped analysis) let Zelensky find Zelenskiy; without them
// only the written form matches.
void write_articles(const std::string& in) {
    write_file(in + "/geneva.txt", "Title: Geneva round\n\nTalks with President Zelenskiy resumed in Geneva.\n");
    write_file(in + "/kyiv.txt", "Title: Kyiv\n\nOfficials met President Zelensky in Kyiv.\n");
}

// Sends SIGINT to the naba-index `pid` once the index at `db` records a re-analysis in
// progress (its first batch is committed), or after 30 s; returns its exit status.
int interrupt_once_reanalysing(pid_t pid, const std::string& db) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!Xapian::Database(db).get_metadata("naba:analysis").starts_with("re-analysis in progress") &&
           std::chrono::steady_clock::now() < give_up)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::kill(pid, SIGINT);
    return wait_for(pid);
}

}  // namespace

TEST_CASE("a run re-analyses an index built with other analysis switches, keeping what each file gave") {
    const std::string dir = temp_dir("reanalysis-switches");
    const std::string db = dir + "/db", in = dir + "/in";
    write_articles(in);
    REQUIRE(index_with_analysis("no-latin-name-keys", db, {"--jobs", "1", in}).exit_code == 0);
    CHECK(search_ids(db, "Zelensky") == Ids{"kyiv.txt"});
    CliResult warned = search(db, "Zelensky");
    CHECK(has(warned.err, db + " was analysed another way (this naba-search: latin-name-keys=1)"));
    CHECK(has(warned.err, "run naba-index on it again"));

    CliResult rerun = index(db, {in});
    CHECK(rerun.exit_code == 0);
    CHECK(has(rerun.err, "this index was analysed another way (now latin-name-keys=1): re-analysing its 2 documents"));
    CHECK(has(rerun.err, "re-analysed 2 documents"));
    // The files' signatures came along: nothing to read again.
    CHECK(has(rerun.err, "0 documents indexed into " + db + " (0 new, 0 replaced), 2 unchanged, 0 removed"));
    CHECK(search_ids(db, "Zelensky") == Ids{"geneva.txt", "kyiv.txt"});
    CliResult quiet = search(db, "Zelensky");
    CHECK_FALSE(has(quiet.err, "analysed another way"));

    CliResult again = index(db, {in});
    CHECK_FALSE(has(again.err, "re-analys"));
    CHECK(has(again.err, "2 unchanged, 0 removed"));
    // The folder's root term came along: a file removed from it is removed.
    fs::remove(in + "/kyiv.txt");
    CHECK(has(index(db, {in}).err, "1 unchanged, 1 removed"));
    CHECK(search_ids(db, "Zelensky") == Ids{"geneva.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a re-analysed document equals the same document indexed afresh") {
    const std::string dir = temp_dir("reanalysis-equal");
    const std::string old_db = dir + "/old", fresh_db = dir + "/fresh", in = dir + "/in";
    write_articles(in);
    write_file(in + "/ar.txt", "Title: هدنة\n\nالتقى الرئيس زيلينسكي بالوفد في جنيف لبحث وقف إطلاق النار.\n");
    REQUIRE(index_with_analysis("no-latin-name-keys arabic-ngrams=0", old_db, {"--jobs", "1", in}).exit_code == 0);
    REQUIRE(index(old_db, {in}).exit_code == 0);
    REQUIRE(index(fresh_db, {"--jobs", "1", in}).exit_code == 0);
    Xapian::Database old_index(old_db), fresh_index(fresh_db);
    CHECK(old_index.get_total_length() == fresh_index.get_total_length());
    for (const char* id : {"Qgeneva.txt", "Qkyiv.txt", "Qar.txt"}) {
        CAPTURE(id);
        const Xapian::Document a = old_index.get_document(*old_index.postlist_begin(id));
        const Xapian::Document b = fresh_index.get_document(*fresh_index.postlist_begin(id));
        std::vector<std::string> terms_a, terms_b;
        for (auto t = a.termlist_begin(); t != a.termlist_end(); ++t)
            terms_a.push_back(*t + "/" + std::to_string(t.get_wdf()));
        for (auto t = b.termlist_begin(); t != b.termlist_end(); ++t)
            terms_b.push_back(*t + "/" + std::to_string(t.get_wdf()));
        CHECK(terms_a == terms_b);
        CHECK(a.get_data() == b.get_data());
        CHECK(a.values_count() == b.values_count());
        for (auto v = b.values_begin(); v != b.values_end(); ++v) CHECK(a.get_value(v.get_valueno()) == *v);
    }
    fs::remove_all(dir);
}

TEST_CASE("an index built before the analysis was recorded is re-analysed once, entities kept without a tagger") {
    const std::string dir = temp_dir("reanalysis-earlier");
    const std::string db = dir + "/db", in = dir + "/in";
    write_articles(in);
    REQUIRE(index(db, {"--jobs", "1", in}).exit_code == 0);
    const Ids zelensky = search_ids(db, "person:zelensky");
    REQUIRE(zelensky == Ids{"geneva.txt", "kyiv.txt"});
    {
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        w.set_metadata("naba:analysis", "");  // as an index written before the key existed
        w.commit();
    }
    CHECK(has(search(db, "Zelensky").err, db + " was built by an earlier naba-index"));
    // Without a tagger the entities found before stay: filters keep working.
    CliResult rerun = index(db, {"--no-entities", in});
    CHECK(has(rerun.err, "this index was built by an earlier naba-index: re-analysing its 2 documents"));
    CHECK(search_ids(db, "person:zelensky") == zelensky);
    CHECK(search_ids(db, "Zelensky") == Ids{"geneva.txt", "kyiv.txt"});
    CHECK_FALSE(has(index(db, {in}).err, "re-analys"));
    fs::remove_all(dir);
}

TEST_CASE("a stopped re-analysis is told by naba-search and done again by the next run") {
    const std::string dir = temp_dir("reanalysis-stopped");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl", err = dir + "/stderr";
    write_file(jsonl, generated_jsonl(3000));
    REQUIRE(index_with_analysis("no-latin-name-keys", db, {"--jobs", "1", jsonl}).exit_code == 0);
    const pid_t pid = start_indexer({"--db", db, "--batch-size", "10", jsonl}, err);
    // Stopped once its first batch of re-analysed documents is committed.
    CHECK(interrupt_once_reanalysing(pid, db) == 130);
    const std::string said = read_file(err), stopped = "stopped after re-analysing ";
    REQUIRE(has(said, stopped));
    CHECK(has(said, " of 3000 documents; run naba-index again to finish"));
    // The closing line counts the re-analysed documents it committed, apart from the
    // inputs (none read yet).
    const std::size_t at = said.find(stopped) + stopped.size();
    const std::string done = said.substr(at, said.find(" of 3000", at) - at);
    CHECK(has(said, "interrupted: committed " + done + " re-analysed documents and 0 documents from the inputs; "
                    "run again to finish"));
    CHECK(has(search(db, "*").err, db + " is being re-analysed (or its re-analysis was stopped)"));

    CliResult rerun = index(db, {jsonl});
    CHECK(rerun.exit_code == 0);
    CHECK(has(rerun.err, "this index's last re-analysis was stopped: re-analysing its 3000 documents"));
    CHECK(has(rerun.err, "re-analysed 3000 documents"));
    CHECK(has(rerun.err, "3000 unchanged"));
    CHECK_FALSE(has(search(db, "*").err, "re-analys"));
    fs::remove_all(dir);
}

TEST_CASE("a re-analysis gives a text file's document from before the file-id value that value") {
    const std::string dir = temp_dir("reanalysis-file-id"), db = dir + "/db", in = dir + "/in";
    write_articles(in);
    write_file(in + "/news.jsonl", "{\"id\":\"j1\",\"text\":\"Ceasefire talks in Doha\"}\n");
    REQUIRE(index(db, {"--jobs", "1", in}).exit_code == 0);
    const Xapian::valueno slot = naba::schema::kFileIdSlot;
    {
        // What a naba-index before the value wrote: no file id, no analysis key.
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        const std::vector<Xapian::docid> ids(w.postlist_begin(""), w.postlist_end(""));
        for (Xapian::docid docid : ids) {
            Xapian::Document doc = w.get_document(docid);
            doc.add_value(slot, "");  // an empty value is none
            w.replace_document(docid, doc);
        }
        w.set_metadata("naba:analysis", "");
        w.commit();
    }
    const CliResult rerun = index(db, {in});
    CHECK(has(rerun.err, "re-analysed 3 documents"));
    CHECK(has(rerun.err, "3 unchanged"));
    const Xapian::Database index(db);
    for (const char* id : {"geneva.txt", "kyiv.txt"}) {
        CAPTURE(id);
        CHECK(index.get_document(*index.postlist_begin(std::string("Q") + id)).get_value(slot) == id);
    }
    CHECK(index.get_document(*index.postlist_begin("Qj1")).get_value(slot).empty());  // a JSONL record has none
    fs::remove_all(dir);
}

TEST_CASE("a run stopped during its re-tagging counts the re-tagged documents it committed") {
    const std::string dir = temp_dir("retag-stopped");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl", err = dir + "/stderr";
    const std::string gazetteer = dir + "/mine.tsv";
    // Every record names the person the new gazetteer lists: each is written again.
    std::string records;
    for (int i = 0; i < 3000; ++i)
        records += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Envoy Amira Haddad met the delegation " +
                   std::to_string(i) + " in Geneva.\"}\n";
    write_file(jsonl, records);
    write_file(gazetteer, "p:amira-haddad\tperson\tAmira Haddad\t\tHaddad\n");
    REQUIRE(index(db, {"--jobs", "1", jsonl}).exit_code == 0);
    // A new gazetteer: every document is re-tagged, five to a commit.
    const pid_t pid = start_indexer({"--db", db, "--batch-size", "5", "--gazetteer", gazetteer, jsonl}, err);
    // Stopped once its first batch of re-tagged documents is committed: the run
    // commits the gazetteer first, then announces the re-tagging.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    Xapian::rev announced = 0;
    while (std::chrono::steady_clock::now() < give_up) {
        if (!announced && has(read_file(err), "re-tagging its 3000 documents"))
            announced = Xapian::Database(db).get_revision();
        if (announced && Xapian::Database(db).get_revision() > announced) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ::kill(pid, SIGINT);
    CHECK(wait_for(pid) == 130);
    const std::string said = read_file(err), stopped = "stopped after re-tagging ";
    REQUIRE(has(said, stopped));
    CHECK(has(said, " of 3000 documents; run naba-index again to finish"));
    CHECK_FALSE(has(said, "naba-index: re-tagged "));  // it did not finish
    const std::size_t at = said.find(stopped) + stopped.size();
    const std::string done = said.substr(at, said.find(" of 3000", at) - at);
    CHECK(has(said, "interrupted: committed " + done + " re-tagged documents and 0 documents from the inputs; "
                    "run again to finish"));

    CliResult rerun = index(db, {jsonl});
    CHECK(rerun.exit_code == 0);
    CHECK(has(rerun.err, "re-tagging its 3000 documents"));
    CHECK(has(rerun.err, "re-tagged 3000 documents"));
    CHECK(has(rerun.err, "3000 unchanged"));
    fs::remove_all(dir);
}

TEST_CASE("a run stopped during its re-analysis does not start re-tagging") {
    const std::string dir = temp_dir("reanalysis-stopped-retag");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl", err = dir + "/stderr";
    write_file(jsonl, generated_jsonl(3000));
    write_file(dir + "/mine.tsv", "p:amira-haddad\tperson\tAmira Haddad\t\tHaddad\n");
    REQUIRE(index_with_analysis("no-latin-name-keys", db, {"--jobs", "1", jsonl}).exit_code == 0);
    // Both the analysis and the gazetteer changed: the re-analysis re-tags too.
    const pid_t pid =
        start_indexer({"--db", db, "--batch-size", "10", "--gazetteer", dir + "/mine.tsv", jsonl}, err);
    CHECK(interrupt_once_reanalysing(pid, db) == 130);
    const std::string said = read_file(err);
    REQUIRE(has(said, "stopped after re-analysing "));
    CHECK_FALSE(has(said, "re-tagging"));
    CHECK_FALSE(has(said, "re-tagged"));
    fs::remove_all(dir);
}
