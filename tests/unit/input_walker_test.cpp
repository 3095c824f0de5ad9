// The walk of directory arguments: what it finds, and in which order.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
                         [](const InputFile& x, const InputFile& y) { return fs::path(x.path) < fs::path(y.path); }));
    CHECK(walk.files.front().id == "A.txt");
    CHECK(std::any_of(walk.files.begin(), walk.files.end(), [](const InputFile& f) { return f.id == "a/b/c.md"; }));
    fs::remove_all(root);
}

TEST_CASE("a walk takes each file's size and times as stat(2) gives them, and its canonical path from the folder's") {
    const fs::path root = fs::temp_directory_path() / ("naba-walk-stat-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "sub" / "deeper");
    fs::create_directories(root / ".hidden");
    fs::create_directories(root / "elsewhere");
    std::ofstream(root / "sub" / "deeper" / "one.txt") << "one two three\n";
    std::ofstream(root / ".hidden" / "secret.txt") << "not walked\n";
    std::ofstream(root / "elsewhere" / "target.md") << "a linked file\n";
    std::ofstream(root / "notes.pdf") << "not an input\n";
    fs::create_symlink(root / "elsewhere" / "target.md", root / "link.md");  // read as its target
    fs::create_symlink(root / "sub", root / "linked-folder");                // not followed
    // A relative argument with a trailing slash: the ids and paths are as path's / makes them.
    const fs::path cwd = fs::current_path();
    fs::current_path(root.parent_path());
    const WalkResult walk = walk_inputs({root.filename().string() + "/"});
    fs::current_path(cwd);
    std::vector<std::string> ids;
    for (const InputFile& f : walk.files) {
        ids.push_back(f.id);
        CHECK(f.path == (root.filename() / f.id).string());
        CHECK(f.canonical == (root / f.id).string());
        REQUIRE(f.sig);
        struct stat st;
        REQUIRE(::stat((root / f.id).c_str(), &st) == 0);
        CHECK(f.sig->size == static_cast<std::uint64_t>(st.st_size));
        CHECK(f.sig->mtime_ns == stat_signature(st).mtime_ns);
        CHECK(f.sig->ctime_ns == stat_signature(st).ctime_ns);
        CHECK(f.root == root.string());
    }
    CHECK(ids == std::vector<std::string>{"elsewhere/target.md", "link.md", "sub/deeper/one.txt"});
    CHECK(walk.ignored == 1);  // notes.pdf
    CHECK(walk.problems.empty());
    CHECK(walk.complete_roots == std::vector<std::string>{root.string()});
    fs::remove_all(root);
}

TEST_CASE("a walk on several threads finds what one thread finds, in the same order, problems included") {
    const fs::path root = fs::temp_directory_path() / ("naba-walk-threads-" + std::to_string(::getpid()));
    fs::remove_all(root);
    // A folder big enough that its stats are shared among threads, and a few small ones.
    fs::create_directories(root / "big");
    for (int i = 0; i < 700; ++i) std::ofstream(root / "big" / ("f" + std::to_string(i) + ".txt")) << i << "\n";
    for (const char* name : {"s1/a.md", "s1/t/b.txt", "s2/c.jsonl", "s2/skip.pdf", "s3/u/v/w.txt"}) {
        fs::create_directories((root / name).parent_path());
        std::ofstream(root / name) << "{}\n";
    }
    fs::create_symlink(root / "nowhere.txt", root / "s1" / "dangling.txt");
    REQUIRE(::mkfifo((root / "big" / "pipe.txt").c_str(), 0644) == 0);
    const WalkResult one = walk_inputs({root.string()}, 1);
    const WalkResult many = walk_inputs({root.string()}, 4);
    REQUIRE(one.files.size() == 704);
    REQUIRE(many.files.size() == one.files.size());
    for (std::size_t i = 0; i < one.files.size(); ++i) {
        CHECK(many.files[i].path == one.files[i].path);
        CHECK(many.files[i].id == one.files[i].id);
        CHECK(many.files[i].kind == one.files[i].kind);
        REQUIRE(many.files[i].sig);
        CHECK(many.files[i].sig->same_times(*one.files[i].sig));
    }
    CHECK(std::is_sorted(one.files.begin(), one.files.end(),
                         [](const InputFile& x, const InputFile& y) { return fs::path(x.path) < fs::path(y.path); }));
    REQUIRE(one.problems.size() == 2);
    REQUIRE(many.problems.size() == 2);
    CHECK(one.problems[0].path == (root / "big" / "pipe.txt").string());
    CHECK(one.problems[1].path == (root / "s1" / "dangling.txt").string());
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(many.problems[i].path == one.problems[i].path);
        CHECK(many.problems[i].message == one.problems[i].message);
    }
    CHECK(one.ignored == 1);
    CHECK(many.ignored == 1);
    CHECK(many.complete_roots == one.complete_roots);
    fs::remove_all(root);
}

TEST_CASE("a name is an input by its extension, as path::extension reads it, in any case") {
    InputKind kind = InputKind::jsonl;
    CHECK(input_kind_of("a/b.TXT", kind));
    CHECK(kind == InputKind::text);
    CHECK(input_kind_of("notes.Md", kind));
    CHECK(input_kind_of("dump.v2.jsonl", kind));
    CHECK(kind == InputKind::jsonl);
    CHECK_FALSE(input_kind_of(".md", kind));  // a hidden name with no extension
    CHECK_FALSE(input_kind_of("dir.txt/readme", kind));
    CHECK_FALSE(input_kind_of("..", kind));
    CHECK_FALSE(input_kind_of("a.txt.gz", kind));
    CHECK_FALSE(input_kind_of("txt", kind));
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

TEST_CASE("a folder named twice is walked once: its problems and ignored files are counted once") {
    const fs::path root = fs::temp_directory_path() / ("naba-walk-twice-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    std::ofstream(root / "a.txt") << "text\n";
    std::ofstream(root / "b.pdf") << "pdf\n";
    fs::create_symlink(root / "nowhere.txt", root / "dangling.txt");
    const WalkResult walk = walk_inputs({root.string(), root.string() + "/", (root / ".").string()});
    CHECK(walk.files.size() == 1);
    REQUIRE(walk.problems.size() == 1);
    CHECK(walk.problems[0].path == (root / "dangling.txt").string());
    CHECK(walk.ignored == 1);
    fs::remove_all(root);
}

TEST_CASE("a folder inside another argument is walked once, under the outer one, unless a hidden folder hides it") {
    const fs::path root = fs::temp_directory_path() / ("naba-walk-nested-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "in" / "sub");
    fs::create_directories(root / "in" / ".hid");
    std::ofstream(root / "in" / "sub" / "a.txt") << "text\n";
    std::ofstream(root / "in" / ".hid" / "b.txt") << "text\n";
    fs::create_symlink(root / "nowhere.txt", root / "in" / "sub" / "dangling.txt");
    const std::string in = (root / "in").string();
    const WalkResult walk = walk_inputs({in + "/sub", in + "/.hid", in});
    std::vector<std::string> ids;
    for (const InputFile& f : walk.files) ids.push_back(f.id);
    CHECK(ids == std::vector<std::string>{"b.txt", "sub/a.txt"});
    CHECK(walk.problems.size() == 1);  // the broken link, once
    std::vector<std::string> complete = walk.complete_roots;
    std::sort(complete.begin(), complete.end());
    // in/sub too: the walk of in read it whole, so an earlier run's documents under it may go.
    CHECK(complete == std::vector<std::string>{in, in + "/.hid", in + "/sub"});
    fs::remove_all(root);
}
