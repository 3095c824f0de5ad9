// What naba-index accepts as its --db: a new or empty folder, or an index it built.
// A folder of the user's own files, or another program's Xapian database, is refused
// before anything is written: the parallel build swaps the index folder for the
// merged database, and another program's index would get Naba documents.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

// Runs naba-index with `args` in the working directory `cwd`.
CliResult index_in(const std::string& cwd, const std::vector<std::string>& args) {
    const fs::path before = fs::current_path();
    fs::current_path(cwd);
    CliResult r = run(NABA_INDEX_BIN, args);
    fs::current_path(before);
    return r;
}

}  // namespace

TEST_CASE("a --db folder holding the user's files is refused, and none of them is touched") {
    const std::string dir = temp_dir("db-user-folder");
    write_file(dir + "/articles/a.txt", "ceasefire talks resume\n");
    write_file(dir + "/articles/sub/b.txt", "prisoner exchange\n");
    for (const char* jobs : {"1", "2"}) {
        CAPTURE(jobs);
        // The classic slip: the folder to index named as the index too.
        CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/articles", "--jobs", jobs, dir + "/articles"});
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, dir + "/articles holds files that are not a Xapian index"));
        CHECK(read_file(dir + "/articles/a.txt") == "ceasefire talks resume\n");
        CHECK(read_file(dir + "/articles/sub/b.txt") == "prisoner exchange\n");
        CHECK(!fs::exists(dir + "/articles/iamglass"));
        CHECK(!fs::exists(dir + "/articles.naba-build"));
    }
    fs::remove_all(dir);
}

TEST_CASE("--db . in a folder of articles is refused without removing the folder") {
    const std::string dir = temp_dir("db-dot");
    write_file(dir + "/a.txt", "ceasefire talks resume\n");
    CliResult r = index_in(dir, {"--db", ".", "--jobs", "2", "."});
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "holds files that are not a Xapian index"));
    CHECK(read_file(dir + "/a.txt") == "ceasefire talks resume\n");
    fs::remove_all(dir);
}

TEST_CASE("an empty --db folder that is the working directory is indexed into, inputs named relative to it") {
    // The parallel build would swap the working directory away, and the relative
    // input paths with it: one writer fills it in place instead.
    const std::string dir = temp_dir("db-cwd");
    write_file(dir + "/news/a.txt", "ceasefire talks resume\n");
    fs::create_directories(dir + "/db");
    CliResult r = index_in(dir + "/db", {"--db", ".", "--jobs", "2", "../news"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "1 document indexed"));
    CHECK(search_ids(dir + "/db", "ceasefire") == std::vector<std::string>{"a.txt"});
    fs::remove_all(dir);
}

TEST_CASE("an empty index folder the user added a file to is not swapped away") {
    const std::string dir = temp_dir("db-extra-file");
    write_file(dir + "/news/a.txt", "ceasefire talks resume\n");
    Xapian::WritableDatabase(dir + "/db", Xapian::DB_CREATE).close();
    write_file(dir + "/db/NOTES", "my notes\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", "--jobs", "2", dir + "/news"});
    CHECK(r.exit_code == 0);
    CHECK(read_file(dir + "/db/NOTES") == "my notes\n");
    CHECK(search_ids(dir + "/db", "ceasefire") == std::vector<std::string>{"a.txt"});
    fs::remove_all(dir);
}

TEST_CASE("another program's Xapian index is refused before anything is written to it") {
    const std::string dir = temp_dir("db-foreign");
    write_file(dir + "/news/a.txt", "ceasefire talks resume\n");
    {
        Xapian::WritableDatabase other(dir + "/other", Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.set_data("mail 1");
        doc.add_term("hello");
        other.add_document(doc);
        other.commit();
    }
    for (const char* flag : {"--no-entities", "--quiet"}) {
        CAPTURE(flag);
        CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/other", flag, dir + "/news"});
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "was not built by naba-index"));
        Xapian::Database other(dir + "/other");
        CHECK(other.get_doccount() == 1);
        CHECK(other.get_revision() == 1);  // not even metadata was committed
        CHECK(other.metadata_keys_begin() == other.metadata_keys_end());
    }
    fs::remove_all(dir);
}
