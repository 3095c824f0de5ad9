// naba-index's parallel fresh build (shards merged by compaction, see
// indexer/shard_build.h) while it runs: it must give the same index as the single
// writer, keep "last one wins" for duplicate ids, publish on Ctrl-C, and fail clearly.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"
#include "shard_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

TEST_CASE("a fresh build on two threads gives the same index as one thread, duplicates included") {
    std::string dir = temp_dir("shards");
    write_file(dir + "/in/news.jsonl", generated_jsonl(700) +
                                           "{\"id\":\"d5\",\"text\":\"the later d5 wins\"}\n"
                                           "{\"id\":\"d6\",\"text\":\"an earlier d6\"}\n"
                                           "{\"id\":\"d6\",\"text\":\"the later d6 wins\"}\n");
    write_file(dir + "/in/a.txt", "Title: alpha\n\nalpha text ceasefire\n");
    write_file(dir + "/in/sub/b.md", "bravo words\n");
    CliResult one = run(NABA_INDEX_BIN, {"--db", dir + "/one", "--jobs", "1", dir + "/in"});
    CliResult two = run(NABA_INDEX_BIN, {"--db", dir + "/two", "--jobs", "2", dir + "/in"});
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    // 703 JSONL records (d5 and d6 twice more) and 2 text files.
    CHECK(two.err.find("705 documents indexed into " + dir + "/two (702 new, 3 replaced)") != std::string::npos);

    IndexContents a = contents(dir + "/one"), b = contents(dir + "/two");
    const bool synonyms_on = stem_synonyms_expected();
    CHECK(b.doccount == 702);
    CHECK(a.doccount == b.doccount);
    CHECK(a.terms == b.terms);
    CHECK(a.documents == b.documents);
    CHECK(a.spellings == b.spellings);
    // Stem synonyms: compaction merges the shards' tables into what one writer
    // records, except that the writer also keeps the forms of documents replaced
    // during the run (d6's "earlier"), which no document has any more: harmless, they
    // match nothing. (ctest runs this case with NABA_ANALYSIS=no-stem-synonyms too:
    // then there are none.)
    for (const auto& [key, forms] : a.synonyms) {
        CAPTURE(key);
        const std::set<std::string> merged = b.synonyms.contains(key) ? b.synonyms.at(key) : std::set<std::string>{};
        for (const std::string& form : forms) CHECK((merged.contains(form) || !a.terms.contains(form)));
        for (const std::string& form : merged) CHECK(forms.contains(form));
    }
    CHECK(b.synonyms.size() <= a.synonyms.size());
    if (synonyms_on) {
        CHECK(b.synonyms.contains("Zceasefir"));
        CHECK(a.synonyms.contains("Zearlier"));
        CHECK(!b.synonyms.contains("Zearlier"));
    } else {
        CHECK(a.synonyms.empty());
        CHECK(a.terms.contains("Zceasefir"));
    }
    CHECK(!b.spellings.empty());
    CHECK(a.metadata == b.metadata);
    CHECK(b.metadata["naba:stemming"] == (synonyms_on ? "synonyms" : "terms"));
    CHECK(search_ids(dir + "/two", "wins") == std::vector<std::string>{"d5", "d6"});
    CHECK(!fs::exists(dir + "/two.naba-build"));  // the work directory is gone
    // Segments are written in 16 KB blocks; the merged index has Xapian's 8 KB ones,
    // like an index of one writer.
    CliResult check = run("xapian-check", {dir + "/two"});
    CHECK(check.exit_code == 0);
    CHECK(has(check.out, "blocksize=8K"));
    CHECK(!has(check.out, "blocksize=16K"));

    // The sharded index takes incremental re-runs like any other.
    CliResult again = run(NABA_INDEX_BIN, {"--db", dir + "/two", "--jobs", "2", dir + "/in"});
    CHECK(again.err.find("0 documents indexed") != std::string::npos);
    CHECK(again.err.find("705 unchanged, 0 removed") != std::string::npos);
    fs::remove_all(dir);
}

// Shards are written in segments of a few MB of text (indexer/shard_segments.h); made
// tiny here, the build's merge takes dozens of them (more files than a soft limit of 64
// allows), and an id seen again replaces its document in an earlier segment.
TEST_CASE("a fresh build written in many segments gives the same index as one thread, ids seen again included") {
    std::string dir = temp_dir("segments");
    std::string jsonl = generated_jsonl(600);
    for (const char* id : {"d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"})
        jsonl += std::string("{\"id\":\"") + id + "\",\"text\":\"a corrected record later in the dump\"}\n";
    write_file(dir + "/in/news.jsonl", jsonl);
    CliResult one = run(NABA_INDEX_BIN, {"--db", dir + "/one", "--jobs", "1", dir + "/in"});
    ::setenv("NABA_TEST_SEGMENT_TEXT_BYTES", "2000", 1);
    // Its merge opens more files than a soft limit of 64 allows: naba-index raises it.
    rlimit limit{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    const rlimit before = limit;
    if (limit.rlim_max > 1024) limit.rlim_cur = 64;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &limit) == 0);
    CliResult two =
        run(NABA_INDEX_BIN, {"--db", dir + "/two", "--jobs", "2", "--batch-size", "10", "--verbose", dir + "/in"});
    ::setrlimit(RLIMIT_NOFILE, &before);
    ::unsetenv("NABA_TEST_SEGMENT_TEXT_BYTES");
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    CHECK(has(two.err, "608 documents indexed into " + dir + "/two (600 new, 8 replaced)"));
    const std::size_t at = two.err.find("shard-0 written in ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoi(two.err.substr(at + 19)) >= 10);

    IndexContents a = contents(dir + "/one"), b = contents(dir + "/two");
    CHECK(b.doccount == 600);
    CHECK(a.terms == b.terms);
    CHECK(a.documents == b.documents);
    CHECK(a.spellings == b.spellings);
    CHECK(a.metadata == b.metadata);
    for (const auto& [key, forms] : b.synonyms) {
        CAPTURE(key);
        CHECK((a.synonyms.contains(key) && a.synonyms.at(key) == forms));
    }
    CHECK(search_ids(dir + "/two", "corrected").size() == 8);
    fs::remove_all(dir);
}

// A hard limit on open files cannot be raised: the shards keep to as many segments as
// the merge can open at once (dozens otherwise, here), and the build succeeds.
TEST_CASE("a fresh build under a hard limit of 64 open files gives the same index as one thread") {
    std::string dir = temp_dir("segments-hard-limit");
    write_file(dir + "/in/news.jsonl", generated_jsonl(600));
    CliResult one = run(NABA_INDEX_BIN, {"--db", dir + "/one", "--jobs", "1", dir + "/in"});
    ::setenv("NABA_TEST_SEGMENT_TEXT_BYTES", "2000", 1);
    // The limit is set in a shell before naba-index: this test process keeps its own.
    CliResult two = run("/bin/sh", {"-c", "ulimit -n 64 && exec \"$0\" \"$@\"", NABA_INDEX_BIN, "--db", dir + "/two",
                                    "--jobs", "2", "--batch-size", "10", "--verbose", dir + "/in"});
    ::unsetenv("NABA_TEST_SEGMENT_TEXT_BYTES");
    REQUIRE(one.exit_code == 0);
    CAPTURE(two.err.substr(two.err.size() - std::min<std::size_t>(two.err.size(), 600)));
    REQUIRE(two.exit_code == 0);
    CHECK(has(two.err, "shard-0 written in 2 segments"));
    IndexContents a = contents(dir + "/one"), b = contents(dir + "/two");
    CHECK(b.doccount == 600);
    CHECK(a.terms == b.terms);
    CHECK(a.documents == b.documents);
    CHECK(a.spellings == b.spellings);
    fs::remove_all(dir);
}

TEST_CASE("a parallel build into an empty index keeps what the index knew of files that gave no documents") {
    std::string dir = temp_dir("shard-keeps-metadata");
    const std::string db = dir + "/db";
    write_file(dir + "/bad.jsonl", "not json\n");
    CliResult first = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", dir + "/bad.jsonl"});
    CHECK(first.exit_code == 1);
    CHECK(committed_documents(db) == 0);
    write_file(dir + "/good.jsonl", generated_jsonl(50));
    CliResult second = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", dir + "/bad.jsonl", dir + "/good.jsonl"});
    CHECK(second.err.find("50 documents indexed") != std::string::npos);
    CHECK(second.err.find("JSONL line skipped before") != std::string::npos);
    // The bad file's entry came through the swap: the next run still knows it as read.
    CliResult third = run(NABA_INDEX_BIN, {"--db", db, dir + "/bad.jsonl", dir + "/good.jsonl"});
    CHECK(third.err.find("0 documents indexed") != std::string::npos);
    CHECK(third.err.find("JSONL line skipped before") != std::string::npos);
    CHECK(third.err.find("bad.jsonl:1") == std::string::npos);
    fs::remove_all(dir);
}

// Every segment starts with the empty target's metadata, and compaction keeps the first
// segment's value of a key: a spelling-stale mark the target had must not win over the
// shard's own, set in its last segment.
TEST_CASE("a parallel build in many segments clears a spelling-stale mark the empty index had") {
    std::string dir = temp_dir("shard-stale-mark");
    const std::string db = dir + "/db";
    write_file(dir + "/bad.jsonl", "not json\n");
    REQUIRE(run(NABA_INDEX_BIN, {"--db", db, dir + "/bad.jsonl"}).exit_code == 1);
    {
        Xapian::WritableDatabase empty(db, Xapian::DB_OPEN);
        REQUIRE(empty.get_doccount() == 0);
        empty.set_metadata(std::string(naba::schema::kSpellingStaleKey), "1");
        empty.commit();
    }
    write_file(dir + "/good.jsonl", generated_jsonl(300));
    ::setenv("NABA_TEST_SEGMENT_TEXT_BYTES", "2000", 1);
    CliResult build = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", "--batch-size", "10", "--verbose",
                                           dir + "/good.jsonl"});
    ::unsetenv("NABA_TEST_SEGMENT_TEXT_BYTES");
    REQUIRE(build.exit_code == 0);
    REQUIRE(!has(build.err, "shard-0 written in 1 segment\n"));
    CHECK(Xapian::Database(db).get_metadata(std::string(naba::schema::kSpellingStaleKey)).empty());
    fs::remove_all(dir);
}

TEST_CASE("searchers see a parallel fresh build's committed batches while it runs, and a second writer is refused") {
    std::string dir = temp_dir("shard-live");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    pid_t pid = start_indexer({"--db", db, "--jobs", "2", "--batch-size", "100", jsonl}, dir + "/stderr");
    REQUIRE(wait_for_documents(db, 300));
    CliResult search = run(NABA_SEARCH_BIN, {"--db", db, "--format", "ids", "-n", "1", "talks"});
    CliResult second = run(NABA_INDEX_BIN, {"--db", db, jsonl});
    const int status = wait_for(pid);
    INFO("the build's stderr: " << read_file(dir + "/stderr"));
    INFO("the second writer's stderr: " << second.err);
    INFO("the search's stderr: " << search.err);
    CHECK(status == 0);
    CHECK(search.exit_code == 0);
    CHECK(lines(search.out).size() == 1);
    if (committed_documents(db) == 20000 && second.exit_code == 0) {
        MESSAGE("the build ended before the second writer started: the lock is not checked");
    } else {
        CHECK(second.exit_code == 2);
        CHECK(second.err.find(db + " is locked by another naba-index run") != std::string::npos);
    }
    CHECK(committed_documents(db) == 20000);
    CHECK(!fs::exists(db + ".naba-build"));
    CHECK(Xapian::Database(db).get_metadata("naba:building").empty());
    fs::remove_all(dir);
}

TEST_CASE("Ctrl-C during a parallel fresh build publishes what was done") {
    std::string dir = temp_dir("shard-sigint");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    pid_t pid = start_sharded_build(db, jsonl, dir + "/stderr");
    ::kill(pid, SIGINT);
    const int status = wait_for(pid);
    const unsigned committed = committed_documents(db);
    CHECK(Xapian::Database(db).get_metadata("naba:stemming") == (stem_synonyms_expected() ? "synonyms" : "terms"));
    if (status == 130) {  // (a fast machine may have finished first)
        CHECK(read_file(dir + "/stderr").find("interrupted: committed " + std::to_string(committed)) !=
              std::string::npos);
    } else {
        CHECK(status == 0);
    }
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find(std::to_string(committed) + " unchanged") != std::string::npos);
    CHECK(committed_documents(db) == 20000);
    fs::remove_all(dir);
}

TEST_CASE("a shard that fails after its last batch ends the run with status 2 instead of hanging") {
    // Files may grow to 128 KiB only (SIGXFSZ ignored, so a longer write fails with
    // EFBIG). Each of the 16 shards gets under 250 documents, so it writes its
    // postings only when it commits, after the reader's last batch, and fails there.
    // (A limit on open files failed the shards earlier or later, by timing.)
    const std::string dir = temp_dir("shard-fails-at-end");
    const std::string db = dir + "/db";
    std::string dump;
    for (int i = 0; i < 3000; ++i) {
        dump += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"";
        for (int k = 0; k < 100; ++k) dump += "w" + std::to_string((i * 7 + k * 13) % 5000) + " ";
        dump += "\"}\n";
    }
    write_file(dir + "/in/d.jsonl", dump);
    const std::string script =
        "trap '' XFSZ; ulimit -f 256 && exec timeout -k 5 60 \"$0\" --db \"$1\" --jobs 16 \"$2\"";
    CliResult r = run("/bin/sh", {"-c", script, NABA_INDEX_BIN, db, dir + "/in"});
    CHECK(r.exit_code == 2);  // timeout(1) exits 124 on a hang
    CHECK(r.err.find("File too large") != std::string::npos);
    CHECK(r.err.find("check the path and its permissions") == std::string::npos);  // it is not that
    CHECK(committed_documents(db) == 0);  // the empty index is still there, and opens
    CHECK(!fs::exists(db + ".naba-build"));
    fs::remove_all(dir);
}

TEST_CASE("a parallel build that fills the disk says that the disk is full, and a run with room finishes it") {
    // Some runs fail inside Xapian's commit where it cannot throw (a destructor: see
    // indexer/write_failure.h); they end with the same status and reason, and leave
    // the build's stub (as kill -9 does) for the next run to finish.
    // A small tmpfs, mounted in a mount namespace of its own (root only: skipped otherwise).
    const std::string dir = temp_dir("shard-disk-full");
    fs::create_directories(dir + "/mnt");
    write_file(dir + "/in/d.jsonl", generated_jsonl(20000));
    const std::string script =
        "mount -t tmpfs -o size=4m tmpfs \"$1\" 2>/dev/null || exit 77; "
        "timeout -k 5 120 \"$0\" --db \"$1/db\" --jobs 2 \"$2\"; echo \"full: $?\"; "
        "mount -o remount,size=400m \"$1\" || exit 78; "
        "timeout -k 5 120 \"$0\" -q --db \"$1/db\" --jobs 2 \"$2\"; echo \"room: $?\"; "
        "exec timeout -k 5 120 \"$0\" --db \"$1/db\" --jobs 2 \"$2\"";
    CliResult r = run("/usr/bin/unshare", {"-m", "/bin/sh", "-c", script, NABA_INDEX_BIN, dir + "/mnt", dir + "/in"});
    if (!fs::exists("/usr/bin/unshare") || r.exit_code == 77 || r.err.find("unshare failed") != std::string::npos) {
        MESSAGE("no tmpfs could be mounted (not root): the disk-full case is not checked");
    } else {
        INFO("stderr: " << r.err);
        CHECK(r.out.find("full: 2\n") != std::string::npos);
        CHECK(r.err.find("No space left on device") != std::string::npos);
        CHECK(r.err.find("DB_DANGEROUS") == std::string::npos);
        CHECK(r.out.find("room: 0\n") != std::string::npos);
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("0 documents indexed") != std::string::npos);  // the run with room did it all
        CHECK(r.err.find("20000 unchanged") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("a user's stub of empty indexes, file or folder, is written through and kept, never swapped for a build") {
    std::string dir = temp_dir("shard-user-stub");
    Xapian::WritableDatabase(dir + "/one", Xapian::DB_CREATE).close();
    Xapian::WritableDatabase(dir + "/two", Xapian::DB_CREATE).close();
    const std::string stub_file = dir + "/both.stub", stub_dir = dir + "/both", lines = "auto one\nauto two\n";
    write_file(stub_file, lines);
    write_file(stub_dir + "/XAPIANDB", "auto ../one\nauto ../two\n");
    write_file(dir + "/a.jsonl", generated_jsonl(300));
    write_file(dir + "/b.jsonl", "{\"id\":\"b1\",\"text\":\"second file words\"}\n");

    // Each stub is empty (its indexes are), which once sent the run to the parallel
    // build: that swapped the stub for a database of its own and deleted it.
    CliResult r = run(NABA_INDEX_BIN, {"--db", stub_file, "--jobs", "2", dir + "/a.jsonl"});
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(stub_file));
    CHECK(read_file(stub_file) == lines);
    CHECK(committed_documents(dir + "/one") + committed_documents(dir + "/two") == 300);
    CHECK(!fs::exists(stub_file + ".naba-build"));

    Xapian::WritableDatabase(dir + "/three", Xapian::DB_CREATE).close();
    write_file(stub_dir + "/XAPIANDB", "auto ../three\n");
    CHECK(run(NABA_INDEX_BIN, {"--db", stub_dir, "--jobs", "2", dir + "/b.jsonl"}).exit_code == 0);
    CHECK(read_file(stub_dir + "/XAPIANDB") == "auto ../three\n");
    CHECK(committed_documents(dir + "/three") == 1);
    CHECK(search_ids(stub_dir, "second") == std::vector<std::string>{"b1"});
    fs::remove_all(dir);
}

TEST_CASE("a parallel build that cannot swap the index folder (a mount point) uses one writer and leaves nothing beside it") {
    // A tmpfs mounted on the index folder, in a mount namespace of its own (root only:
    // skipped otherwise). A mount point cannot be renamed, so the stub cannot go in.
    const std::string dir = temp_dir("shard-mount-point");
    fs::create_directories(dir + "/db");
    write_file(dir + "/news.jsonl", generated_jsonl(600));
    const std::string script =
        "mount -t tmpfs -o size=64m tmpfs \"$1/db\" 2>/dev/null || exit 77; "
        "\"$0\" --db \"$1/db\" --jobs 2 \"$1/news.jsonl\" || exit $?; "
        "test ! -e \"$1/db.naba-build\" || { echo 'db.naba-build left' >&2; exit 3; }; "
        "exec \"$0\" --db \"$1/db\" --jobs 2 \"$1/news.jsonl\"";
    CliResult r = run("/usr/bin/unshare", {"-m", "/bin/sh", "-c", script, NABA_INDEX_BIN, dir});
    if (!fs::exists("/usr/bin/unshare") || r.exit_code == 77 || r.err.find("unshare failed") != std::string::npos) {
        MESSAGE("no tmpfs could be mounted (not root): the mount point case is not checked");
    } else {
        CHECK(r.exit_code == 0);
        CHECK(r.err.find("cannot build in parallel beside") != std::string::npos);
        CHECK(r.err.find("600 documents indexed") != std::string::npos);
        CHECK(r.err.find("left by a stopped run") == std::string::npos);
        CHECK(r.err.find("600 unchanged") != std::string::npos);
    }
    fs::remove_all(dir);
}
