// The walk of directory arguments: what it finds, and in which order.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "input_walker.h"

using namespace naba::indexer;
namespace fs = std::filesystem;

TEST_CASE("a folder's files come in std::filesystem::path order, folder by folder, with ids relative to it") {
    const fs::path root = fs::temp_directory_path() / ("naba-walk-" + std::to_string(::getpid()));
    fs::remove_all(root);
    // Names whose bytes sort before and after '/', so that string order and path
    // order differ: "a-b.txt" < "a/…" as strings, but the folder "a" comes first.
    for (const char* name : {"a-b.txt", "a/z.txt", "a/b/c.md", "a b.txt", "a.txt", "A.txt", "a!/x.txt", "ab/y.txt",
                             "a/b-c.txt", "a/b.txt", "a0.txt"}) {
        fs::create_directories((root / name).parent_path());
        std::ofstream(root / name) << "text\n";
    }
    const WalkResult walk = walk_inputs({root.string()});
    REQUIRE(walk.files.size() == 11);
    CHECK(std::is_sorted(walk.files.begin(), walk.files.end(),
                         [](const InputFile& x, const InputFile& y) { return x.path < y.path; }));
    CHECK(walk.files.front().id == "A.txt");
    CHECK(std::any_of(walk.files.begin(), walk.files.end(), [](const InputFile& f) { return f.id == "a/b/c.md"; }));
    fs::remove_all(root);
}

TEST_CASE("a file name that is not UTF-8 gets an id with its bad bytes written \\xHH, distinct per name") {
    CHECK(file_name_id("café/ذكرى.txt") == "café/ذكرى.txt");  // UTF-8: the name itself
    CHECK(file_name_id("back\\slash.txt") == "back\\slash.txt");
    CHECK(file_name_id("caf\xE9.txt") == "caf\\xE9.txt");
    CHECK(file_name_id("caf\xE8.txt") == "caf\\xE8.txt");
    CHECK(file_name_id("caf\xE9.txt") != file_name_id("caf\xEF\xBF\xBD.txt"));  // nor the repaired name
    CHECK(file_name_id("d\xFF/a\\b\xC3.txt") == "d\\xFF/a\\\\b\\xC3.txt");    // backslashes doubled then
    CHECK(file_name_id("\xE2\x82") == "\\xE2\\x82");  // a cut sequence: each of its bytes
    // With backslashes doubled, a name's bad byte and its literal text "\xE9" differ.
    CHECK(file_name_id("a\\xE9\xFF") == "a\\\\xE9\\xFF");
    CHECK(file_name_id("a\xE9\xFF") == "a\\xE9\\xFF");
}
