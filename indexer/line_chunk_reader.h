// Reads a file as runs of whole lines, a few hundred KiB at a time, so that a JSONL
// dump of any size is indexed with bounded memory (the whole file is never held).
// Hashes every byte it reads (XXH3_64bits, the same value content_hash gives for the
// whole file), and skips a line longer than a limit without keeping it in memory:
// the caller reports it, and the lines after it are read as usual.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <xxhash.h>

#include "input_fd.h"

namespace naba::indexer {

// One step of the reader: whole lines, or one skipped over-long line.
struct LineRun {
    std::string text;       // whole lines, each ending with '\n' (the file's last may not)
    bool too_long = false;  // instead of text: one line over the limit, skipped (counts as one line)
};

class LineChunkReader {
  public:
    // `chunk_bytes`: about how much one run holds; `max_line_bytes`: longer lines are
    // skipped. Check is_open() (when false, file() says why: not a regular file, or
    // its error()).
    LineChunkReader(const std::filesystem::path& path, std::size_t chunk_bytes, std::size_t max_line_bytes);
    ~LineChunkReader();
    LineChunkReader(const LineChunkReader&) = delete;
    LineChunkReader& operator=(const LineChunkReader&) = delete;

    bool is_open() const { return in_.is_open(); }
    const InputFd& file() const { return in_; }

    // The next run; false at the end of the file or when reading failed (failed()).
    bool next(LineRun& run);

    bool failed() const { return failed_; }
    // Hash of the bytes read so far: of the whole file once next() returned false
    // without failing.
    std::uint64_t hash() const { return XXH3_64bits_digest(state_); }

  private:
    bool fill();  // reads one block; false at the end of the file or on an error
    void take(std::size_t count, LineRun& run);
    void take_lines(std::size_t end, LineRun& run);
    std::size_t content_bytes(std::size_t begin, std::size_t end) const;

    InputFd in_;
    std::size_t chunk_bytes_, max_line_bytes_;
    std::string buffer_;                        // read, not yet handed out
    std::size_t last_newline_ = std::string::npos;  // in buffer_
    bool at_end_ = false, failed_ = false, skipping_ = false;
    XXH3_state_t* state_;
};

// XXH3_64bits of a file's bytes, read a block at a time; nullopt if it cannot be
// read, with the reason in `why` (InputFd: not a regular file, or its error()).
std::optional<std::uint64_t> hash_file(const std::filesystem::path& path, InputFd* why = nullptr);

}  // namespace naba::indexer
