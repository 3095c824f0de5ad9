// An index of stem synonyms whose words have no stem to group (numbers, stop words)
// has an empty synonym table, as an index served by Xapian's remote backend seems to:
// naba-index marks it, so that naba-search does not say that stems are not matched.
#include <doctest/doctest.h>

#include <filesystem>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

TEST_CASE("an index whose words have no stem gets no warning that stems are not served, and one that has some") {
    const std::string dir = temp_dir("no-stem-groups");
    write_file(dir + "/in/numbers.txt", "2025 1234 ١٢٣\n");
    write_file(dir + "/in/stop.txt", "the and of\n");
    const std::string db = dir + "/db";
    REQUIRE(index(db, {"-j", "1", dir + "/in"}).exit_code == 0);
    const CliResult found = run(NABA_SEARCH_BIN, {"--db", db, "-f", "ids", "2025"});
    CHECK(found.exit_code == 0);
    CHECK(found.out == "numbers.txt\n");
    CHECK(found.err == "");
    const std::string mark(naba::schema::kNoStemGroupsKey);
    CHECK(Xapian::Database(db).get_metadata(mark) == "1");
    // The same on an index a parallel build made (a merged database of its own).
    REQUIRE(index(dir + "/db2", {"-j", "2", dir + "/in"}).exit_code == 0);
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db2", "-f", "ids", "1234"}).err == "");
    // Words with stems later: the mark goes, and stems are matched.
    write_file(dir + "/in/words.txt", "ceasefire talks\n");
    REQUIRE(index(db, {"-j", "1", dir + "/in"}).exit_code == 0);
    const CliResult stems = run(NABA_SEARCH_BIN, {"--db", db, "-f", "ids", "talk"});
    CHECK(stems.out == "words.txt\n");
    CHECK(stems.err == "");
    CHECK(Xapian::Database(db).get_metadata(mark) == "");
    fs::remove_all(dir);
}
