// naba-index's command-line arguments: folders named inside one another (or through
// a symbolic link), whose files are one document each under one id, and paths or
// typos that start with a dash, which never silently become the index folder.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

// in/top.txt and in/sub/a.txt under `dir`.
void nested_tree(const std::string& dir) {
    write_file(dir + "/in/top.txt", "alpha top\n");
    write_file(dir + "/in/sub/a.txt", "alpha inner\n");
}

// `naba-index ARGS` run in the folder `dir` (for relative paths that start with a dash).
CliResult index_in(const std::string& dir, const std::string& args) {
    return run("/bin/sh", {"-c", "cd '" + dir + "' && exec '" + NABA_INDEX_BIN + "' " + args});
}

}  // namespace

TEST_CASE("a folder named inside another folder argument is indexed once, under the outer folder's ids, in any order") {
    const std::string dir = temp_dir("nested-roots");
    nested_tree(dir);
    const std::string db = dir + "/db", in = dir + "/in";
    const CliResult first = index(db, {in, in + "/sub"});
    CHECK(first.exit_code == 0);
    CHECK(has(first.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged, 0 removed, " +
                             "from 2 files"));
    CHECK(!has(first.err, "already appeared"));
    CHECK(search_ids(db, "alpha") == Ids{"sub/a.txt", "top.txt"});
    const CliResult again = index(db, {in, in + "/sub"});
    CHECK(has(again.err, "0 documents indexed into " + db + " (0 new, 0 replaced), 2 unchanged, 0 removed"));
    const CliResult reversed = index(dir + "/db2", {in + "/sub", in});
    CHECK(has(reversed.err, "2 documents indexed into " + dir + "/db2 (2 new, 0 replaced)"));
    CHECK(search_ids(dir + "/db2", "alpha") == Ids{"sub/a.txt", "top.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a symbolic link to a folder or file inside a folder argument adds no second document") {
    const std::string dir = temp_dir("linked-roots");
    nested_tree(dir);
    fs::create_directory_symlink(dir + "/in/sub", dir + "/link");
    fs::create_directory_symlink(dir + "/in", dir + "/in-link");
    fs::create_symlink(dir + "/in/top.txt", dir + "/top-link.txt");
    const std::string db = dir + "/db";
    const std::vector<std::string> args = {dir + "/link", dir + "/in-link", dir + "/in", dir + "/top-link.txt",
                                           dir + "/in/sub/a.txt"};
    const CliResult first = index(db, args);
    CHECK(first.exit_code == 0);
    CHECK(has(first.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged, 0 removed, " +
                             "from 2 files"));
    CHECK(search_ids(db, "alpha") == Ids{"sub/a.txt", "top.txt"});
    CHECK(has(index(db, args).err, "0 documents indexed into " + db + " (0 new, 0 replaced), 2 unchanged, 0 removed"));
    fs::remove_all(dir);
}

TEST_CASE("a file an earlier run indexed under an inner folder argument's id is kept once, under the outer one's") {
    const std::string dir = temp_dir("nested-roots-earlier");
    nested_tree(dir);
    const std::string db = dir + "/db", in = dir + "/in";
    REQUIRE(index(db, {in + "/sub"}).exit_code == 0);  // a.txt, from the inner folder
    const CliResult both = index(db, {in, in + "/sub"});
    CHECK(has(both.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged, 1 removed"));
    CHECK(search_ids(db, "alpha") == Ids{"sub/a.txt", "top.txt"});
    CHECK(has(index(db, {in, in + "/sub"}).err, "2 unchanged, 0 removed"));
    // A file that left the inner folder goes, as from any folder argument.
    fs::remove(in + "/sub/a.txt");
    CHECK(has(index(db, {in, in + "/sub"}).err, "1 unchanged, 1 removed"));
    CHECK(search_ids(db, "alpha") == Ids{"top.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a dash and letters after the options are refused, not read as -d with the rest as the index folder") {
    const std::string dir = temp_dir("dash-path");
    write_file(dir + "/in/a.txt", "alpha\n");
    for (const std::string word : {"-dashdir", "-qdtypo", "-j4"}) {
        const CliResult r = index_in(dir, "in " + word);
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, "'" + word + "' is read as -"));
        CHECK(has(r.err, "put a path that starts with - after --: naba-index [OPTIONS] -- " + word));
    }
    CHECK(!fs::exists(dir + "/ashdir"));
    CHECK(!fs::exists(dir + "/typo"));
    CHECK(!fs::exists(dir + "/naba-db"));
    // The value as the next word, or --db=DIR, is the index folder as before.
    CHECK(index_in(dir, "-q -d db1 -j 1 in").exit_code == 0);
    CHECK(index_in(dir, "--db=db2 in").exit_code == 0);
    CHECK(search_ids(dir + "/db1", "alpha") == Ids{"a.txt"});
    CHECK(search_ids(dir + "/db2", "alpha") == Ids{"a.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a folder whose name starts with a dash is indexed when it comes after --") {
    const std::string dir = temp_dir("dash-folder");
    write_file(dir + "/-dashdir/a.txt", "alpha\n");
    const CliResult r = index_in(dir, "--db db -- -dashdir");
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "1 document indexed into db (1 new, 0 replaced)"));
    CHECK(search_ids(dir + "/db", "alpha") == Ids{"a.txt"});
    fs::remove_all(dir);
}
