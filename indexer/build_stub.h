// What the index directory holds while a fresh build on several threads runs: a
// Xapian stub directory (only a XAPIANDB file) that lists the build's shard databases.
// Searchers open it like any index and see every batch the shards have committed, so
// even kill -9 leaves an index that opens and answers queries. The merge at the end
// puts the merged database in the stub's place; the next naba-index run merges what a
// killed run left (finish_stopped_build) before it does anything else.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

namespace naba::indexer {

// The directory beside the index where a fresh build keeps its shards
// (DIR.naba-build, DIR with symlinks resolved).
std::string build_work_dir(const std::string& db_dir);

// Writes into the directory `stub_dir` (created if need be) a stub listing the shard
// segments `segments` (folder names in build_work_dir(db_dir)), by paths relative to
// db_dir, where the stub will be or is; its first line is schema::kBuildStubMarker. A
// stub there already is replaced at once (rename), so a searcher reads one or the
// other. Returns false (writing nothing) when db_dir's name cannot be written in a stub
// (a line break in it). Throws std::filesystem::filesystem_error.
bool write_build_stub(const std::string& stub_dir, const std::string& db_dir, const std::vector<std::string>& segments);

// Merges the shards of a stopped build (`stub`: the stub opened for writing, which
// locks every shard) into one database with its stem synonyms and spelling data, puts
// that in the stub's place, removes the shards (from where the stub lists them, which
// is not build_work_dir(db_dir) if the index folder was renamed) and returns the new
// database, open for writing. The stem kind (set_stem_synonyms) must be the stub's.
// Throws Xapian::Error or std::filesystem::filesystem_error; the stub is left as it
// was then, and no half-written merge beside it. `memory_bytes` bounds the spelling
// changes Xapian holds at once, and `stop` stops them between steps (refresh_spelling).
Xapian::WritableDatabase finish_stopped_build(const std::string& db_dir, Xapian::WritableDatabase& stub,
                                              std::uint64_t memory_bytes, const std::atomic<int>* stop = nullptr);

// What a merge of a build's shards still lacks, added to `db` (not committed): the
// stem synonyms and spelling data of all its documents, and no schema::kBuildingKey.
// Also for a stopped build merged by other means (xapian-compact of the stub). Spelling
// data stopped by `stop` is marked stale, for the next run to finish.
void complete_merged_build(Xapian::WritableDatabase& db, std::uint64_t memory_bytes,
                           const std::atomic<int>* stop = nullptr);

}  // namespace naba::indexer
