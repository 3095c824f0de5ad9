// FdOutputBuffer keeps the reason of the write that failed, not only that one did.
#include <doctest/doctest.h>

#include <cerrno>
#include <fcntl.h>
#include <ostream>
#include <string>
#include <unistd.h>

#include "stdout_buffer.h"

using naba::searcher::FdOutputBuffer;

TEST_CASE("a write that fails keeps its errno even when later writes and flushes follow") {
    const int fd = ::open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    FdOutputBuffer buffer(fd);
    std::ostream out(&buffer);
    out << std::string(200000, 'x');  // more than the buffer holds: written before the flush
    errno = 0;
    out << "more" << std::flush;
    CHECK_FALSE(out.good());
    CHECK(buffer.error() == ENOSPC);
    ::close(fd);
}

TEST_CASE("a buffer whose writes all succeed reports no error") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    {
        FdOutputBuffer buffer(fds[1]);
        std::ostream out(&buffer);
        out << "hit 1\n" << std::flush;
        CHECK(out.good());
        CHECK(buffer.error() == 0);
    }
    char text[16] = {};
    CHECK(::read(fds[0], text, sizeof text) == 6);
    CHECK(std::string(text) == "hit 1\n");
    ::close(fds[0]);
    ::close(fds[1]);
}
