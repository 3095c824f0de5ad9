// The single writer (every run that adds to an index, and a fresh build on one
// thread) lists each batch's new stem forms just before its commit
// (indexer/index_writer.h StemSynonyms): the table it leaves equals a fresh build's,
// and every committed document's forms are listed in the same commit, whether the run
// ends, is stopped, is killed, or Xapian would commit on its own mid-batch.
#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

// A made-up English word of record `i`: its plural is indexed, and stems (Porter2
// drops the "s") to the word itself, which no record holds as written.
std::string made_up_word(long i) {
    const std::string letters = "bcdfgklmnprtvz";  // no vowel, y or s: no other suffix rule applies
    std::string word = "zor";
    do {
        word += letters[static_cast<std::size_t>(i % 14)];
        i /= 14;
    } while (i > 0);
    return word;
}

std::string plural_records(long count) {
    // Longer text, so that a run of a few thousand records takes a while to stop.
    std::string filler;
    for (int w = 0; w < 40; ++w) filler += " word" + std::to_string(w);
    std::string out;
    for (long i = 0; i < count; ++i)
        out += "{\"id\":\"d" + std::to_string(i) + "\",\"title\":\"report " + std::to_string(i) +
               "\",\"text\":\"ceasefire talks resumed with the " + made_up_word(i) + "s in Geneva" + filler + "\"}\n";
    return out;
}

// Every committed record's plural, under its word's stem key: what a searcher opening
// the index needs to find the record by the word.
void check_committed_forms_listed(const std::string& db, long count) {
    const Xapian::Database index(db);
    REQUIRE(index.get_doccount() > 0);
    long checked = 0;
    for (long i = 0; i < count; ++i) {
        if (!index.term_exists(std::string(naba::schema::kIdPrefix) + "d" + std::to_string(i))) continue;
        const std::string word = made_up_word(i), key = "Z" + word;
        CAPTURE(word);
        CHECK(std::find(index.synonyms_begin(key), index.synonyms_end(key), word + "s") != index.synonyms_end(key));
        ++checked;
    }
    CHECK(checked == static_cast<long>(index.get_doccount()));
}

// Starts naba-index on `count` records, batches of `batch`, sends `signal` once
// `wait` documents are committed, and checks the committed state.
void check_stopped_run(const std::string& name, int signal, long count, long batch, unsigned wait) {
    const std::string dir = temp_dir(name), db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, plural_records(count));
    const pid_t pid =
        start_indexer({"--db", db, "--batch-size", std::to_string(batch), "--jobs", "1", jsonl}, dir + "/stderr");
    REQUIRE(wait_for_documents(db, wait));
    ::kill(pid, signal);
    wait_for(pid);
    CHECK(committed_documents(db) < count);
    check_committed_forms_listed(db, count);
    fs::remove_all(dir);
}

}  // namespace

TEST_CASE("an index added to by later runs lists the stem groups of a fresh build of the same documents") {
    const std::string dir = temp_dir("stem-listing-added"), in = dir + "/in";
    write_file(in + "/a.jsonl", plural_records(40));
    write_file(in + "/en.txt", "Title: Geneva talks\n\nTalks with the envoys resumed; talking continues.\n");
    const std::string added = dir + "/added";
    REQUIRE(index(added, {in}).exit_code == 0);  // a parallel fresh build
    // Then words new and old, in batches of three: forms recur across commits.
    write_file(in + "/b.jsonl", plural_records(100).substr(plural_records(40).size()));
    write_file(in + "/ar.txt", "Title: المفاوضات\n\nاستؤنفت المفاوضات وقال المفاوض إن التفاوض مستمر.\n");
    write_file(in + "/en2.txt", "The envoy talked; talks resumed.\n");
    REQUIRE(index(added, {"--batch-size", "3", in}).exit_code == 0);
    write_file(in + "/c.txt", "Envoys talking about the ceasefires.\n");
    REQUIRE(index(added, {"--batch-size", "3", "--jobs", "1", in}).exit_code == 0);
    for (const char* jobs : {"1", "2"}) {
        CAPTURE(jobs);
        const std::string fresh = dir + "/fresh-" + jobs;
        REQUIRE(index(fresh, {"--jobs", jobs, in}).exit_code == 0);
        CHECK(synonym_table(added) == synonym_table(fresh));
    }
    CHECK(search_ids(added, made_up_word(70)) == std::vector<std::string>{"d70"});
    CHECK(search_ids(added, "envoy") == std::vector<std::string>{"c.txt", "en.txt", "en2.txt"});
    fs::remove_all(dir);
}

TEST_CASE("after kill -9 between batches every committed document is found through its stem groups") {
    check_stopped_run("stem-listing-kill", SIGKILL, 3000, 100, 200);
}

TEST_CASE("after Ctrl-C every committed document is found through its stem groups") {
    check_stopped_run("stem-listing-sigint", SIGINT, 3000, 100, 200);
}

TEST_CASE("a batch longer than Xapian's own flush threshold is committed with its forms listed") {
    // Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD changes (10,000 by
    // default) unless a transaction is open: a kill after such a commit would leave
    // documents whose forms were to be listed at the end of the batch.
    struct Threshold {  // for the indexer the test starts
        Threshold() { ::setenv("XAPIAN_FLUSH_THRESHOLD", "50", 1); }
        ~Threshold() { ::unsetenv("XAPIAN_FLUSH_THRESHOLD"); }
    } threshold;
    check_stopped_run("stem-listing-threshold", SIGKILL, 3000, 1000, 1);
}
