// naba-index on small fixtures the tests write themselves.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;
using naba::e2e::temp_dir;

namespace {

void write(const std::string& path, const std::string& content) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> ids(const std::string& db, const std::string& query) {
    return lines(run(NABA_SEARCH_BIN, {"--db", db, "-f", "ids", "-n", "100", query}).out);
}

}  // namespace

TEST_CASE("ids are paths relative to the directory argument, or the name of a named file") {
    std::string dir = temp_dir("ids");
    write(dir + "/in/sub/a.txt", "Alpha text\n");
    write(dir + "/b.md", "Beta text\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in", dir + "/b.md"});
    CHECK(r.exit_code == 0);
    CHECK(ids(dir + "/db", "alpha") == std::vector<std::string>{"sub/a.txt"});
    CHECK(ids(dir + "/db", "beta") == std::vector<std::string>{"b.md"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("a trec run writes an id holding a space or a percent sign as one field") {
    std::string dir = temp_dir("trec-ids");
    write(dir + "/in/field report 50%.txt", "Alpha text\n");
    REQUIRE(run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"}).exit_code == 0);
    CHECK(ids(dir + "/db", "alpha") == std::vector<std::string>{"field report 50%.txt"});
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "trec", "alpha"});
    REQUIRE(lines(r.out).size() == 1);
    CHECK(lines(r.out)[0].starts_with("1 Q0 field%20report%2050%25.txt 1 "));
    std::filesystem::remove_all(dir);
}

TEST_CASE("indexing the same id again replaces the document instead of duplicating it") {
    std::string dir = temp_dir("replace");
    write(dir + "/in/a.txt", "first version ceasefire\n");
    run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    write(dir + "/in/a.txt", "second version truce\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.err.find("1 replaced") != std::string::npos);
    CHECK(ids(dir + "/db", "*") == std::vector<std::string>{"a.txt"});
    CHECK(ids(dir + "/db", "ceasefire").empty());
    CHECK(ids(dir + "/db", "truce") == std::vector<std::string>{"a.txt"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("JSONL documents are indexed by their id and bad lines are reported with file:line") {
    std::string dir = temp_dir("jsonl");
    write(dir + "/c.jsonl",
          "{\"id\":\"n1\",\"title\":\"هدنة\",\"text\":\"وقف إطلاق النار\",\"lang\":\"ar\",\"date\":\"2025-03-01\"}\n"
          "{oops\n"
          "{\"id\":\"n2\",\"text\":\"prisoner exchange\"}\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/c.jsonl"});
    CHECK(r.exit_code == 1);  // a line was skipped; the rest is committed
    CHECK(r.err.find("c.jsonl:2") != std::string::npos);
    CHECK(ids(dir + "/db", "النار") == std::vector<std::string>{"n1"});
    CHECK(ids(dir + "/db", "exchanges") == std::vector<std::string>{"n2"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("empty, binary and missing inputs are skipped with a reason and exit status 1") {
    std::string dir = temp_dir("bad");
    write(dir + "/in/empty.txt", "");
    write(dir + "/in/binary.txt", std::string("abc\0def", 7));
    write(dir + "/in/good.txt", "good words\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in", dir + "/missing"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("empty") != std::string::npos);
    CHECK(r.err.find("binary") != std::string::npos);
    CHECK(r.err.find("no such file or directory") != std::string::npos);
    CHECK(ids(dir + "/db", "*") == std::vector<std::string>{"good.txt"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("invalid UTF-8 in a text file is repaired and reported with its byte offset") {
    std::string dir = temp_dir("utf8");
    write(dir + "/in/a.txt", "Title: T\n\nkeep \xFF this word\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("invalid UTF-8 at byte 15") != std::string::npos);
    CHECK(ids(dir + "/db", "keep") == std::vector<std::string>{"a.txt"});
    std::filesystem::remove_all(dir);
}

TEST_CASE("naba-index without paths or with a bad option exits 2 with a message") {
    CliResult none = run(NABA_INDEX_BIN, {});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no PATH given") != std::string::npos);
    CliResult bad = run(NABA_INDEX_BIN, {"--batch-size", "0", "x"});
    CHECK(bad.exit_code == 2);
}

TEST_CASE("--help of both programs documents usage and exits 0") {
    CliResult i = run(NABA_INDEX_BIN, {"--help"});
    CliResult s = run(NABA_SEARCH_BIN, {"--help"});
    CHECK(i.exit_code == 0);
    CHECK(s.exit_code == 0);
    CHECK(i.out.find("Usage: naba-index") != std::string::npos);
    CHECK(s.out.find("Usage: naba-search") != std::string::npos);
    CHECK(s.out.find("Exit status") != std::string::npos);
}

TEST_CASE("--quiet prints only skips, --verbose every document, --progress the progress line") {
    std::string dir = temp_dir("verbosity");
    write(dir + "/in/good.txt", "good words\n");
    write(dir + "/in/empty.txt", "");
    CliResult quiet = run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db1", dir + "/in"});
    CHECK(quiet.exit_code == 1);
    CHECK(lines(quiet.err).size() == 1);
    CHECK(quiet.err.find("skipped") != std::string::npos);
    CliResult verbose = run(NABA_INDEX_BIN, {"--verbose", "--db", dir + "/db2", dir + "/in"});
    CHECK(verbose.err.find("added good.txt") != std::string::npos);
    CHECK(verbose.err.find("1 document indexed") != std::string::npos);
    CliResult plain = run(NABA_INDEX_BIN, {"--db", dir + "/db3", dir + "/in"});
    CHECK(plain.err.find("MB/s") == std::string::npos);  // stderr is not a terminal
    CliResult progress = run(NABA_INDEX_BIN, {"--progress", "--db", dir + "/db4", dir + "/in"});
    CHECK(progress.err.find("files 2/2") != std::string::npos);
    CHECK(progress.err.find("MB/s") != std::string::npos);
    CHECK(run(NABA_INDEX_BIN, {"--quiet", "--verbose", dir + "/in"}).exit_code == 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("hostile inputs: symlink loops, oversized and unreadable files, bad records, duplicate ids") {
    std::string dir = temp_dir("hostile");
    const std::string in = dir + "/in";
    write(in + "/good.txt", "good words\n");
    write(in + "/big.txt", std::string(2u << 20, 'x'));
    write(in + "/locked.txt", "secret\n");
    std::filesystem::permissions(in + "/locked.txt", std::filesystem::perms::none);
    std::filesystem::create_directory_symlink(in, in + "/loop");
    write(in + "/records.jsonl",
          "{\"id\":\"r1\",\"text\":\"first\"}\n{\"text\":\"no id\"}\n{\"id\":\"r2\"}\n"
          "[1,2]\n{\"id\":\"r1\",\"text\":\"again\"}\n");
    CliResult r = run(NABA_INDEX_BIN, {"--max-size", "1", "--db", dir + "/db", in});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("big.txt: 2097152 bytes is over the limit") != std::string::npos);
    CHECK(r.err.find("records.jsonl:2: no \"id\" field") != std::string::npos);
    CHECK(r.err.find("records.jsonl:3: no \"text\" field") != std::string::npos);
    CHECK(r.err.find("records.jsonl:4: not a JSON object") != std::string::npos);
    CHECK(r.err.find("id 'r1' already appeared in this run") != std::string::npos);
    CHECK(r.err.find("too large 1;") != std::string::npos);
    if (::geteuid() != 0) {  // root reads every file
        CHECK(r.err.find("locked.txt: cannot read the file") != std::string::npos);
    }
    CHECK(ids(dir + "/db", "again") == std::vector<std::string>{"r1"});
    CHECK(ids(dir + "/db", "first").empty());
    CHECK(ids(dir + "/db", "good") == std::vector<std::string>{"good.txt"});  // not twice through the loop
    std::filesystem::permissions(in + "/locked.txt", std::filesystem::perms::owner_all);
    std::filesystem::remove_all(dir);
}

TEST_CASE("an absurd --jobs, an empty --db and a --db link to nowhere are usage errors, not crashes") {
    std::string dir = temp_dir("bad-db");
    write(dir + "/in/a.txt", "text\n");
    CliResult jobs = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--jobs", "100000", dir + "/in"});
    CHECK(jobs.exit_code == 2);
    CHECK(jobs.err.find("--jobs must be between") != std::string::npos);
    std::filesystem::create_directory_symlink(dir + "/missing", dir + "/link");
    CliResult link = run(NABA_INDEX_BIN, {"--db", dir + "/link", dir + "/in"});
    CHECK(link.exit_code == 2);
    CHECK(link.err.find("symbolic link to a directory that does not exist") != std::string::npos);
    CliResult empty = run(NABA_INDEX_BIN, {"--db", "", dir + "/in"});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("--db needs a directory") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a fresh parallel build with no room beside the index falls back to one writer") {
    namespace fs = std::filesystem;
    std::string dir = temp_dir("ro-parent");
    write(dir + "/in/a.txt", "text\n");
    fs::create_directories(dir + "/parent/db");
    fs::permissions(dir + "/parent/db", fs::perms::all);  // the index itself is writable...
    fs::permissions(dir + "/parent", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                                         fs::perms::others_exec);  // ...the folder around it is not
    std::vector<std::string> args = {"--db", dir + "/parent/db", "--jobs", "2", dir + "/in"};
    CliResult r;
    if (::geteuid() == 0) {  // root writes anywhere: run as nobody
        REQUIRE(fs::exists("/usr/bin/setpriv"));
        args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", NABA_INDEX_BIN});
        r = run("/usr/bin/setpriv", args);
    } else {
        r = run(NABA_INDEX_BIN, args);
    }
    fs::permissions(dir + "/parent", fs::perms::owner_all);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("indexing with one writer") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("naba-search ranks an Arabic question's passages by how close its words are, a headline query by BM25") {
    // Two passages with the same words: BM25 ties them (the first indexed wins), the
    // window bonus prefers the one with the words side by side.
    std::string dir = temp_dir("question");
    std::string filler;
    for (int i = 0; i < 20; ++i) filler += "الطقس ";
    write(dir + "/in/far.txt", "الممر " + filler + "الحبوب\n");
    write(dir + "/in/near.txt", "الممر الحبوب " + filler + "\n");
    for (int i = 0; i < 4; ++i) write(dir + "/in/other" + std::to_string(i) + ".txt", "الطقس\n");
    // One thread: files keep the walk's order as docids (far first), which breaks ties.
    REQUIRE(run(NABA_INDEX_BIN, {"-q", "-j", "1", "--db", dir + "/db", dir + "/in"}).exit_code == 0);
    auto first_two = [&](const std::string& q) {
        return lines(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "-n", "2", q}).out);
    };
    CHECK(first_two("الممر الحبوب") == std::vector<std::string>{"far.txt", "near.txt"});
    CHECK(first_two("أين الممر الحبوب؟") == std::vector<std::string>{"near.txt", "far.txt"});
    CHECK(lines(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "ids", "-n", "2", "--batch", "-"},
                    "q1\tأين الممر الحبوب؟\n")
                    .out) == std::vector<std::string>{"q1\tnear.txt", "q1\tfar.txt"});
    std::filesystem::remove_all(dir);
}
