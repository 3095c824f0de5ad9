#include "shard_fixtures.h"

#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <thread>

#include "index_fixtures.h"
#include "schema.h"

namespace naba::e2e {
namespace fs = std::filesystem;
namespace schema = naba::schema;

bool stem_synonyms_expected() {
    const char* options = std::getenv("NABA_ANALYSIS");
    return !options || std::string_view(options) != "no-stem-synonyms";
}

namespace {

std::string describe(const Xapian::Document& doc) {
    std::string out = doc.get_data();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += "|" + *t + ":" + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) out += "," + std::to_string(*p);
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        std::string value = *v;
        if (v.get_valueno() == schema::kFileMtimeSlot) value.resize(std::min<std::size_t>(value.size(), 16));
        out += "|v" + std::to_string(v.get_valueno()) + "=" + value;
    }
    return out;
}

// Whether a file's signature is racy depends on when each run started next to the
// file's times, not on what it built: its mark (the field after the change time in a
// document's times and in a JSONL entry, file_signature.h) is left out.
std::string without_racy_mark(const std::string& key, std::string value) {
    if (key.starts_with(schema::kJsonlFileMetadataPrefix) && value.size() > 64) value.resize(64);
    return value;
}

}  // namespace

IndexContents contents(const std::string& path) {
    Xapian::Database db(path);
    IndexContents c;
    c.doccount = db.get_doccount();
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        c.terms[*t] = {t.get_termfreq(), db.get_collection_freq(*t)};
        if ((*t)[0] == 'Q') c.documents[*t] = describe(db.get_document(*db.postlist_begin(*t)));
    }
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) c.spellings[*s] = s.get_termfreq();
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k)
        c.synonyms[*k] = {db.synonyms_begin(*k), db.synonyms_end(*k)};
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
        c.metadata[*k] = without_racy_mark(*k, db.get_metadata(*k));
    return c;
}

pid_t start_sharded_build(const std::string& db, const std::string& jsonl, const std::string& stderr_path) {
    pid_t pid = start_indexer({"--db", db, "--jobs", "2", jsonl}, stderr_path);
    for (int i = 0; i < 3000 && !fs::exists(db + ".naba-build/shard-1"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return pid;
}

unsigned kill_build_after(const std::vector<std::string>& args, const std::string& db, const std::string& err_path,
                          unsigned documents) {
    pid_t pid = start_indexer(args, err_path);
    REQUIRE(wait_for_documents(db, documents));
    ::kill(pid, SIGKILL);
    CHECK(wait_for(pid) == 128 + SIGKILL);
    return committed_documents(db);
}

unsigned kill_build_after(const std::string& db, const std::string& jsonl, const std::string& err_path,
                          unsigned documents) {
    return kill_build_after({"--db", db, "--jobs", "2", "--batch-size", "100", jsonl}, db, err_path, documents);
}

}  // namespace naba::e2e
