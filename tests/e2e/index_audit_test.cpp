// naba-index as a demanding user runs it on dirty data: edges a hostile audit found
// (more --jobs than cores; ...). Each case names what the user sees.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

TEST_CASE("--jobs above the number of cores walks a folder without a oneTBB warning on stderr") {
    // oneTBB warned "The number of workers is currently limited to ..." through --quiet.
    std::string dir = temp_dir("audit-jobs");
    write_file(dir + "/in/a/one.txt", "alpha report\n");
    write_file(dir + "/in/b/two.txt", "bravo report\n");
    const unsigned jobs = std::min(std::thread::hardware_concurrency() + 2, 256u);
    CliResult r = index(dir + "/db", {"-q", "--jobs", std::to_string(jobs), dir + "/in"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(committed_documents(dir + "/db") == 2);
    fs::remove_all(dir);
}

TEST_CASE("an index folder whose creation a killed run cut short is made again by the next run") {
    // What kill -9 (or SIGTERM before the handlers are installed) left 0.05 s into a
    // first run: Xapian's lock and empty tables, and the version file not yet renamed
    // into place. Every later run failed on it with status 2 ("check the path and its
    // permissions"), and naba-search could not open it.
    std::string dir = temp_dir("audit-half-created");
    const std::string db = dir + "/db";
    write_file(db + "/flintlock", "");
    write_file(db + "/postlist.glass", "");
    write_file(db + "/termlist.glass", "");
    write_file(db + "/v.tmp", std::string(77, '\x01'));
    write_file(dir + "/in/a.txt", "alpha report\n");
    CliResult r = index(db, {dir + "/in"});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, db + " was left half-created by a stopped run (no version file); creating it again"));
    CHECK(committed_documents(db) == 1);
    CHECK(run(NABA_SEARCH_BIN, {"--db", db, "--count", "alpha"}).out == "1\n");
    CHECK(!fs::exists(db + "/v.tmp"));

    // A folder with a file of the user's beside such tables is still refused, untouched.
    write_file(dir + "/other/notes.txt", "mine\n");
    write_file(dir + "/other/postlist.glass", "");
    CliResult other = index(dir + "/other", {dir + "/in"});
    CHECK(other.exit_code == 2);
    CHECK(fs::exists(dir + "/other/postlist.glass"));
    fs::remove_all(dir);
}
