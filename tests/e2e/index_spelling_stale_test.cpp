// When naba-index marks an index's spelling data stale (naba:spelling:stale, for the
// next run to finish): only while words are missing from it, whatever an earlier run
// left in the index a parallel build starts from.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;

namespace {

std::string stale_mark(const std::string& db) { return Xapian::Database(db).get_metadata("naba:spelling:stale"); }

}  // namespace

TEST_CASE("a parallel build into an emptied index whose spelling refresh was stopped leaves no stale mark") {
    const std::string dir = temp_dir("spelling-stale-emptied"), db = dir + "/db", whole = dir + "/whole";
    const std::string words = lettered_jsonl(300, 10);  // 3001 spelling words
    write_file(dir + "/in/words.jsonl", words);
    REQUIRE(index(db, {"-j", "1", dir + "/in"}).exit_code == 0);

    // The file gone, a run removes its 300 documents. Had Ctrl-C stopped that run's
    // spelling refresh (which removes their words in steps), the empty index would be
    // marked stale: written here by hand, as waiting for that refresh is a guess.
    std::filesystem::remove(dir + "/in/words.jsonl");
    REQUIRE(index(db, {"-j", "1", dir + "/in"}).exit_code == 0);
    {
        Xapian::WritableDatabase emptied(db, Xapian::DB_OPEN);
        REQUIRE(emptied.get_doccount() == 0);
        emptied.set_metadata("naba:spelling:stale", "1");
        emptied.commit();
    }

    // An empty index gets a parallel build, whose shards make the spelling data anew,
    // none of the old index's: complete, so not stale.
    write_file(dir + "/in/words.jsonl", words);
    CliResult build = index(db, {"-j", "2", "--verbose", dir + "/in"});
    CHECK(build.exit_code == 0);
    CHECK(has(build.err, "spelling data of shard-1: "));  // the shards' path, not one writer's
    CHECK(stale_mark(db).empty());
    REQUIRE(index(whole, {"-j", "1", dir + "/in"}).exit_code == 0);
    CHECK(spelling_table(db) == spelling_table(whole));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a Ctrl-C after the last spelling step, when the steps came out even, leaves no stale mark") {
    const std::string dir = temp_dir("spelling-stale-even"), db = dir + "/db", whole = dir + "/whole";
    write_file(dir + "/words.jsonl", lettered_jsonl(187, 7));  // 1310 words: two steps of 655 at --max-memory 1
    // The first step, the pause, then the second and last step: the signal comes after
    // it (or after the run), where a scan for more used to pause and stop.
    const auto last_written = [](const std::string& err) { return has(err, "added s186\n"); };
    CHECK(interrupt_spelling_steps({"--db", db, "--jobs", "1", "--max-memory", "1", "--verbose", dir + "/words.jsonl"},
                                   dir + "/err", 3000, last_written, 4500) == 0);
    CHECK(has(read_file(dir + "/err"), "spelling data: 1310 words changed in 2 steps of up to 655 words\n"));
    CHECK(stale_mark(db).empty());
    REQUIRE(index(whole, {"-j", "1", dir + "/words.jsonl"}).exit_code == 0);
    CHECK(spelling_table(db) == spelling_table(whole));
    std::filesystem::remove_all(dir);
}
