// --db pointed at what is no index naba-search can search: an empty folder (a user's
// mkdir before the first naba-index run), a file that is no index nor stub (notes, a
// corpus named by mistake), and an index of another naba-index version, whose kind of
// stems (metadata naba:stemming) this naba-search does not know.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <xapian.h>

#include "cli_runner.h"

namespace fs = std::filesystem;
using naba::e2e::CliResult;
using naba::e2e::run;

TEST_CASE("an empty folder given as --db says there is no index in it yet and how to build one") {
    // It said "is not a Naba index (Couldn't detect type of database)".
    const std::string dir = naba::e2e::temp_dir("empty-db");
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir, "grain"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no index at " + dir + " (an empty folder); build one with: naba-index --db " + dir) !=
          std::string::npos);
}

TEST_CASE("a file given as --db that is no stub says so, not which of its lines to correct") {
    // It said "line 1 is not a line of a Xapian stub; write 'auto DIR' ...", as if the
    // user had written a stub.
    const std::string file = naba::e2e::temp_dir("file-db") + "/notes.txt";
    std::ofstream(file) << "grain corridor notes\nmore\n";
    CliResult r = run(NABA_SEARCH_BIN, {"--db", file, "grain"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "naba-search: " + file + " is a file, neither a Naba index (a folder naba-index makes) nor a "
                   "Xapian stub (its first line is no stub line); point --db at a folder made by naba-index\n");
}

TEST_CASE("an index whose kind of stems this naba-search does not know is refused as another version's") {
    // It was searched as one of ours, its stems matched as nothing said how.
    const std::string dir = naba::e2e::temp_dir("future-db") + "/db";
    fs::copy(NABA_SAMPLE_DB, dir, fs::copy_options::recursive);
    {
        Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
        db.set_metadata("naba:stemming", "stems-v9");
        db.commit();
    }
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir, "--count", "grain"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("was written by another version of naba-index: it keeps its stems as 'stems-v9'") !=
          std::string::npos);
    // The kinds this version writes, and none (an index older than the key), are searched.
    for (const char* kind : {"synonyms", "terms", ""}) {
        {
            Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
            db.set_metadata("naba:stemming", kind);
            db.commit();
        }
        CAPTURE(kind);
        CHECK(run(NABA_SEARCH_BIN, {"--db", dir, "--count", "grain"}).exit_code == 0);
    }
}
