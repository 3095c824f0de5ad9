// naba-index on text files whose names are not UTF-8 (Latin-1 names from an old
// archive): each gets an id that naba-search prints and finds with id:, and two such
// files stay two documents.
#include <doctest/doctest.h>

#include <filesystem>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("two files whose names differ in bytes that are not UTF-8 are two documents, each found by its printed id") {
    const std::string dir = temp_dir("latin1-names"), db = dir + "/db", in = dir + "/in";
    write_file(in + "/caf\xE9.txt", "alpha text\n");
    write_file(in + "/caf\xE8.txt", "bravo text\n");
    write_file(in + "/caf\xEF\xBF\xBD.txt", "charlie text\n");  // a name that is U+FFFD itself
    REQUIRE(index(db, {in}).exit_code == 0);
    const Ids printed = search_ids(db, "text");
    CHECK(printed == Ids{"caf\\xE8.txt", "caf\\xE9.txt", "caf\xEF\xBF\xBD.txt"});
    for (const std::string& id : printed) CHECK(search_ids(db, "id:" + id) == Ids{id});
    CHECK(search_ids(db, "alpha") == Ids{"caf\\xE9.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a document an earlier naba-index filed under a non-UTF-8 name's raw bytes is replaced, not doubled") {
    const std::string dir = temp_dir("latin1-legacy"), db = dir + "/db", in = dir + "/in";
    write_file(in + "/caf\xE9.txt", "alpha text\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    {
        // What an earlier naba-index wrote: the id term of the raw name.
        Xapian::WritableDatabase index_db(db);
        const std::string escaped = std::string(naba::schema::kIdPrefix) + "caf\\xE9.txt";
        const Xapian::docid docid = *index_db.postlist_begin(escaped);
        Xapian::Document doc = index_db.get_document(docid);
        doc.remove_term(escaped);
        doc.add_boolean_term(std::string(naba::schema::kIdPrefix) + "caf\xE9.txt");
        index_db.replace_document(docid, doc);
        index_db.commit();
    }
    const CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "1 document indexed into " + db + " (0 new, 1 replaced)"));
    CHECK(search_ids(db, "*") == Ids{"caf\\xE9.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a message about a file whose name is not UTF-8 writes its bad bytes \\xHH, never raw to the terminal") {
    const std::string dir = temp_dir("latin1-messages"), db = dir + "/db", in = dir + "/in";
    // 0x9B alone is CSI to a terminal that reads 8-bit controls.
    write_file(in + "/bin\x9B" "ary.txt", std::string("a\0b", 3));
    const CliResult r = index(db, {in});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "skipped " + in + "/bin\\x9Bary.txt: the file contains NUL bytes"));
    CHECK(r.err.find('\x9B') == std::string::npos);
    fs::remove_all(dir);
}
