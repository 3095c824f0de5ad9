// Opens an input file for reading without ever waiting on what is not a regular
// file. The walk found a regular file, but by the time the reader opens it the name
// may be a FIFO (whose open(2) waits for a writer, forever) or a device: it is opened
// with O_NONBLOCK, checked with fstat on the descriptor itself, and refused unless it
// is a regular file; then O_NONBLOCK is cleared and the file read as any other.
#pragma once

#include <cstddef>
#include <string>

namespace naba::indexer {

class InputFd {
  public:
    InputFd() = default;  // not open, no error: a place for hash_file's reason
    explicit InputFd(const std::string& path);
    ~InputFd();
    InputFd(InputFd&& other) noexcept;
    InputFd& operator=(InputFd&& other) noexcept;
    InputFd(const InputFd&) = delete;
    InputFd& operator=(const InputFd&) = delete;

    bool is_open() const { return fd_ >= 0; }
    // Why it is not open: it is not a regular file (true), or error() says why.
    bool not_regular() const { return not_regular_; }
    int error() const { return error_; }  // errno of the failed open or read; 0 if none

    // Reads up to `size` bytes, fewer only at the end of the file: the count, or -1
    // when reading failed (error()).
    long read(char* data, std::size_t size);

  private:
    int fd_ = -1;
    bool not_regular_ = false;
    int error_ = 0;
};

// The reason the reader gives for a file that InputFd refused as not regular.
inline constexpr const char* kNotRegularReason = "not a regular file";
inline constexpr const char* kNotRegularDetail =
    "it is no longer a regular file (a pipe, socket or device took its name after the walk found it); not read";

// Why a file could not be opened or read: the system's reason (`error`, an errno
// value taken right after the failure), which is not always permissions.
std::string unreadable_detail(int error);

}  // namespace naba::indexer
