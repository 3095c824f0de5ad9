// What naba-index says when writing its index fails, caught or not (write_failure.h).
#include <doctest/doctest.h>

#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

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

TEST_CASE("an exception Xapian throws where nothing may escape ends naba-index with status 2 and the reason") {
    char path[] = "/tmp/naba-write-failure-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::dup2(fd, STDERR_FILENO);
        naba::indexer::report_write_failures_at_terminate("/data/news.db");
        { WritesWhenDestroyed updater; }
        ::_exit(0);  // not reached
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    ::close(fd);
    std::ifstream in(path);
    std::stringstream err;
    err << in.rdbuf();
    ::unlink(path);
    INFO("stderr: " << err.str());
    REQUIRE(WIFEXITED(status));  // not killed by SIGABRT
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(err.str().find("naba-index: cannot write the index at /data/news.db") != std::string::npos);
    CHECK(err.str().find("No space left on device); make room on its disk") != std::string::npos);
    CHECK(err.str().find("the index keeps what was committed before it") != std::string::npos);
}
