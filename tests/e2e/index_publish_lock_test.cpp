// A parallel fresh build puts its new database in the index's place by a swap, and
// Xapian's lock is a file inside that database: until the build opens it again the
// index is unlocked (indexer/publish_guard.h). A second naba-index started in that
// moment must find the index locked, as at any other moment of the build, and the
// first run must finish what it published. NABA_TEST_PUBLISH_PAUSE_MS holds the
// build in that moment long enough for a test to start the second run there.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "shard_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

// Starts naba-index with `args`, paused for 3 s once it has swapped a new database in.
pid_t start_paused_after_swap(const std::vector<std::string>& args, const std::string& err_path) {
    ::setenv("NABA_TEST_PUBLISH_PAUSE_MS", "3000", 1);
    const pid_t pid = start_indexer(args, err_path);
    ::unsetenv("NABA_TEST_PUBLISH_PAUSE_MS");
    return pid;
}

// Waits until the index at `db` is a database of `documents` documents, no longer a
// build's stub listing shards: the swap has happened (false after 60 s).
bool wait_for_published(const std::string& db, unsigned documents) {
    for (int i = 0; i < 12000; ++i) {
        if (!fs::exists(db + "/XAPIANDB") && fs::exists(db + "/iamglass") && committed_documents(db) == documents)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

// A second run while the first is held between its swap and its lock: refused as
// locked; the first finishes; then the second runs as usual.
void check_second_run_refused(const std::string& dir, const std::string& db, pid_t first, unsigned documents) {
    write_file(dir + "/more/late.txt", "Title: late\n\nA late report on the ceasefire.\n");
    CliResult second = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "1", dir + "/more"});
    CHECK(second.exit_code == 2);
    CHECK(has(second.err, db + " is locked by another naba-index run"));
    const int status = wait_for(first);
    CHECK(status == 0);
    CHECK(committed_documents(db) == documents);
    CHECK(!fs::exists(db + ".naba-build"));

    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "1", dir + "/more"});
    CHECK(again.exit_code == 0);
    CHECK(committed_documents(db) == documents + 1);
    CHECK(run(NABA_SEARCH_BIN, {"--db", db, "--count", "ceasefire"}).out == std::to_string(documents + 1) + "\n");
}

}  // namespace

TEST_CASE("a second naba-index started while a parallel build publishes its index is refused as locked") {
    std::string dir = temp_dir("publish-lock");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(3000));
    const pid_t first = start_paused_after_swap({"--db", db, "--jobs", "2", jsonl}, dir + "/stderr");
    REQUIRE(wait_for_published(db, 3000));
    check_second_run_refused(dir, db, first, 3000);
    CHECK(has(read_file(dir + "/stderr"), "3000 documents indexed"));
    fs::remove_all(dir);
}

TEST_CASE("a second naba-index started while a run puts a stopped build's merge in place is refused as locked") {
    std::string dir = temp_dir("publish-lock-stopped");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    const unsigned found = kill_build_after(db, jsonl, dir + "/killed-stderr");
    // The next run merges the stopped build first, and is held once that merge is in place.
    const pid_t first = start_paused_after_swap({"--db", db, "--jobs", "2", jsonl}, dir + "/stderr");
    REQUIRE(wait_for_published(db, found));
    check_second_run_refused(dir, db, first, 20000);
    CHECK(has(read_file(dir + "/stderr"), "merging the " + std::to_string(found) + " documents"));
    fs::remove_all(dir);
}

TEST_CASE("another program's lock on the folder that holds the index delays a run by a few seconds, no more") {
    std::string dir = temp_dir("publish-lock-foreign");
    write_file(dir + "/in/a.txt", "alpha report\n");
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    const auto start = std::chrono::steady_clock::now();
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--jobs", "1", dir + "/in"});
    const auto waited = std::chrono::steady_clock::now() - start;
    ::close(fd);
    CHECK(r.exit_code == 0);
    CHECK(waited >= std::chrono::seconds(4));
    CHECK(waited < std::chrono::seconds(30));
    CHECK(committed_documents(dir + "/db") == 1);
    fs::remove_all(dir);
}
