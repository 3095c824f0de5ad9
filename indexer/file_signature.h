// What naba-index remembers about an input file so that a re-run can tell, cheaply,
// whether the file changed: size, mtime and the inode's change time (no read
// needed), then a content hash (XXH3_64bits) when those differ. The change time
// catches a file rewritten with its old mtime put back (cp -p, rsync -t): nobody
// can set it back. A signature taken too close to its run's start is marked racy
// and trusted by no later run (see racily_clean). Also the keys under which that is
// stored: value slots and the root-directory term (see schema.h), and the JSONL
// metadata key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include <sys/stat.h>

#include <xapian.h>

#include "schema.h"

namespace naba::indexer {

struct FileSignature {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;  // 0 in what an older naba-index stored: the file is hashed once
    std::uint64_t hash = 0;
    // The file's times were not older than the start of the run that took this
    // signature: it may have been written again after that run read it, within the
    // same clock tick, and so with the same times ("racily clean", as git calls it).
    bool racy = false;

    // Same size and times, and neither racy: the file is unchanged without a read.
    bool same_stat(const FileSignature& other) const { return !racy && !other.racy && same_times(other); }
    // Same size and times, racy or not: unchanged, or written again in the same tick.
    bool same_times(const FileSignature& other) const {
        return size == other.size && mtime_ns == other.mtime_ns && ctime_ns == other.ctime_ns;
    }
};

// Size, mtime and change time from what stat(2) told; hash left 0.
FileSignature stat_signature(const struct stat& st);

// The clock file times are stamped from (the kernel's coarse real-time clock), now:
// what a run takes as its start, before it looks at any file.
std::int64_t file_clock_now_ns();

// Whether a file with these times may be written again, unseen, after a run that
// started at `run_start_ns` read it: its mtime or change time is not older than that
// start (where file times have nanoseconds), or than two seconds before it (on a
// file system whose times are whole seconds, or two).
bool racily_clean(const FileSignature& sig, std::int64_t run_start_ns);

std::uint64_t content_hash(std::string_view bytes);

// Hash of a JSONL record: its fields and its line, so a record that moved keeps a
// correct stored line number.
std::uint64_t record_hash(const schema::StoredDocument& doc);

// 8 bytes big-endian, and back (0 for a value of another length).
std::string encode_u64(std::uint64_t n);
std::uint64_t decode_u64(std::string_view bytes);

// Signature slots of a text file's document, and back.
void set_file_signature(Xapian::Document& doc, const FileSignature& sig);
FileSignature file_signature_of(const Xapian::Document& doc);
// The same from the slots' values (a value stream's, say).
FileSignature decode_file_signature(std::string_view size, std::string_view times, std::string_view hash);

// Moves `it`, a value stream read in document order, on to `docid`; false when that
// document has no value in the stream's slot. Reading a slot of many documents this
// way is one pass, where Document::get_value looks each value up on its own.
bool skip_to_document(Xapian::ValueIterator& it, Xapian::docid docid);

// What the metadata remembers of a JSONL file read to the end.
struct JsonlEntry {
    FileSignature sig;
    std::uint64_t documents = 0;
    std::uint64_t skipped_lines = 0;  // so that a re-run of the unchanged file still reports them
    // The line limit (--max-size, bytes) that some lines were skipped for exceeding; 0
    // when none was. A run with a higher limit reads the unchanged file again.
    std::uint64_t long_line_limit = 0;
    // Read with --no-delete: documents whose ids left the file may still be in the
    // index, so a run without it reads the file again, unchanged or not, to remove them.
    // Also set when another file's document was handed to this one (shared_ids.h):
    // the read takes the file's own record of it, or removes it.
    bool unpruned = false;
};

// The JSONL metadata value, and back (nullopt if the value is not one; an entry
// written before skipped lines, the line limit or the prune were kept has none).
std::string encode_jsonl_entry(const JsonlEntry& entry);
std::optional<JsonlEntry> decode_jsonl_entry(std::string_view value);

// Absolute, normalized, without a trailing slash: the form stored for paths.
std::string canonical_path(const std::filesystem::path& path);

inline std::string root_term(std::string_view abs_root) { return schema::bounded_term(schema::kRootDirPrefix, abs_root); }
inline std::string jsonl_metadata_key(std::string_view abs_path) {
    return schema::bounded_term(schema::kJsonlFileMetadataPrefix, abs_path);
}

}  // namespace naba::indexer
