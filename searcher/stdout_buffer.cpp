#include "stdout_buffer.h"

#include <unistd.h>

#include <cerrno>

namespace naba::searcher {

bool FdOutputBuffer::drain() {
    if (error_) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());  // what cannot be written is dropped
        return false;
    }
    const char* next = pbase();
    while (next < pptr()) {
        const ssize_t written = ::write(fd_, next, static_cast<std::size_t>(pptr() - next));
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            // write(2) returns 0 for a non-empty buffer only on odd devices: an I/O error.
            error_ = written < 0 ? errno : EIO;
            break;
        }
        next += written;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

int FdOutputBuffer::sync() { return drain() ? 0 : -1; }

RedirectedOutput::RedirectedOutput(std::ostream& stream, int fd)
    : stream_(stream), buffer_(fd), saved_(stream.rdbuf(&buffer_)), saved_flags_(stream.flags()) {
    if (::isatty(fd)) stream_.setf(std::ios_base::unitbuf);
}

RedirectedOutput::~RedirectedOutput() {
    stream_.flush();
    stream_.rdbuf(saved_);
    stream_.flags(saved_flags_);
}

}  // namespace naba::searcher
