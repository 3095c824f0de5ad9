#include "interrupt.h"

#include <csignal>

namespace naba::indexer {
namespace {

std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal flag must be safe in a handler");

extern "C" void on_signal(int signal) { g_signal.store(signal); }

}  // namespace

void install_interrupt_handlers() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    // SA_RESTART: reads in progress are not failed with EINTR; SA_RESETHAND: a second
    // signal gets the default action (ends the process).
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

const std::atomic<int>& interrupt_signal() { return g_signal; }

int interrupted_exit_status(int signal) { return 128 + signal; }

}  // namespace naba::indexer
