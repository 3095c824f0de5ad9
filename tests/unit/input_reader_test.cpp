// The reader stage on a file that changed kind after the walk found it: a FIFO (or a
// device) in the place of a regular file is refused at once, never waited on.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>

#include "input_reader.h"

using namespace naba::indexer;
namespace fs = std::filesystem;

namespace {

// What the walk would have found for `path` when it was still a regular file.
InputFile found_as_regular(const std::string& path, InputKind kind) {
    InputFile file;
    file.path = file.canonical = path;
    file.id = fs::path(path).filename().string();
    file.kind = kind;
    FileSignature sig;
    sig.size = 6;
    file.sig = sig;
    return file;
}

// Reads `files` to the end on another thread; false if that took over 5 s (then the
// FIFO `fifo` is opened for writing and closed, which ends a read waiting on it).
bool read_all_in_time(const std::vector<InputFile>& files, Reporter& reporter, const std::string& fifo) {
    SharedDatabase db{Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY), {}};
    InputReader reader(files, db, reporter, ReaderSettings());
    auto done = std::async(std::launch::async, [&] {
        JobBatch batch;
        while (reader.next(batch)) batch = JobBatch();
    });
    if (done.wait_for(std::chrono::seconds(5)) == std::future_status::ready) return true;
    const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (writer >= 0) ::close(writer);
    done.wait();
    return false;
}

}  // namespace

TEST_CASE("a text or JSONL file that became a FIFO after the walk is skipped as not a regular file, not waited on") {
    const fs::path dir = fs::temp_directory_path() / ("naba-reader-fifo-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& [name, kind] : {std::pair{"swapped.txt", InputKind::text}, {"swapped.jsonl", InputKind::jsonl}}) {
        CAPTURE(name);
        const std::string path = (dir / name).string();
        REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
        Reporter reporter(Verbosity::quiet, false);
        CHECK(read_all_in_time({found_as_regular(path, kind)}, reporter, path));
        CHECK(reporter.counts().skipped_total() == 1);
        CHECK(reporter.counts().skipped.count("not a regular file") == 1);
    }
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file indexed before that became a FIFO is refused by the read that hashes it too") {
    const fs::path dir = fs::temp_directory_path() / ("naba-reader-fifo-hash-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "dump.jsonl").string();
    REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
    InputFd why;
    auto hashed = std::async(std::launch::async, [&] { return hash_file(path, &why); });
    const bool in_time = hashed.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    if (!in_time) {
        const int writer = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0) ::close(writer);
    }
    CHECK(in_time);
    CHECK(!hashed.get());
    CHECK(why.not_regular());
    fs::remove_all(dir);
}
