#include "line_chunk_reader.h"

#include <cstring>
#include <vector>

namespace naba::indexer {
namespace {

constexpr std::size_t kBlockBytes = 64u << 10;

}  // namespace

LineChunkReader::LineChunkReader(const std::filesystem::path& path, std::size_t chunk_bytes,
                                 std::size_t max_line_bytes)
    : in_(path.string()), chunk_bytes_(chunk_bytes), max_line_bytes_(max_line_bytes),
      state_(XXH3_createState()) {
    if (!state_) throw std::bad_alloc();
    XXH3_64bits_reset(state_);
}

LineChunkReader::~LineChunkReader() { XXH3_freeState(state_); }

bool LineChunkReader::fill() {
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kBlockBytes);
    const long read = in_.is_open() ? in_.read(buffer_.data() + old_size, kBlockBytes) : -1;
    const std::size_t got = read > 0 ? static_cast<std::size_t>(read) : 0;
    buffer_.resize(old_size + got);
    if (read < 0) {
        failed_ = true;
        return false;
    }
    if (got < kBlockBytes) at_end_ = true;
    if (got == 0) return false;
    XXH3_64bits_update(state_, buffer_.data() + old_size, got);
    // Only the new bytes are searched: a long line is not scanned again per block.
    if (const void* nl = ::memrchr(buffer_.data() + old_size, '\n', got))
        last_newline_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buffer_.data());
    return true;
}

void LineChunkReader::take(std::size_t count, LineRun& run) {
    run.text.assign(buffer_, 0, count);
    buffer_.erase(0, count);
    last_newline_ = last_newline_ != std::string::npos && last_newline_ >= count ? last_newline_ - count
                                                                                 : std::string::npos;
}

// The length of the line in buffer_[begin, end) without its line end: a CR before
// the LF (or a last CR, whose LF may come with the next block) is not text, so a
// CRLF file's line at the limit is read as the same line with LF is.
std::size_t LineChunkReader::content_bytes(std::size_t begin, std::size_t end) const {
    return end > begin && buffer_[end - 1] == '\r' ? end - begin - 1 : end - begin;
}

// Hands out buffer_[0, end) (whole lines) — or, if one of them is over the limit, the
// lines before it, and the over-long line itself on the next call.
void LineChunkReader::take_lines(std::size_t end, LineRun& run) {
    for (std::size_t begin = 0; begin < end;) {
        const auto* nl = static_cast<const char*>(std::memchr(buffer_.data() + begin, '\n', end - begin));
        const std::size_t line_end = nl ? static_cast<std::size_t>(nl - buffer_.data()) + 1 : end;
        if (content_bytes(begin, line_end - (nl ? 1 : 0)) > max_line_bytes_) {
            if (begin > 0) return take(begin, run);
            take(line_end, run);
            run.text.clear();
            run.too_long = true;
            return;
        }
        begin = line_end;
    }
    take(end, run);
}

bool LineChunkReader::next(LineRun& run) {
    run.text.clear();
    run.too_long = false;
    for (;;) {
        if (skipping_) {  // inside an over-long line: drop bytes up to its newline
            if (last_newline_ != std::string::npos) {
                take(buffer_.find('\n') + 1, run);
                run.text.clear();
                skipping_ = false;
                run.too_long = true;
                return true;
            }
            buffer_.clear();
            if (!fill()) {
                if (failed_) return false;
                skipping_ = false;  // the line ended with the file
                run.too_long = true;
                return true;
            }
            continue;
        }
        const bool whole_line = last_newline_ != std::string::npos;
        if (whole_line && (buffer_.size() >= chunk_bytes_ || at_end_)) {
            take_lines(last_newline_ + 1, run);
            return true;
        }
        if (!whole_line && content_bytes(0, buffer_.size()) > max_line_bytes_) {
            skipping_ = true;
            continue;
        }
        if (at_end_) {
            if (buffer_.empty()) return false;
            take_lines(buffer_.size(), run);
            return true;
        }
        if (!fill() && failed_) return false;
    }
}

std::optional<std::uint64_t> hash_file(const std::filesystem::path& path, InputFd* why) {
    InputFd in(path.string());
    std::optional<std::uint64_t> hash;
    if (in.is_open()) {
        XXH3_state_t* state = XXH3_createState();
        if (!state) throw std::bad_alloc();
        XXH3_64bits_reset(state);
        std::vector<char> block(1u << 20);
        long got = 0;
        while ((got = in.read(block.data(), block.size())) > 0)
            XXH3_64bits_update(state, block.data(), static_cast<std::size_t>(got));
        if (got == 0) hash = XXH3_64bits_digest(state);
        XXH3_freeState(state);
    }
    if (why) *why = std::move(in);
    return hash;
}

}  // namespace naba::indexer
