// naba-index re-runs and files written again right after a run read them, within the
// same clock tick ("racily clean"): such a rewrite keeps the file's size, mtime and
// change time, so the stored signature must not vouch for a file whose times were not
// older than the run's start. The same tick cannot be arranged from a test; the tests
// give the file times after the run's start (touch -d into the future) and then make
// the index hold what the same tick would have left in it: the file's new change time.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;
namespace schema = naba::schema;

namespace {

using Ids = std::vector<std::string>;

std::string u64_bytes(std::uint64_t n) {
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i, n >>= 8) out[static_cast<std::size_t>(i)] = static_cast<char>(n & 0xff);
    return out;
}

std::int64_t change_time_ns(const std::string& path) {
    struct stat st;
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
}

// Sets the file's mtime `offset` from now (its change time becomes now).
void set_mtime_from_now(const std::string& path, std::chrono::seconds offset) {
    fs::last_write_time(path, fs::file_time_type::clock::now() + offset);
}

// The text file document's stored times (mtime, change time, then a racy mark if any).
std::string stored_times(const std::string& db, const std::string& path) {
    Xapian::Database index(db);
    for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
        const Xapian::Document doc = index.get_document(*it);
        if (doc.get_value(schema::kSourcePathSlot) == path) return doc.get_value(schema::kFileMtimeSlot);
    }
    return "";
}

// What the index would hold had `path` been rewritten in the clock tick the previous
// run read it in: the change time it stored is the file's present one. Text file: the
// change time is the second field of the times slot; JSONL: the eighth of its entry.
void pretend_rewritten_in_same_tick(const std::string& db, const std::string& path, bool jsonl) {
    Xapian::WritableDatabase index(db);
    const std::string ctime = u64_bytes(static_cast<std::uint64_t>(change_time_ns(path)));
    if (jsonl) {
        const std::string key = std::string(schema::kJsonlFileMetadataPrefix) + path;
        std::string entry = index.get_metadata(key);
        REQUIRE(entry.size() >= 64);
        index.set_metadata(key, entry.replace(56, 8, ctime));
    } else {
        for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
            Xapian::Document doc = index.get_document(*it);
            if (doc.get_value(schema::kSourcePathSlot) != path) continue;
            std::string times = doc.get_value(schema::kFileMtimeSlot);
            REQUIRE(times.size() >= 16);
            doc.add_value(schema::kFileMtimeSlot, times.replace(8, 8, ctime));
            index.replace_document(*it, doc);
        }
    }
    index.commit();
}

// Rewrites `path` with `content` (of the same size) and puts its mtime back.
void rewrite_keeping_mtime(const std::string& path, const std::string& content) {
    const auto mtime = fs::last_write_time(path);
    write_file(path, content);
    fs::last_write_time(path, mtime);
}

}  // namespace

TEST_CASE("a file rewritten in the clock tick its run read it in is indexed again, text and JSONL alike") {
    const std::string dir = temp_dir("racy"), db = dir + "/db", in = dir + "/in";
    const std::string text = in + "/a.txt", jsonl = in + "/d.jsonl";
    write_file(text, "alpha first\n");
    write_file(jsonl, "{\"id\":\"r1\",\"text\":\"cherry\"}\n");
    set_mtime_from_now(text, std::chrono::hours(1));
    set_mtime_from_now(jsonl, std::chrono::hours(1));
    REQUIRE(index(db, {in}).exit_code == 0);

    rewrite_keeping_mtime(text, "alpha fresh\n");
    rewrite_keeping_mtime(jsonl, "{\"id\":\"r1\",\"text\":\"cheese\"}\n");
    pretend_rewritten_in_same_tick(db, text, false);
    pretend_rewritten_in_same_tick(db, jsonl, true);
    const CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "2 documents indexed"));
    CHECK(search_ids(db, "fresh") == Ids{"a.txt"});
    CHECK(search_ids(db, "first").empty());
    CHECK(search_ids(db, "cheese") == Ids{"r1"});
    CHECK(search_ids(db, "cherry").empty());
    fs::remove_all(dir);
}

TEST_CASE("a racy file among many, looked up in one pass over the index, is indexed again when rewritten") {
    // Past 256 text files naba-index reads every file's signature in one pass
    // (StoredTextFiles) instead of looking each up.
    const std::string dir = temp_dir("racy-many"), db = dir + "/db", in = dir + "/in";
    for (int i = 0; i < 300; ++i) write_file(in + "/f" + std::to_string(i) + ".txt", "filler " + std::to_string(i));
    const std::string text = in + "/a.txt";
    write_file(text, "alpha first\n");
    set_mtime_from_now(text, std::chrono::hours(1));
    REQUIRE(index(db, {"-j", "1", in}).exit_code == 0);

    rewrite_keeping_mtime(text, "alpha fresh\n");
    pretend_rewritten_in_same_tick(db, text, false);
    const CliResult next = index(db, {"-j", "1", in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "1 document indexed"));
    CHECK(search_ids(db, "fresh") == Ids{"a.txt"});
    CHECK(search_ids(db, "first").empty());
    fs::remove_all(dir);
}

TEST_CASE("a racy file that did not change is stored with the racy mark and reported unchanged, not re-indexed") {
    // (That a file with older times is trusted on them again is file_signature_test's:
    // a test cannot make a change time older than the run it starts.)
    const std::string dir = temp_dir("racy-unchanged"), db = dir + "/db", in = dir + "/in";
    const std::string racy = in + "/a.txt";
    write_file(racy, "alpha\n");
    set_mtime_from_now(racy, std::chrono::hours(1));
    REQUIRE(index(db, {in}).exit_code == 0);
    CHECK(stored_times(db, racy).size() == 24);  // mtime, change time, racy mark

    // Still racy for this run (its mtime is ahead of it): the same values, not written.
    const Xapian::rev before = Xapian::Database(db).get_revision();
    const CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "0 documents indexed"));
    CHECK(has(next.err, "1 unchanged"));
    CHECK(search_ids(db, "alpha") == Ids{"a.txt"});
    CHECK(stored_times(db, racy).size() == 24);
    CHECK(Xapian::Database(db).get_revision() == before);
    fs::remove_all(dir);
}

TEST_CASE("a racy file found unchanged keeps its mark until a run commits anyway: no commit for the mark alone") {
    // Clearing the mark alone cost an unchanged re-run a commit (an fsync of every
    // table); checking a few files' content again next time costs less.
    const std::string dir = temp_dir("racy-settle"), db = dir + "/db", in = dir + "/in";
    const std::string text = in + "/a.txt", jsonl = in + "/d.jsonl";
    const std::string jsonl_key = std::string(schema::kJsonlFileMetadataPrefix) + jsonl;
    write_file(text, "alpha\n");
    write_file(jsonl, "{\"id\":\"r1\",\"text\":\"cherry\"}\n");
    set_mtime_from_now(text, std::chrono::seconds(1));  // racy for a run in the next second
    set_mtime_from_now(jsonl, std::chrono::seconds(1));
    REQUIRE(index(db, {in}).exit_code == 0);
    REQUIRE(stored_times(db, text).size() == 24);
    REQUIRE(Xapian::Database(db).get_metadata(jsonl_key).size() == 72);  // its entry ends with the mark

    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // their times are now older than a run
    const Xapian::rev before = Xapian::Database(db).get_revision();
    const CliResult unchanged = index(db, {in});
    CHECK(has(unchanged.err, "0 documents indexed"));
    CHECK(has(unchanged.err, "2 unchanged"));
    CHECK(Xapian::Database(db).get_revision() == before);
    CHECK(stored_times(db, text).size() == 24);  // still checked by the next run
    CHECK(Xapian::Database(db).get_metadata(jsonl_key).size() == 72);

    write_file(in + "/b.txt", "bravo\n");  // a change: the run commits, and settles them with it
    const CliResult changed = index(db, {in});
    CHECK(has(changed.err, "1 document indexed"));
    CHECK(stored_times(db, text).size() == 16);
    CHECK(Xapian::Database(db).get_metadata(jsonl_key).size() == 64);
    CHECK(search_ids(db, "alpha") == Ids{"a.txt"});
    CHECK(search_ids(db, "cherry") == Ids{"r1"});
    fs::remove_all(dir);
}

TEST_CASE("hundreds of racy files found unchanged are settled with a commit of their own, not read again by every run") {
    const std::string dir = temp_dir("racy-settle-many"), db = dir + "/db", in = dir + "/in";
    for (int i = 0; i < 300; ++i) {
        const std::string file = in + "/f" + std::to_string(i) + ".txt";
        write_file(file, "filler " + std::to_string(i) + "\n");
        set_mtime_from_now(file, std::chrono::seconds(1));
    }
    REQUIRE(index(db, {"-j", "1", in}).exit_code == 0);
    REQUIRE(stored_times(db, in + "/f7.txt").size() == 24);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const Xapian::rev before = Xapian::Database(db).get_revision();
    CHECK(has(index(db, {"-j", "1", in}).err, "0 documents indexed"));
    CHECK(Xapian::Database(db).get_revision() > before);
    CHECK(stored_times(db, in + "/f7.txt").size() == 16);
    fs::remove_all(dir);
}
