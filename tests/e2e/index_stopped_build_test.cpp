// A parallel fresh build stopped midway (kill -9, a full disk, removed or renamed
// folders): the index opens with every committed batch, and the next naba-index run
// finishes it (indexer/build_stub.h).
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "shard_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

TEST_CASE("kill -9 during a parallel fresh build leaves the committed batches searchable, and a re-run completes it") {
    std::string dir = temp_dir("shard-kill9");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    const unsigned found = kill_build_after(db, jsonl, dir + "/stderr");  // a few batches of each shard

    // Every batch the shards committed is in the index, and it answers queries.
    CHECK(found >= 300);
    CliResult search = run(NABA_SEARCH_BIN, {"--db", db, "--count", "ceasefire"});
    CHECK(search.exit_code == 0);
    CHECK(search.out == std::to_string(found) + "\n");
    CHECK(search.err.find("is still being built (or its build was stopped: run naba-index again") !=
          std::string::npos);

    // The re-run merges the stopped build first, then indexes the rest.
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("finishing the build a stopped run left in " + db + ": merging the " +
                         std::to_string(found) + " documents") != std::string::npos);
    CHECK(again.err.find(std::to_string(found) + " unchanged") != std::string::npos);
    CHECK(!fs::exists(db + ".naba-build"));  // the killed run's shards were merged and removed
    CHECK(!fs::exists(db + "/XAPIANDB"));

    // The result is the index one uninterrupted run builds.
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/whole", "--jobs", "1", jsonl}).exit_code == 0);
    IndexContents a = contents(dir + "/whole"), b = contents(db);
    CHECK(b.doccount == 20000);
    CHECK(a.terms == b.terms);
    CHECK(a.documents == b.documents);
    CHECK(a.spellings == b.spellings);
    CHECK(a.synonyms == b.synonyms);
    CHECK(a.metadata == b.metadata);
    CHECK(run(NABA_SEARCH_BIN, {"--db", db, "--count", "ceasefires"}).out == "20000\n");  // stems again
    fs::remove_all(dir);
}

TEST_CASE("Ctrl-C while a run finishes a stopped build's spelling data stops between steps, and a re-run ends it") {
    std::string dir = temp_dir("shard-finish-stop");
    const std::string db = dir + "/db", jsonl = dir + "/words.jsonl";
    write_file(jsonl, lettered_jsonl(6000, 10));  // the killed build has done a twentieth or more
    const unsigned found = kill_build_after(db, jsonl, dir + "/stderr");
    REQUIRE(found < 6000);

    // At least 300 documents of ten words: five steps or more, 1.5 s apart.
    const auto finishing = [](const std::string& err) { return has(err, "finishing the build a stopped run left"); };
    CHECK(interrupt_spelling_steps({"--db", db, "--max-memory", "1", "--verbose", jsonl}, dir + "/err", 1500, finishing,
                                   700) == 130);
    CHECK(!fs::exists(db + "/XAPIANDB"));  // merged and published all the same
    CHECK(Xapian::Database(db).get_metadata("naba:spelling:stale") == "1");

    CliResult again = run(NABA_INDEX_BIN, {"--db", db, jsonl});
    CHECK(again.exit_code == 0);
    CHECK(Xapian::Database(db).get_metadata("naba:spelling:stale").empty());
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/whole", "--jobs", "1", jsonl}).exit_code == 0);
    CHECK(contents(db).spellings == contents(dir + "/whole").spellings);
    fs::remove_all(dir);
}

TEST_CASE("a stopped parallel build whose shards were removed is reported, and the next run builds the index again") {
    std::string dir = temp_dir("shard-gone");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    kill_build_after(db, jsonl, dir + "/stderr");
    fs::remove_all(db + ".naba-build");

    CliResult search = run(NABA_SEARCH_BIN, {"--db", db, "talks"});
    CHECK(search.exit_code == 2);
    CHECK(search.err.find(db + " lists the shards of a stopped naba-index build, and they cannot be read") !=
          std::string::npos);
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("are gone") != std::string::npos);
    CHECK(again.err.find("20000 documents indexed") != std::string::npos);
    CHECK(committed_documents(db) == 20000);
    fs::remove_all(dir);
}

TEST_CASE("the work folder a killed parallel build left beside a finished index is removed by the next run") {
    // kill -9 after the merged index took the folder's place but before its shards were
    // removed (or before the stub was put in place) left DIR.naba-build, twice the
    // index's size, for good: only a later fresh parallel build removed it.
    std::string dir = temp_dir("shard-leftover");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(500));
    REQUIRE(run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl}).exit_code == 0);
    fs::create_directories(db + ".naba-build/shard-0");
    write_file(db + ".naba-build/shard-0/postlist.glass", std::string(4096, 'x'));
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("500 unchanged") != std::string::npos);
    CHECK(!fs::exists(db + ".naba-build"));
    CHECK(committed_documents(db) == 500);
    fs::remove_all(dir);
}

TEST_CASE("a stopped parallel build whose index folder was renamed is finished under its new name") {
    std::string dir = temp_dir("shard-renamed");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    const unsigned found = kill_build_after(db, jsonl, dir + "/stderr");
    fs::rename(db, dir + "/renamed");
    CHECK(committed_documents(dir + "/renamed") == found);  // the stub still finds its shards

    CliResult again = run(NABA_INDEX_BIN, {"--db", dir + "/renamed", "--jobs", "2", jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find(std::to_string(found) + " unchanged") != std::string::npos);
    CHECK(committed_documents(dir + "/renamed") == 20000);
    CHECK(!fs::exists(db + ".naba-build"));  // the shards, under the old name
    CHECK(!fs::exists(dir + "/renamed.naba-build"));
    CHECK(!fs::exists(dir + "/renamed/XAPIANDB"));
    fs::remove_all(dir);
}

TEST_CASE("a stopped parallel build that cannot be merged for want of room stays searchable and says what to do") {
    std::string dir = temp_dir("shard-finish-full");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    const unsigned found = kill_build_after(db, jsonl, dir + "/stderr", 1000);

    // Files may grow to 128 KiB only (SIGXFSZ ignored: a longer write fails with
    // EFBIG), too little for the merged index, as a full disk would be.
    const std::string script = "trap '' XFSZ; ulimit -f 256 && exec \"$0\" --db \"$1\" --jobs 2 \"$2\"";
    CliResult full = run("/bin/sh", {"-c", script, NABA_INDEX_BIN, db, jsonl});
    CHECK(full.exit_code == 2);
    CHECK(full.err.find("File too large") != std::string::npos);
    CHECK(full.err.find("make room") != std::string::npos);
    CHECK(full.err.find("check the path and its permissions") == std::string::npos);
    CHECK(committed_documents(db) == found);                // the stub is still the index
    CHECK(!fs::exists(db + ".naba-build/merged"));         // the half-written merge takes no room
    CHECK(fs::exists(db + "/XAPIANDB"));

    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl});
    CHECK(again.exit_code == 0);
    CHECK(committed_documents(db) == 20000);
    CHECK(!fs::exists(db + ".naba-build"));
    fs::remove_all(dir);
}

TEST_CASE("naba-search on a stopped parallel build says words are matched as written only when they are") {
    std::string dir = temp_dir("shard-stopped-stems");
    const std::string jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    for (const bool stemmed_terms : {true, false}) {
        CAPTURE(stemmed_terms);
        const std::string db = dir + (stemmed_terms ? "/terms" : "/synonyms");
        std::vector<std::string> args{"--db", db, "--jobs", "2", "--batch-size", "100", jsonl};
        if (stemmed_terms) args.push_back("--stemmed-terms");
        const unsigned found = kill_build_after(args, db, dir + "/stderr");
        // Stemmed terms are in the shards as they are written; stem synonyms come with the merge.
        CliResult search = run(NABA_SEARCH_BIN, {"--db", db, "--count", "ceasefires"});
        CHECK(search.out == (stemmed_terms ? std::to_string(found) : "0") + "\n");
        CHECK(search.err.find("is still being built") != std::string::npos);
        CHECK((search.err.find("matched as written") != std::string::npos) == !stemmed_terms);
    }
    fs::remove_all(dir);
}

TEST_CASE("a stopped parallel build whose shards are there but cannot be opened is kept, not built again") {
    // Only shards that are gone mean starting again. One that cannot be opened (here a
    // folder where a table file should be; in life too few file handles for a build of
    // many shards) used to be taken for gone too: the stub and the shards were deleted.
    std::string dir = temp_dir("shard-unopenable");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    const unsigned found = kill_build_after(db, jsonl, dir + "/stderr");
    const std::string table = db + ".naba-build/shard-1/postlist.glass";
    fs::rename(table, dir + "/postlist.glass");
    fs::create_directory(table);

    CliResult blocked = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl});
    CHECK(blocked.exit_code == 2);
    CHECK(blocked.err.find("Is a directory") != std::string::npos);
    CHECK(blocked.err.find("building the index again") == std::string::npos);
    CHECK(fs::exists(db + "/XAPIANDB"));
    fs::remove(table);
    fs::rename(dir + "/postlist.glass", table);
    CHECK(committed_documents(db) == found);  // nothing was lost

    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--jobs", "2", jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find(std::to_string(found) + " unchanged") != std::string::npos);
    CHECK(committed_documents(db) == 20000);
    fs::remove_all(dir);
}

TEST_CASE("SIGTERM while a stopped parallel build is being finished says that its documents were merged") {
    std::string dir = temp_dir("shard-finish-sigterm");
    const std::string db = dir + "/db", jsonl = dir + "/news.jsonl", err = dir + "/stderr";
    write_file(jsonl, generated_jsonl(20000));
    const unsigned found = kill_build_after(db, jsonl, dir + "/stderr-killed");

    pid_t pid = start_indexer({"--db", db, "--jobs", "2", jsonl}, err);
    for (int i = 0; i < 3000 && read_file(err).find("finishing the build") == std::string::npos; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ::kill(pid, SIGTERM);
    const int status = wait_for(pid);
    CHECK(!fs::exists(db + "/XAPIANDB"));  // the merge was not cut short
    CHECK(committed_documents(db) >= found);
    if (status == 128 + SIGTERM) {  // (a fast machine may have finished first)
        CHECK(read_file(err).find(", after merging the " + std::to_string(found) + " a stopped run had committed") !=
              std::string::npos);
    } else {
        CHECK(status == 0);
    }
    fs::remove_all(dir);
}

TEST_CASE("a stopped parallel build merged by hand (xapian-compact) is completed by the next run") {
    std::string dir = temp_dir("shard-hand-merged");
    const std::string db = dir + "/db", merged = dir + "/merged", jsonl = dir + "/news.jsonl";
    write_file(jsonl, generated_jsonl(20000));
    kill_build_after(db, jsonl, dir + "/stderr");
    Xapian::Database(db).compact(merged);  // what xapian-compact db merged does

    CliResult again = run(NABA_INDEX_BIN, {"--db", merged, jsonl});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("was merged by hand from a stopped build") != std::string::npos);
    CliResult search = run(NABA_SEARCH_BIN, {"--db", merged, "--count", "ceasefires"});
    CHECK(search.out == "20000\n");
    CHECK(search.err.find("still being built") == std::string::npos);

    // Its stems and words are those of one uninterrupted run.
    CHECK(run(NABA_INDEX_BIN, {"--db", dir + "/whole", "--jobs", "1", jsonl}).exit_code == 0);
    IndexContents a = contents(dir + "/whole"), b = contents(merged);
    CHECK(a.spellings == b.spellings);
    CHECK(a.synonyms == b.synonyms);
    CHECK(a.metadata == b.metadata);
    fs::remove_all(dir);
}
