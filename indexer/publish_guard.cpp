#include "publish_guard.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace naba::indexer {

PublishGuard::PublishGuard(const std::string& db_dir) {
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::weakly_canonical(db_dir, ec).parent_path();
    if (ec || parent.empty()) return;
    fd_ = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) return;
    // naba-index holds it for milliseconds; a lock held longer is some other program's
    // on the folder, which must not stop the run: after a few seconds it goes on unguarded.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        if ((errno != EWOULDBLOCK && errno != EINTR) || std::chrono::steady_clock::now() > give_up) {
            ::close(fd_);
            fd_ = -1;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

PublishGuard::~PublishGuard() {
    if (fd_ < 0) return;
    // Unlocked explicitly: a child Xapian forks to hold its own lock may share the descriptor.
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

void pause_after_swap_for_tests() {
    const char* ms = std::getenv("NABA_TEST_PUBLISH_PAUSE_MS");
    if (ms && *ms) std::this_thread::sleep_for(std::chrono::milliseconds(std::atol(ms)));
}

}  // namespace naba::indexer
