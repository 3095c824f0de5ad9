#include "shard_segments.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <utility>

#include "schema.h"

namespace naba::indexer {
namespace {

// Below this, segments would multiply for little gain; above it, commits grow dearer
// (bench/RESULTS.md, "Indexing speed": 4,000 to 8,000 news articles a segment).
constexpr std::uint64_t kMinSegmentTextBytes = std::uint64_t{8} << 20;

// Each commit rewrites every block its documents touch; in 16 KB blocks rather than
// Xapian's 8 KB that is 40 % fewer reads and writes for the same documents (strace at
// four times the news corpora: 690,885 -> 401,198 pwrite64), and the build is a few
// percent faster. The merged index gets Xapian's own block size from the compaction.
constexpr unsigned kSegmentBlockSize = 16384;

// A segment open for reading holds a handle per table (up to 6 of them), for writing
// a lock too; the rest is for stdio, the input file, ICU and the like.
constexpr std::uint64_t kFilesPerSegment = 8, kOtherFiles = 32;

std::uint64_t id_hash(const std::string& id) { return std::hash<std::string>{}(id); }

}  // namespace

std::uint64_t segment_text_bytes(std::uint64_t min_bytes, std::uint64_t earlier_segments_bytes) {
    return std::max(min_bytes, earlier_segments_bytes / 4);
}

std::uint64_t default_min_segment_text_bytes() {
    static const std::uint64_t bytes = [] {
        const char* value = std::getenv("NABA_TEST_SEGMENT_TEXT_BYTES");
        return value ? std::max<std::uint64_t>(1, std::strtoull(value, nullptr, 10)) : kMinSegmentTextBytes;
    }();
    return bytes;
}

std::size_t max_segments_per_shard(std::uint64_t open_files, int shards) {
    if (open_files <= kOtherFiles) return 1;
    const std::uint64_t segments = (open_files - kOtherFiles) / kFilesPerSegment / static_cast<std::uint64_t>(shards);
    return static_cast<std::size_t>(std::max<std::uint64_t>(segments, 1));
}

ShardSegments::ShardSegments(std::string path, std::vector<std::pair<std::string, std::string>> metadata,
                             OnNewSegment on_new_segment, std::uint64_t min_bytes, std::size_t max_segments)
    : first_path_(std::move(path)),
      metadata_(std::move(metadata)),
      on_new_segment_(std::move(on_new_segment)),
      current_path_(first_path_),
      current_(open_segment(first_path_)),
      min_bytes_(min_bytes),
      max_segments_(max_segments) {}

// Searchers and a kill -9 see segments through the stub, so each commit must be whole
// (no DB_DANGEROUS); nobody needs them after a power loss, so no fsync.
Xapian::WritableDatabase ShardSegments::open_segment(const std::string& path) const {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC, kSegmentBlockSize);
    for (const auto& [key, value] : metadata_) db.set_metadata(key, value);
    db.commit();
    return db;
}

void ShardSegments::write(const std::string& id, const Xapian::Document& doc, bool is_new,
                          std::uint64_t text_bytes) {
    const std::uint64_t hash = id_hash(id);
    if (is_new) {
        current_.add_document(doc);
        current_ids_.push_back(hash);
    } else {
        // Already here: no closed segment holds it (it was deleted when it came here).
        const std::string term = schema::id_term(id);
        if (!current_.term_exists(term)) {
            delete_earlier(term, hash);
            current_ids_.push_back(hash);
        }
        current_.replace_document(term, doc);
    }
    current_bytes_ += text_bytes;
}

// An id seen again is rare (a corrected record later in a dump), so its closed
// segment is opened for the deletion alone. Only the newest segment listing its hash
// can hold it (it left the older ones then), unless two ids share a hash: an id
// written thousands of times opens one segment, not all. Another program opening the
// stub for writing may hold a closed segment's lock for a moment: wait for it.
void ShardSegments::delete_earlier(const std::string& id_term, std::uint64_t hash) {
    for (auto segment = closed_.rbegin(); segment != closed_.rend(); ++segment) {
        if (!std::binary_search(segment->id_hashes.begin(), segment->id_hashes.end(), hash)) continue;
        for (int attempt = 0;; ++attempt) {
            try {
                Xapian::WritableDatabase db(segment->path, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
                if (!db.term_exists(id_term)) break;  // another id's hash
                db.delete_document(id_term);
                db.commit();
                return;
            } catch (const Xapian::DatabaseLockError&) {
                if (attempt >= 100) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
    }
}

void ShardSegments::next_segment_if_full() {
    if (count() >= max_segments_ || current_bytes_ < segment_text_bytes(min_bytes_, closed_bytes_)) return;
    const std::string path = first_path_ + "." + std::to_string(closed_.size() + 1);
    Xapian::WritableDatabase next = open_segment(path);
    on_new_segment_(path);
    std::sort(current_ids_.begin(), current_ids_.end());
    closed_.push_back({std::exchange(current_path_, path), std::move(current_ids_)});
    current_ids_.clear();
    closed_bytes_ += current_bytes_;
    current_bytes_ = 0;
    current_.close();
    current_ = std::move(next);
}

Xapian::Database ShardSegments::all() const {
    Xapian::Database all;
    for (const Closed& segment : closed_) all.add_database(Xapian::Database(segment.path));
    all.add_database(current_);  // shares the writer's view: its uncommitted changes too
    return all;
}

void ShardSegments::close() noexcept {
    try {
        current_.close();
    } catch (const Xapian::Error&) {  // a failed shard: it is thrown away
    }
}

}  // namespace naba::indexer
