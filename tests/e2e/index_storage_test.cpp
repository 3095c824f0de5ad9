// How naba-index lets Xapian store its tables: document records uncompressed
// (indexer/xapian_compression.cpp), readable as they are, compressed again by
// xapian-compact, and mixed with compressed ones in an older index.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

// One record of about 400 KB that zlib shrinks a hundredfold.
std::string repetitive_record(const std::string& id, const std::string& word) {
    std::string text;
    while (text.size() < 400'000) text += word + " ceasefire talks resume in Geneva ";
    return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}\n";
}

std::uintmax_t docdata_bytes(const std::string& db) { return fs::file_size(db + "/docdata.glass"); }

// True when naba-search finds the record `id` for `query` and shows a snippet of its
// stored text.
bool record_readable(const std::string& db, const std::string& query, const std::string& id) {
    CliResult r = run(NABA_SEARCH_BIN, {"--db", db, "--format", "tsv", "--fields", "id,snippet", query});
    return r.exit_code == 0 && has(r.out, id + "\t") && has(r.out, "resume in Geneva");
}

}  // namespace

TEST_CASE("naba-index stores document records uncompressed, on one thread and on two") {
    const std::string dir = temp_dir("storage-plain");
    write_file(dir + "/r.jsonl", repetitive_record("r1", "grain"));
    for (const char* jobs : {"1", "2"}) {
        CAPTURE(jobs);
        const std::string db = dir + "/db" + jobs;
        REQUIRE(index(db, {"-j", jobs, dir + "/r.jsonl"}).exit_code == 0);
        CHECK(docdata_bytes(db) >= 400'000);  // zlib at Xapian's level 6 makes it a few KB
        CHECK(record_readable(db, "grain", "r1"));
    }
    fs::remove_all(dir);
}

TEST_CASE("xapian-compact compresses naba-index's records again, and naba-index adds to that index") {
    const std::string dir = temp_dir("storage-compact"), db = dir + "/db", small = dir + "/small";
    write_file(dir + "/a.jsonl", repetitive_record("r1", "grain"));
    REQUIRE(index(db, {"-j", "1", dir + "/a.jsonl"}).exit_code == 0);
    REQUIRE(run("xapian-compact", {db, small}).exit_code == 0);
    CHECK(docdata_bytes(small) < 100'000);
    CHECK(record_readable(small, "grain", "r1"));
    // An index holding compressed records (compacted, or written by an older naba-index)
    // takes uncompressed ones beside them.
    write_file(dir + "/b.jsonl", repetitive_record("r2", "wheat"));
    CliResult added = index(small, {dir + "/a.jsonl", dir + "/b.jsonl"});
    CHECK(added.exit_code == 0);
    CHECK(has(added.err, "1 unchanged"));
    CHECK(record_readable(small, "grain", "r1"));
    CHECK(record_readable(small, "wheat", "r2"));
    fs::remove_all(dir);
}
