// A parallel fresh build puts its new database in the index's place by a swap, and
// Xapian's lock is a file inside that database: until the build opens it again the
// index is unlocked (indexer/publish_guard.h). A second naba-index started in that
// moment must find the index locked, as at any other moment of the build, and the
// first run must finish what it published. NABA_TEST_PUBLISH_PAUSE_MS holds the
// build in that moment long enough for a test to start the second run there.
// While the build writes, the index is a stub listing the shards' segments, and a
// second writer must find it locked however long it takes to open them.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include <xapian.h>

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

// The newest segment a build's stub lists of each shard ("shard-1.4": 4, "shard-1": 0).
std::map<std::string, int> last_segments(const std::string& stub) {
    std::map<std::string, int> last;
    std::istringstream in(stub);
    for (std::string line; std::getline(in, line);) {
        const std::size_t name = line.rfind('/');
        if (!line.starts_with("auto ") || name == std::string::npos) continue;
        const std::string segment = line.substr(name + 1);
        if (!segment.starts_with("shard-")) continue;
        const std::size_t dot = segment.find('.');
        const int n = dot == std::string::npos ? 0 : std::stoi(segment.substr(dot + 1));
        int& newest = last[segment.substr(0, dot)];
        newest = std::max(newest, n);
    }
    return last;
}

// Waits until the build's stub at `db` lists, of every shard in `early`, a segment two
// past the newest one there: the segments `early` lists are all closed (a shard closes
// a segment once the next one is listed). False if the stub is gone first.
bool wait_for_segments_past(const std::string& db, const std::map<std::string, int>& early) {
    for (int i = 0; i < 12000; ++i) {
        if (!fs::exists(db + "/XAPIANDB")) return false;
        const std::map<std::string, int> now = last_segments(read_file(db + "/XAPIANDB"));
        bool past = true;
        for (const auto& [shard, newest] : early) past = past && now.contains(shard) && now.at(shard) >= newest + 2;
        if (past) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

}  // namespace

// Xapian opens a stub's databases one after another, locking each, while the build's
// shards move on from segment to segment: a second writer slow to get to the end of
// the list (a loaded machine) found every segment it had read of closed, took the
// build as a stopped one, merged it and removed the shards under the running build.
// This test is that slow writer: it opens the stub as it was once the shards have
// moved past every segment it lists.
TEST_CASE("a second writer slow to open the databases of a building index still finds it locked") {
    std::string dir = temp_dir("build-lock-slow");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    ::setenv("NABA_TEST_SEGMENT_TEXT_BYTES", "2000", 1);  // a new segment at each commit, at first
    const pid_t build = start_indexer({"--db", db, "--jobs", "2", "--batch-size", "100", jsonl}, dir + "/stderr");
    ::unsetenv("NABA_TEST_SEGMENT_TEXT_BYTES");
    REQUIRE(wait_for_documents(db, 300));
    const std::string stub = read_file(db + "/XAPIANDB");
    const std::map<std::string, int> early = last_segments(stub);
    REQUIRE(early.size() == 2);
    // Beside the index, so that the stub's relative paths name the same databases.
    write_file(dir + "/early/XAPIANDB", stub);
    REQUIRE(wait_for_segments_past(db, early));
    CHECK_THROWS_AS(Xapian::WritableDatabase(dir + "/early", Xapian::DB_OPEN), Xapian::DatabaseLockError);
    const int status = wait_for(build);
    INFO("the build's stderr: " << read_file(dir + "/stderr"));
    CHECK(status == 0);
    CHECK(committed_documents(db) == 20000);
    CHECK(!fs::exists(db + ".naba-build"));
    fs::remove_all(dir);
}

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
