// naba-index with one id in several input files (overlapping dumps): a document
// stays while any of its files still holds its id, and comes back from that file's
// record when the one that last replaced it drops it or disappears.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

std::string record(const std::string& id, const std::string& text) {
    return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}\n";
}

// a.jsonl and b.jsonl both hold id x (b read last, so its record); then a changes and
// still has x, so a's record replaces b's.
void take_over_shared_id(const std::string& db, const std::string& a, const std::string& b) {
    write_file(a, record("x", "alpha version"));
    write_file(b, record("x", "bravo version") + record("b1", "banana"));
    REQUIRE(index(db, {"-j", "1", a, b}).exit_code == 0);
    write_file(a, record("x", "alpha changed") + record("a2", "apricot"));
    REQUIRE(index(db, {a, b}).exit_code == 0);
    REQUIRE(search_ids(db, "changed") == Ids{"x"});
}

}  // namespace

TEST_CASE("an id two JSONL files hold stays while either file still has it, on either path of a first run") {
    for (const char* jobs : {"1", "2"}) {
        CAPTURE(jobs);
        std::string dir = temp_dir("shared-id-pruned");
        const std::string db = dir + "/db", a = dir + "/a.jsonl", b = dir + "/b.jsonl";
        write_file(a, record("x", "alpha shared") + record("a1", "apple"));
        write_file(b, record("x", "alpha shared") + record("b1", "banana"));
        CliResult first = index(db, {"-j", jobs, a, b});
        REQUIRE(first.exit_code == 0);
        REQUIRE(has(first.err, "id 'x' already appeared in this run"));

        // b.jsonl's record was indexed last; b drops it, a still has it.
        write_file(b, record("b1", "banana"));
        CliResult dropped = index(db, {a, b});
        CHECK(dropped.exit_code == 0);
        CHECK(has(dropped.err, "0 removed"));
        CHECK(has(dropped.err, "1 document whose id left " + fs::canonical(b).string() + " is kept: " +
                                   fs::canonical(a).string() + " still holds it"));
        CHECK(search_ids(db, "*") == Ids{"a1", "b1", "x"});
        CHECK(search_ids(db, "shared") == Ids{"x"});

        // Now the last file that held it drops it too: it goes.
        write_file(a, record("a1", "apple"));
        CliResult gone = index(db, {a, b});
        CHECK(has(gone.err, "1 removed"));
        CHECK(search_ids(db, "*") == Ids{"a1", "b1"});
        fs::remove_all(dir);
    }
}

TEST_CASE("a JSONL file that vanishes from a directory leaves the documents another file holds, with that file's text") {
    std::string dir = temp_dir("shared-id-vanished");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.jsonl", record("x", "alpha version") + record("a1", "apple"));
    write_file(in + "/b.jsonl", record("x", "bravo version"));
    REQUIRE(index(db, {in}).exit_code == 0);
    REQUIRE(search_ids(db, "bravo") == Ids{"x"});  // read last, so it won

    fs::remove(in + "/b.jsonl");
    CliResult vanished = index(db, {in});
    CHECK(vanished.exit_code == 0);
    CHECK(has(vanished.err, "0 removed"));
    CHECK(search_ids(db, "*") == Ids{"a1", "x"});
    // The run after reads a.jsonl again, unchanged as it is, and takes its record.
    CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(search_ids(db, "alpha") == Ids{"x"});
    CHECK(search_ids(db, "bravo").empty());
    CHECK(has(index(db, {in}).err, "0 documents indexed"));  // and then nothing is left to do
    fs::remove_all(dir);
}

TEST_CASE("when a changed file takes over a shared id and later drops it, the other file's record comes back") {
    std::string dir = temp_dir("shared-id-flip");
    const std::string db = dir + "/db", a = dir + "/a.jsonl", b = dir + "/b.jsonl";
    take_over_shared_id(db, a, b);

    write_file(a, record("a2", "apricot"));
    CliResult dropped = index(db, {a, b});
    CHECK(has(dropped.err, "0 removed"));
    CHECK(search_ids(db, "*") == Ids{"a2", "b1", "x"});
    index(db, {a, b});
    CHECK(search_ids(db, "bravo") == Ids{"x"});
    CHECK(search_ids(db, "changed").empty());
    fs::remove_all(dir);
}

TEST_CASE("a file touched in the run that hands it a shared id is still read again by the next run") {
    // The touched file's new signature is stored after the hand-over marked it for a
    // read; the mark must stay, or the dropped record stays the document for good.
    std::string dir = temp_dir("shared-id-touched");
    const std::string db = dir + "/db", a = dir + "/a.jsonl", b = dir + "/b.jsonl";
    take_over_shared_id(db, a, b);

    write_file(a, record("a2", "apricot"));
    fs::last_write_time(b, fs::last_write_time(b) + std::chrono::seconds(10));  // touched, not changed
    REQUIRE(has(index(db, {a, b}).err, "still holds it"));
    index(db, {a, b});
    CHECK(search_ids(db, "bravo") == Ids{"x"});
    CHECK(search_ids(db, "changed").empty());
    fs::remove_all(dir);
}

TEST_CASE("a document handed to a file in an indexed directory goes when that file vanishes before it is read again") {
    std::string dir = temp_dir("shared-id-handed-vanished");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.jsonl", record("x", "alpha version") + record("a1", "apple"));
    write_file(in + "/b.jsonl", record("x", "bravo version"));
    REQUIRE(index(db, {in}).exit_code == 0);
    fs::remove(in + "/b.jsonl");
    REQUIRE(has(index(db, {in}).err, "still holds it"));  // x went to a.jsonl
    REQUIRE(search_ids(db, "*") == Ids{"a1", "x"});

    // a.jsonl goes too before a run reads it again: no file holds x any more.
    fs::remove(in + "/a.jsonl");
    CliResult gone = index(db, {in});
    CHECK(gone.exit_code == 0);
    CHECK(has(gone.err, "2 removed"));
    CHECK(search_ids(db, "*").empty());
    fs::remove_all(dir);
}

TEST_CASE("a file that dropped a shared id is no longer one of its holders, so the last holder's drop removes it") {
    std::string dir = temp_dir("shared-id-stale-holders");
    const std::string db = dir + "/db", a = dir + "/a.jsonl", b = dir + "/b.jsonl", c = dir + "/c.jsonl";
    write_file(a, record("x", "alpha shared") + record("a1", "apple"));
    write_file(b, record("x", "bravo shared") + record("b1", "banana"));
    write_file(c, record("x", "charlie shared") + record("c1", "cherry"));
    REQUIRE(index(db, {"-j", "1", a, b, c}).exit_code == 0);
    // a and b drop x; c, read last, still has it.
    write_file(a, record("a1", "apple"));
    write_file(b, record("b1", "banana"));
    REQUIRE(index(db, {a, b, c}).exit_code == 0);
    REQUIRE(search_ids(db, "charlie") == Ids{"x"});

    // Now c drops it: no file holds x, so it goes in this run, with no note that
    // a or b "still holds it".
    write_file(c, record("c1", "cherry"));
    CliResult gone = index(db, {a, b, c});
    CHECK(has(gone.err, "1 removed"));
    CHECK_FALSE(has(gone.err, "still holds"));
    CHECK(search_ids(db, "*") == Ids{"a1", "b1", "c1"});
    fs::remove_all(dir);
}

TEST_CASE("the read that takes back a handed-over document re-indexes that document, not the file's others") {
    std::string dir = temp_dir("shared-id-reread");
    const std::string db = dir + "/db", a = dir + "/a.jsonl", b = dir + "/b.jsonl";
    const std::string both = record("s1", "first shared") + record("s2", "second shared");
    write_file(a, record("x", "alpha version") + both);
    write_file(b, record("x", "bravo version") + both);
    REQUIRE(index(db, {"-j", "1", a, b}).exit_code == 0);
    write_file(b, both);  // b drops x: it goes to a, unchanged, which the next run reads again
    REQUIRE(has(index(db, {a, b}).err, "still holds it"));

    CliResult reread = index(db, {a, b});
    CHECK(has(reread.err, "1 document indexed"));  // s1 and s2 are still b's, as if a were not read
    CHECK(search_ids(db, "alpha") == Ids{"x"});
    CHECK(search_ids(db, "shared") == Ids{"s1", "s2"});
    CHECK(has(index(db, {a, b}).err, "0 documents indexed"));
    fs::remove_all(dir);
}

TEST_CASE("a document handed to a file of another directory argument is not removed with the first directory's files") {
    std::string dir = temp_dir("shared-id-two-roots");
    const std::string db = dir + "/db", one = dir + "/one", two = dir + "/two";
    write_file(one + "/a.jsonl", record("x", "alpha version"));
    write_file(two + "/b.jsonl", record("x", "bravo version") + record("b1", "banana"));
    REQUIRE(index(db, {"-j", "1", one, two}).exit_code == 0);
    write_file(two + "/b.jsonl", record("b1", "banana"));  // x goes to one/a.jsonl
    REQUIRE(has(index(db, {one, two}).err, "0 removed"));
    CHECK(has(index(db, {one, two}).err, "0 removed"));  // a.jsonl read again: x is its own
    CHECK(search_ids(db, "alpha") == Ids{"x"});
    fs::remove(one + "/a.jsonl");
    CHECK(has(index(db, {one, two}).err, "1 removed"));
    CHECK(search_ids(db, "*") == Ids{"b1"});
    fs::remove_all(dir);
}

TEST_CASE("a handed-over document keeps its text under its new file until a run without --no-delete reads that file") {
    std::string dir = temp_dir("shared-id-handed-text");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.jsonl", record("x", "alpha version"));
    write_file(in + "/b.jsonl", record("x", "bravo version"));
    REQUIRE(index(db, {in}).exit_code == 0);
    fs::remove(in + "/b.jsonl");
    REQUIRE(index(db, {in}).exit_code == 0);
    // Handed to a.jsonl: listed there, with the text it was indexed with (README, re-running).
    CHECK(search_ids(db, "bravo") == Ids{"x"});
    const CliResult shown = run(NABA_SEARCH_BIN, {"--db", db, "-f", "json", "bravo"});
    CHECK(has(shown.out, "\"path\":\"" + fs::canonical(in + "/a.jsonl").string() + "\""));
    REQUIRE(index(db, {"--no-delete", in}).exit_code == 0);  // a --no-delete run does not read a.jsonl again
    CHECK(search_ids(db, "bravo") == Ids{"x"});
    REQUIRE(index(db, {in}).exit_code == 0);
    CHECK(search_ids(db, "alpha") == Ids{"x"});
    CHECK(search_ids(db, "bravo").empty());
    fs::remove_all(dir);
}
