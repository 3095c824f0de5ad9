// What naba-index says when writing its index fails, caught or not (write_failure.h).
#include <doctest/doctest.h>

#include <barrier>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include "write_failure.h"

using naba::indexer::describe_write_failure;

namespace {

template <typename E>
std::string describe(const E& error) {
    return describe_write_failure("/data/news.db", std::make_exception_ptr(error));
}

[[gnu::noinline]] void write_block() { throw Xapian::DatabaseError("Error writing block 36", ENOSPC); }

// Writes from its destructor, as Xapian 1.4's Glass::ValueUpdater does: when the write
// fails, the exception leaves a destructor and the runtime calls std::terminate.
struct WritesWhenDestroyed {
    ~WritesWhenDestroyed() { write_block(); }
};

// Calls std::terminate itself while a write error is unwound through it, as a cleanup
// in Xapian 1.4's commit does (a destructor's landing pad; seen with ulimit -f 512 and
// --jobs 2): no exception is active then, and errno is still the write's.
struct TerminatesWhileUnwinding {
    ~TerminatesWhileUnwinding() {
        if (std::uncaught_exceptions() == 0) return;
        errno = EFBIG;
        std::terminate();
    }
};

// Runs `body` in a child process with naba-index's terminate handler; returns its
// wait status and what it wrote to stderr.
template <typename Body>
std::pair<int, std::string> run_child(Body body) {
    char path[] = "/tmp/naba-write-failure-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(fd, STDERR_FILENO);
        naba::indexer::report_write_failures_at_terminate("/data/news.db");
        body();
        ::_exit(0);  // not reached
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    ::close(fd);
    std::ifstream in(path);
    std::stringstream err;
    err << in.rdbuf();
    ::unlink(path);
    return {status, err.str()};
}

}  // namespace

TEST_CASE("a full disk is reported with what to free, another database error with what to check") {
    const std::string full = describe(Xapian::DatabaseError("Error writing block 36", ENOSPC));
    CHECK(full.find("cannot write the index at /data/news.db") != std::string::npos);
    CHECK(full.find("No space left on device") != std::string::npos);
    CHECK(full.find("make room on its disk") != std::string::npos);
    const std::string other = describe(Xapian::DatabaseError("Error opening file", EIO));
    CHECK(other.find("check the path and its permissions") != std::string::npos);
    CHECK(other.find("make room") == std::string::npos);
    CHECK(describe(std::runtime_error("no index at x to report on")) == "no index at x to report on");
}

TEST_CASE("a full disk Xapian could not roll back from is still reported with what to free") {
    // Glass's modifications_failed() puts the write error in the message of a new
    // DatabaseError, which has no error string of its own (seen on a 16 MB tmpfs, -j 2).
    const std::string full = describe(Xapian::DatabaseError(
        "Modifications failed (DatabaseError: Error writing block 139 (No space left on device)), "
        "and couldn't open at the old revision: Error writing to file"));
    CHECK(full.find("make room on its disk") != std::string::npos);
    CHECK(full.find("check the path and its permissions") == std::string::npos);
    const std::string other = describe(Xapian::DatabaseError(
        "Modifications failed (DatabaseError: Error writing block 139 (Input/output error)), "
        "and couldn't open at the old revision: Error writing to file"));
    CHECK(other.find("make room") == std::string::npos);
}

TEST_CASE("too many open files is reported with the limit to raise, not the path to check") {
    // A parallel build's many segments under a low hard limit (ulimit -Hn 48).
    const std::string files = describe(Xapian::DatabaseOpeningError(
        "Couldn't open /data/news.db.naba-build/shard-0.7/postlist.glass to read", EMFILE));
    CHECK(files.find("Too many open files") != std::string::npos);
    CHECK(files.find("raise the hard limit on open files (ulimit -Hn, as root), or use --jobs 1") != std::string::npos);
    CHECK(files.find("check the path") == std::string::npos);
    CHECK(describe(Xapian::DatabaseOpeningError("Couldn't open x", ENFILE)).find("ulimit -Hn") != std::string::npos);
}

TEST_CASE("an exception Xapian throws where nothing may escape ends naba-index with status 2 and the reason") {
    const auto [status, err] = run_child([] { WritesWhenDestroyed updater; });
    INFO("stderr: " << err);
    REQUIRE(WIFEXITED(status));  // not killed by SIGABRT
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(err.find("naba-index: cannot write the index at /data/news.db") != std::string::npos);
    CHECK(err.find("No space left on device); make room on its disk") != std::string::npos);
    CHECK(err.find("stopped at once") != std::string::npos);
    CHECK(err.find("the index keeps what was committed before it") != std::string::npos);
}

TEST_CASE("a write error Xapian stops on while it is unwound ends naba-index with status 2 and errno's reason") {
    const auto [status, err] = run_child([] {
        try {
            TerminatesWhileUnwinding cleanup;
            throw Xapian::DatabaseError("Error writing block 36", EFBIG);
        } catch (...) {
        }
    });
    INFO("stderr: " << err);
    REQUIRE(WIFEXITED(status));  // not killed by SIGABRT
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(err.find("naba-index: cannot write the index at /data/news.db: File too large; make room on its disk") !=
          std::string::npos);
    CHECK(err.find("the index keeps what was committed before it") != std::string::npos);
}

TEST_CASE("a terminate without a write error in flight still aborts") {
    const auto [status, err] = run_child([] { std::terminate(); });
    CHECK(WIFSIGNALED(status));
    CHECK(err.find("cannot write the index") == std::string::npos);
}

TEST_CASE("shards whose writes fail at once are reported once") {
    const auto [status, err] = run_child([] {
        constexpr int kShards = 8;  // more than two, so that two reach the handler together more often
        std::barrier all(kShards);
        std::vector<std::thread> shards;
        for (int i = 0; i < kShards; ++i)
            shards.emplace_back([&all] {
                all.arrive_and_wait();
                WritesWhenDestroyed updater;
            });
        for (auto& shard : shards) shard.join();
    });
    INFO("stderr: " << err);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    const auto first = err.find("naba-index: cannot write the index");
    REQUIRE(first != std::string::npos);
    CHECK(err.find("naba-index: cannot write the index", first + 1) == std::string::npos);
}
