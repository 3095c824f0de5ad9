// LineChunkReader: a file read as runs of whole lines with bounded memory, an
// over-long line skipped without being held, and the hash of every byte.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "file_signature.h"
#include "line_chunk_reader.h"

using namespace naba::indexer;
namespace fs = std::filesystem;

namespace {

// Named by process as well: other worktrees' test runs share /tmp.
std::string write_temp(const std::string& name, const std::string& bytes) {
    const fs::path path = fs::temp_directory_path() / ("naba-line-chunk-" + name + "-" + std::to_string(::getpid()));
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

// Every run of the file: its text, or "<too long>".
std::vector<std::string> runs_of(const std::string& path, std::size_t chunk, std::size_t max_line,
                                 std::uint64_t* hash = nullptr) {
    LineChunkReader reader(path, chunk, max_line);
    REQUIRE(reader.is_open());
    std::vector<std::string> runs;
    LineRun run;
    while (reader.next(run)) runs.push_back(run.too_long ? "<too long>" : run.text);
    CHECK_FALSE(reader.failed());
    if (hash) *hash = reader.hash();
    return runs;
}

}  // namespace

TEST_CASE("runs hold whole lines, and together they are the whole file") {
    std::string bytes;
    for (int i = 0; i < 20000; ++i) bytes += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"some words\"}\n";
    bytes += "last line without a newline";
    const std::string path = write_temp("whole", bytes);
    std::uint64_t hash = 0;
    const auto runs = runs_of(path, 100u << 10, 1u << 20, &hash);
    CHECK(runs.size() > 3);  // the file is several runs, not one
    std::string joined;
    for (const std::string& run : runs) {
        CHECK(run.size() < (100u << 10) + (64u << 10) + 100);  // about one run's size each
        joined += run;
        if (&run != &runs.back()) CHECK(run.back() == '\n');
    }
    CHECK(joined == bytes);
    CHECK(hash == content_hash(bytes));  // the same value as hashing the file at once
    fs::remove(path);
}

TEST_CASE("a line over the limit is skipped as one line, and the lines around it are read") {
    const std::string long_line(300u << 10, 'x');
    const std::string bytes = "first\n" + long_line + "\nsecond\n" + long_line;
    const std::string path = write_temp("long", bytes);
    std::uint64_t hash = 0;
    const auto runs = runs_of(path, 1024, 200u << 10, &hash);
    CHECK(runs == std::vector<std::string>{"first\n", "<too long>", "second\n", "<too long>"});
    CHECK(hash == content_hash(bytes));
    // Under the limit, the same line is read whole.
    CHECK(runs_of(path, 1024, 400u << 10).size() == 3);
    fs::remove(path);
}

TEST_CASE("an empty file has no runs, and a missing one does not open") {
    const std::string path = write_temp("empty", "");
    CHECK(runs_of(path, 1024, 1024).empty());
    fs::remove(path);
    CHECK_FALSE(LineChunkReader(path, 1024, 1024).is_open());
    CHECK_FALSE(hash_file(path));
}

TEST_CASE("a line just over the limit is skipped even when its end is read with it") {
    // The whole file fits in one block, so the over-long line arrives complete.
    const std::string bytes = "a\n" + std::string(100, 'x') + "\nb\n" + std::string(101, 'y');
    const std::string path = write_temp("just-over", bytes);
    CHECK(runs_of(path, 1u << 20, 99) == std::vector<std::string>{"a\n", "<too long>", "b\n", "<too long>"});
    CHECK(runs_of(path, 1u << 20, 101) == std::vector<std::string>{"a\n" + std::string(100, 'x') + "\nb\n",
                                                                   std::string(101, 'y')});
    fs::remove(path);
}

TEST_CASE("a CRLF line exactly at the limit is read, as the same line with LF is: the CR is part of its end") {
    const std::string line(100, 'x');
    // Read whole in one block, and with the CR and LF in different blocks.
    for (std::size_t chunk : {std::size_t{1} << 20, std::size_t{16}}) {
        CAPTURE(chunk);
        const std::string path = write_temp("crlf-limit", line + "\r\n" + line + "\r\n" + line + "x\r\n" + line + "\r");
        CHECK(runs_of(path, chunk, 100) == std::vector<std::string>{line + "\r\n" + line + "\r\n", "<too long>",
                                                                   line + "\r"});
        fs::remove(path);
    }
}
