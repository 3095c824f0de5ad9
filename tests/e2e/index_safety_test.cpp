// naba-index never loses the index: Ctrl-C and SIGTERM commit what was done (also while
// the spelling data is brought up to date), kill -9 keeps every committed batch, a
// second writer is refused at once by Xapian's lock.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;

namespace {

constexpr long kDocuments = 3000;

struct Fixture {
    std::string dir, db, jsonl, err;
    explicit Fixture(const std::string& name)
        : dir(temp_dir(name)), db(dir + "/db"), jsonl(dir + "/news.jsonl"), err(dir + "/stderr") {
        write_file(jsonl, generated_jsonl(kDocuments));
    }
    ~Fixture() { std::filesystem::remove_all(dir); }

    // Small batches and one analysis thread, so that a run takes a while.
    pid_t start() { return start_indexer({"--db", db, "--batch-size", "100", "--jobs", "1", jsonl}, err); }
};

// Sends `signal` after the first committed batch; checks the clean stop and the re-run.
void check_graceful_stop(int signal, int expected_status) {
    Fixture f(signal == SIGINT ? "sigint" : "sigterm");
    pid_t pid = f.start();
    REQUIRE(wait_for_documents(f.db, 100));
    ::kill(pid, signal);
    CHECK(wait_for(pid) == expected_status);
    const unsigned committed = committed_documents(f.db);
    CHECK(committed < kDocuments);
    CHECK(read_file(f.err).find("interrupted: committed " + std::to_string(committed) +
                                " documents; run again to finish") != std::string::npos);

    CliResult again = run(NABA_INDEX_BIN, {"--db", f.db, f.jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find(std::to_string(committed) + " unchanged") != std::string::npos);
    CHECK(committed_documents(f.db) == kDocuments);
}

// Builds 300 lettered documents (3001 spelling words: 5 steps at --max-memory 1, 1.5 s
// apart) into DIR/db on `jobs` threads and sends SIGINT 0.5 s after `ready` holds for
// what the run printed: the run must stop, committed and its spelling data marked
// stale, and a re-run must finish the data as one uninterrupted build makes it.
// Returns what the stopped run printed.
std::string stop_spelling_then_finish(const std::string& dir, const std::string& jobs,
                                      const std::function<bool(const std::string&)>& ready) {
    const std::string db = dir + "/db", words = dir + "/words.jsonl";
    write_file(words, lettered_jsonl(300, 10));
    CHECK(interrupt_spelling_steps({"--db", db, "--jobs", jobs, "--max-memory", "1", "--verbose", words}, dir + "/err",
                                   1500, ready, 500) == 130);
    const std::string err = read_file(dir + "/err");
    CHECK(has(err, "interrupted: committed 300 documents; run again to finish"));
    CHECK(Xapian::Database(db).get_metadata("naba:spelling:stale") == "1");

    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--max-memory", "1", words});
    CHECK(again.exit_code == 0);
    CHECK(has(again.err, "300 unchanged"));
    CHECK(Xapian::Database(db).get_metadata("naba:spelling:stale").empty());
    REQUIRE(run(NABA_INDEX_BIN, {"--db", dir + "/whole", "--jobs", "1", words}).exit_code == 0);
    const auto finished = spelling_table(db);
    CHECK(finished.size() == 3001);
    CHECK(finished == spelling_table(dir + "/whole"));
    return err;
}

}  // namespace

TEST_CASE("Ctrl-C commits what was done, exits 130, and a re-run finishes the work") {
    check_graceful_stop(SIGINT, 130);
}

TEST_CASE("SIGTERM commits what was done and exits 143") { check_graceful_stop(SIGTERM, 143); }

TEST_CASE("after kill -9 the index opens with every committed batch, and a re-run completes it") {
    Fixture f("kill9");
    pid_t pid = f.start();
    REQUIRE(wait_for_documents(f.db, 200));
    // Searches keep working while the index is being written.
    CHECK(run(NABA_SEARCH_BIN, {"--db", f.db, "-f", "ids", "ceasefire"}).exit_code == 0);
    ::kill(pid, SIGKILL);
    CHECK(wait_for(pid) == 128 + SIGKILL);

    const std::size_t found = search_ids(f.db, "*").size();
    CHECK(found >= 200);
    CHECK(found % 100 == 0);  // whole batches only
    CHECK(run(NABA_INDEX_BIN, {"--db", f.db, f.jsonl}).exit_code == 0);
    CHECK(search_ids(f.db, "*").size() == kDocuments);
}

TEST_CASE("a second writer on a locked index fails at once with a clear message") {
    std::string dir = temp_dir("lock");
    write_file(dir + "/a.txt", "alpha\n");
    Xapian::WritableDatabase holder(dir + "/db", Xapian::DB_CREATE_OR_OPEN);
    auto start = std::chrono::steady_clock::now();
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/a.txt"});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is locked by another naba-index run") != std::string::npos);
    holder.close();
    std::filesystem::remove_all(dir);
}

TEST_CASE("a lock that fails for another reason than a second writer says that reason") {
    // As on a file system without locking: Xapian cannot take the lock, but nobody holds it.
    std::string dir = temp_dir("lock-fails");
    write_file(dir + "/a.txt", "alpha\n");
    REQUIRE(run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/a.txt"}).exit_code == 0);
    std::filesystem::remove(dir + "/db/flintlock");
    std::filesystem::create_directory(dir + "/db/flintlock");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/a.txt"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("locked by another") == std::string::npos);
    CHECK(r.err.find("Unable to get write lock on " + dir + "/db") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("searches during a run each see one committed revision: whole batches, never fewer than before") {
    Fixture f("concurrent");
    pid_t pid = f.start();
    REQUIRE(wait_for_documents(f.db, 100));
    long previous = 0;
    for (int i = 0; i < 15; ++i) {
        CliResult r = run(NABA_SEARCH_BIN, {"--db", f.db, "--count", "*"});
        REQUIRE(r.exit_code == 0);
        long count = std::stol(r.out);
        CHECK(count % 100 == 0);  // never a half-written batch
        CHECK(count >= previous);
        previous = count;
        CHECK(run(NABA_SEARCH_BIN, {"--db", f.db, "-f", "json", "-n", "5", "ceasefire"}).exit_code == 0);
    }
    CHECK(wait_for(pid) == 0);
    CHECK(std::stol(run(NABA_SEARCH_BIN, {"--db", f.db, "--count", "*"}).out) == kDocuments);
}

TEST_CASE("--max-memory commits early when the uncommitted text passes the cap") {
    std::string dir = temp_dir("max-memory");
    std::string jsonl;
    const std::string words(4000, 'w');  // 4 KB of text per document, 8 MB in all
    for (int i = 0; i < 2000; ++i) jsonl += "{\"id\":\"m" + std::to_string(i) + "\",\"text\":\"" + words + " x\"}\n";
    write_file(dir + "/big.jsonl", jsonl);
    // One writer (--jobs 1) and a batch size that alone would commit only at the end.
    auto revisions = [&](const std::string& db, const std::vector<std::string>& extra) {
        std::vector<std::string> args = {"--db", db, "--jobs", "1", "--batch-size", "100000"};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(dir + "/big.jsonl");
        REQUIRE(run(NABA_INDEX_BIN, args).exit_code == 0);
        Xapian::Database opened(db);
        CHECK(opened.get_doccount() == 2000);
        return opened.get_revision();
    };
    const Xapian::rev uncapped = revisions(dir + "/uncapped", {});
    const Xapian::rev capped = revisions(dir + "/capped", {"--max-memory", "1"});
    CHECK(capped >= uncapped + 6);  // about one commit per MiB of text

    CliResult bad = run(NABA_INDEX_BIN, {"--db", dir + "/x", "--max-memory", "0", dir + "/big.jsonl"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--max-memory must be between 1 and") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("Ctrl-C while the spelling data is handed over in steps stops there, and a re-run finishes it") {
    const std::string dir = temp_dir("spelling-stop");
    // After the last document written (--verbose names each) the refresh comes.
    stop_spelling_then_finish(dir, "1", [](const std::string& err) { return has(err, "added s299\n"); });
    std::filesystem::remove_all(dir);
}

TEST_CASE("Ctrl-C while a parallel build's shards hand over their spelling data stops them, and a re-run finishes it") {
    const std::string dir = temp_dir("spelling-stop-shards");
    // Every document written (the shards write in any order), then the shards'
    // refreshes come: about 1500 words a shard, 5 steps of 327.
    const auto all_written = [](const std::string& err) {
        long n = 0;
        for (std::size_t at = err.find("added s"); at != std::string::npos; at = err.find("added s", at + 1)) ++n;
        return n >= 300;
    };
    const std::string err = stop_spelling_then_finish(dir, "2", all_written);
    CHECK(has(err, " to change, stopped after "));  // a shard's --verbose line: it did not finish its steps
    std::filesystem::remove_all(dir);
}

TEST_CASE("--max-memory bounds the spelling data a run hands over at once, a parallel build's shards their share") {
    const std::string dir = temp_dir("spelling-budget");
    write_file(dir + "/words.jsonl", lettered_jsonl(200, 10));  // 2001 spelling words
    // 1 MiB / 1.6 KB: 655 words a step, and each of two shards half of that.
    CliResult one = run(NABA_INDEX_BIN, {"--db", dir + "/one", "-j", "1", "--max-memory", "1", "--verbose",
                                         dir + "/words.jsonl"});
    CHECK(one.exit_code == 0);
    CHECK(has(one.err, "spelling data: 2001 words changed in 4 steps of up to 655 words\n"));
    CliResult two = run(NABA_INDEX_BIN, {"--db", dir + "/two", "-j", "2", "--max-memory", "1", "--verbose",
                                         dir + "/words.jsonl"});
    CHECK(two.exit_code == 0);
    for (const char* shard : {"shard-0", "shard-1"}) {
        const std::size_t at = two.err.find(std::string("spelling data of ") + shard + ": ");
        REQUIRE(at != std::string::npos);
        CHECK(two.err.substr(at, two.err.find('\n', at) - at).ends_with("of up to 327 words"));
    }
    CHECK(spelling_table(dir + "/two") == spelling_table(dir + "/one"));
    // The default budget takes them at once.
    CliResult whole = run(NABA_INDEX_BIN, {"--db", dir + "/whole", "-j", "1", "--verbose", dir + "/words.jsonl"});
    CHECK(has(whole.err, "spelling data: 2001 words changed at once\n"));
    std::filesystem::remove_all(dir);
}
