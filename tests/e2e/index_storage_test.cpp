// How naba-index lets Xapian store its tables: document records uncompressed
// (indexer/xapian_compression.cpp), readable as they are, compressed again by
// xapian-compact, and mixed with compressed ones in an older index; records in the
// JSON of an older naba-index read beside binary ones (common/document_record.cpp).
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"

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

// Rewrites every record of `db` as the JSON record (version 2) an older naba-index
// wrote. The fixture's fields are plain ASCII, so quoting them is enough.
void rewrite_records_as_json(const std::string& db) {
    Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
    for (auto p = w.postlist_begin(""); p != w.postlist_end(""); ++p) {
        Xapian::Document doc = w.get_document(*p);
        const naba::schema::StoredDocument s = naba::schema::deserialize(doc.get_data());
        auto q = [](const std::string& v) {
            REQUIRE(v.find_first_of("\"\\\n") == std::string::npos);
            return "\"" + v + "\"";
        };
        doc.set_data("{\"v\":2,\"id\":" + q(s.id) + ",\"path\":" + q(s.path) + ",\"line\":" +
                     std::to_string(s.line) + ",\"title\":" + q(s.title) + ",\"date\":" + q(s.date) +
                     ",\"lang\":" + q(s.lang) + ",\"source\":\"\",\"url\":\"\",\"text\":" + q(s.text) +
                     ",\"entities\":[]}");
        w.replace_document(*p, doc);
    }
    w.commit();
}

// A re-run over dir/a.jsonl (indexed in `db`: record r1) and a new dir/b.jsonl keeps
// r1 unchanged and adds r2; naba-search shows both.
void adds_a_record_beside_the_old(const std::string& dir, const std::string& db) {
    write_file(dir + "/b.jsonl", repetitive_record("r2", "wheat"));
    CliResult added = index(db, {dir + "/a.jsonl", dir + "/b.jsonl"});
    CHECK(added.exit_code == 0);
    CHECK(has(added.err, "1 unchanged"));
    CHECK(record_readable(db, "grain", "r1"));
    CHECK(record_readable(db, "wheat", "r2"));
}

bool all_records_binary(const std::string& db) {
    Xapian::Database r(db);
    for (auto p = r.postlist_begin(""); p != r.postlist_end(""); ++p)
        if (!r.get_document(*p).get_data().starts_with(std::string("\0N", 2))) return false;
    return true;
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
    adds_a_record_beside_the_old(dir, small);
    fs::remove_all(dir);
}

TEST_CASE("an index of JSON records (an older naba-index's) searches, takes binary ones, re-analysis rewrites them") {
    const std::string dir = temp_dir("storage-json-records"), db = dir + "/db";
    write_file(dir + "/a.jsonl", repetitive_record("r1", "grain"));
    REQUIRE(index(db, {"-j", "1", dir + "/a.jsonl"}).exit_code == 0);
    CHECK(all_records_binary(db));
    rewrite_records_as_json(db);
    CHECK_FALSE(all_records_binary(db));
    CHECK(record_readable(db, "grain", "r1"));
    adds_a_record_beside_the_old(dir, db);
    {
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        w.set_metadata(std::string(naba::schema::kAnalysisKey), "");  // as if analysed by another version
        w.commit();
    }
    CliResult reanalysed = index(db, {dir + "/a.jsonl", dir + "/b.jsonl"});
    CHECK(reanalysed.exit_code == 0);
    CHECK(has(reanalysed.err, "re-analysed 2 documents"));
    CHECK(all_records_binary(db));
    CHECK(record_readable(db, "grain", "r1"));
    fs::remove_all(dir);
}
