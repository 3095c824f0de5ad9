#include "input_fd.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace naba::indexer {

InputFd::InputFd(const std::string& path) {
    // O_NOCTTY: a terminal device in the file's place must not become ours.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        error_ = errno;
        return;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        error_ = errno;
    } else if (!S_ISREG(st.st_mode)) {
        not_regular_ = true;
    } else if (const int flags = ::fcntl(fd, F_GETFL); flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
        error_ = errno;
    } else {
        fd_ = fd;
        return;
    }
    ::close(fd);
}

InputFd::~InputFd() {
    if (fd_ >= 0) ::close(fd_);
}

InputFd::InputFd(InputFd&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), not_regular_(other.not_regular_), error_(other.error_) {}

InputFd& InputFd::operator=(InputFd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        not_regular_ = other.not_regular_;
        error_ = other.error_;
    }
    return *this;
}

long InputFd::read(char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(fd_, data + done, size - done);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;  // a signal (Ctrl-C is handled, and the run stops at the next document)
            error_ = errno;
            return -1;
        }
        done += static_cast<std::size_t>(got);
    }
    return static_cast<long>(done);
}

std::string unreadable_detail(int error) {
    return error ? "cannot read the file: " + std::generic_category().message(error) : "cannot read the file";
}

}  // namespace naba::indexer
