#include "build_stub.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include "analyzer.h"
#include "index_writer.h"
#include "publish_guard.h"
#include "schema.h"
#include "shard_build.h"
#include "spelling_data.h"

namespace naba::indexer {
namespace fs = std::filesystem;

namespace {

std::string stub_file(const std::string& dir) { return dir + "/" + std::string(schema::kStubFileName); }

// The folders holding the shards the build stub in `target` (a canonical path) lists:
// its work directory, unless the index folder was renamed since (the stub names the
// shards relative to itself, so they are still found under the old name).
std::vector<fs::path> listed_work_dirs(const std::string& target) {
    std::vector<fs::path> dirs;
    std::ifstream in(stub_file(target), std::ios::binary);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("auto ")) continue;
        const fs::path dir = (fs::path(target) / line.substr(5)).lexically_normal().parent_path();
        // Only what a build stub names: a user cannot make it remove anything else.
        if (dir.filename().string().ends_with(".naba-build") &&
            std::find(dirs.begin(), dirs.end(), dir) == dirs.end())
            dirs.push_back(dir);
    }
    return dirs;
}

}  // namespace

std::string build_work_dir(const std::string& db_dir) { return fs::weakly_canonical(db_dir).string() + ".naba-build"; }

bool write_build_stub(const std::string& stub_dir, const std::string& db_dir,
                      const std::vector<std::string>& segments) {
    const std::string work_name = fs::path(build_work_dir(db_dir)).filename().string();
    if (work_name.find_first_of("\r\n") != std::string::npos) return false;
    fs::create_directories(stub_dir);
    const std::string file = stub_file(stub_dir), written = file + ".new";
    std::ofstream out(written, std::ios::binary | std::ios::trunc);
    out << schema::kBuildStubMarker << "\n";
    // Relative to the stub's own directory: still right if the parent folder moves.
    for (const std::string& segment : segments) out << "auto ../" << work_name << "/" << segment << "\n";
    out.close();
    if (!out)
        throw fs::filesystem_error("cannot write a stub database", written,
                                   std::error_code(errno, std::generic_category()));
    fs::rename(written, file);
    return true;
}

// The shards of a stopped build never got to list their stems and words.
void complete_merged_build(Xapian::WritableDatabase& db, std::uint64_t memory_bytes, const std::atomic<int>* stop) {
    db.set_metadata(std::string(schema::kBuildingKey), "");
    StemSynonyms().record_all(db);
    const bool stopped = refresh_spelling(db, Analyzer(), memory_bytes, stop).stopped;
    db.set_metadata(std::string(schema::kSpellingStaleKey), stopped ? "1" : "");
}

Xapian::WritableDatabase finish_stopped_build(const std::string& db_dir, Xapian::WritableDatabase& stub,
                                              std::uint64_t memory_bytes, const std::atomic<int>* stop) {
    const std::string work = build_work_dir(db_dir), merged = work + "/merged";
    const std::string target = fs::weakly_canonical(db_dir).string();
    const std::vector<fs::path> shard_dirs = listed_work_dirs(target);
    fs::remove_all(merged);
    fs::create_directories(work);  // not there if the index folder was renamed
    try {
        Xapian::Database(db_dir).compact(merged);
        Xapian::WritableDatabase out(merged, Xapian::DB_OPEN);
        complete_merged_build(out, memory_bytes, stop);
        out.commit();
        out.close();
    } catch (...) {
        // A merge that failed for want of room must not keep what it took.
        std::error_code ec;
        fs::remove_all(merged, ec);
        throw;
    }
    fs::permissions(merged, fs::status(target).permissions());
    Xapian::WritableDatabase published;
    {
        // No other run can open the merge between the swap and its lock (publish_guard.h).
        PublishGuard guard(target);
        exchange_directories(merged, target);
        pause_after_swap_for_tests();
        // Locked before the shards are let go, so no other writer gets in between.
        published = Xapian::WritableDatabase(db_dir, Xapian::DB_OPEN);
    }
    stub.close();
    fs::remove_all(work);
    for (const fs::path& dir : shard_dirs) fs::remove_all(dir);
    return published;
}

}  // namespace naba::indexer
