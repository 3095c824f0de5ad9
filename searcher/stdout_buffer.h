// naba-search's stdout: a buffer over file descriptor 1 that keeps why a write failed.
// A std::ostream records only that a write failed, and errno is overwritten by
// whatever runs before the failure is noticed (the next query, the final flush), so
// "cannot write the results" lost its reason (ENOSPC, EPIPE) whenever an earlier
// write than the last was the one that failed.
#pragma once

#include <array>
#include <ostream>
#include <streambuf>

namespace naba::searcher {

class FdOutputBuffer : public std::streambuf {
  public:
    explicit FdOutputBuffer(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
    // The errno of the first write that failed; 0 if none did.
    int error() const { return error_; }

  protected:
    int_type overflow(int_type c) override;
    int sync() override;

  private:
    bool drain();  // writes out the buffer; false once a write has failed

    int fd_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_;
};

// Makes `stream` (std::cout) write through a FdOutputBuffer on `fd` while it lives;
// its destructor flushes and gives the stream its own buffer back. On a terminal each
// output is written at once, as stdio's line buffering did, so results and messages
// on stderr keep their order there.
class RedirectedOutput {
  public:
    RedirectedOutput(std::ostream& stream, int fd);
    ~RedirectedOutput();
    RedirectedOutput(const RedirectedOutput&) = delete;
    RedirectedOutput& operator=(const RedirectedOutput&) = delete;
    int error() const { return buffer_.error(); }

  private:
    std::ostream& stream_;
    FdOutputBuffer buffer_;
    std::streambuf* saved_;
    std::ios_base::fmtflags saved_flags_;
};

}  // namespace naba::searcher
