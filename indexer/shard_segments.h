// One shard of a fresh build on several threads (shard_build.h), written as a chain
// of segment databases. Xapian updates its B-trees in place at each commit: a commit
// rewrites the block of every posting and position list its documents touch, so it
// costs more the more the database already holds: two shards of 66,000 news articles
// wrote 15 GB between them, in 8 KB blocks, for a 470 MB index. A shard therefore starts a new
// segment once the current one holds enough text (segment_text_bytes): 5.7 GB then.
// The build's merge (Database::compact) takes every segment of every shard.
//
// Only the current segment is open, for writing (the build's head, not a segment,
// keeps a second writer out of the stub that lists them: shard_build.h). An id
// written again in the same run (the last occurrence wins) has its earlier document
// deleted from whichever closed segment holds it, found through the id hashes each
// closed segment keeps (8 bytes a document).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace naba::indexer {

// A segment is closed at a commit once it holds `min_bytes` of document text, or a
// quarter of the text its shard's earlier segments hold if that is more: a collection
// of gigabytes gets a few dozen segments, not hundreds (each open segment holds file
// handles, in the merge and in every search of a build in progress).
std::uint64_t segment_text_bytes(std::uint64_t min_bytes, std::uint64_t earlier_segments_bytes);

// 8 MiB; NABA_TEST_SEGMENT_TEXT_BYTES sets another, for tests to make many segments.
std::uint64_t default_min_segment_text_bytes();

// How many segments each of `shards` shards may have (at least 1) when a process may
// open `open_files` files: the merge, a search of the build and the next run finishing
// a stopped build open every segment at once (a few files each). Past it a shard's
// last segment grows instead, as its only one did before segments: slower, but a low
// hard limit (ulimit -n) no longer fails the build at its merge.
std::size_t max_segments_per_shard(std::uint64_t open_files, int shards);

class ShardSegments {
  public:
    // Called with each new segment's path once it is created and committed, before
    // the segment it follows is closed (to list it in the build's stub).
    using OnNewSegment = std::function<void(const std::string& path)>;

    // Creates the first segment at `path` (later ones are `path`.1, `path`.2, ...),
    // each with `metadata`, closed by segment_text_bytes(`min_bytes`, ...), at most
    // `max_segments` of them. Throws Xapian::Error.
    ShardSegments(std::string path, std::vector<std::pair<std::string, std::string>> metadata,
                  OnNewSegment on_new_segment, std::uint64_t min_bytes = default_min_segment_text_bytes(),
                  std::size_t max_segments = SIZE_MAX);

    // The segment being written.
    Xapian::WritableDatabase& current() { return current_; }
    // How many segments there are, the current one included.
    std::size_t count() const { return closed_.size() + 1; }

    // Adds the document of `id`; unless `is_new`, deletes the document an earlier
    // occurrence of the id left in this segment or a closed one.
    void write(const std::string& id, const Xapian::Document& doc, bool is_new, std::uint64_t text_bytes);

    // After a commit of the current segment: closes it and starts the next one when it
    // holds enough text and there may be another. Throws Xapian::Error.
    void next_segment_if_full();

    // Every segment, the current one as written so far (uncommitted changes included):
    // for the end-of-build passes over the shard's terms.
    Xapian::Database all() const;

    // Closes the current segment (no commit). Never throws.
    void close() noexcept;

  private:
    struct Closed {
        std::string path;
        std::vector<std::uint64_t> id_hashes;  // sorted
    };
    void delete_earlier(const std::string& id_term, std::uint64_t hash);
    Xapian::WritableDatabase open_segment(const std::string& path) const;

    std::string first_path_;
    std::vector<std::pair<std::string, std::string>> metadata_;
    OnNewSegment on_new_segment_;
    std::vector<Closed> closed_;
    std::string current_path_;
    Xapian::WritableDatabase current_;
    std::vector<std::uint64_t> current_ids_;  // hashes of the ids written to current_
    std::uint64_t min_bytes_, current_bytes_ = 0, closed_bytes_ = 0;
    std::size_t max_segments_;
};

}  // namespace naba::indexer
