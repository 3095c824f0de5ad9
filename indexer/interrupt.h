// Ctrl-C and SIGTERM during a naba-index run: the first one only sets a flag, so the
// run stops at the next document and commits what it has; the handler then goes
// back to the default, so a second Ctrl-C ends the process at once (the index stays
// valid: every batch committed before is kept).
#pragma once

#include <atomic>

namespace naba::indexer {

// Installs the handlers for SIGINT and SIGTERM.
void install_interrupt_handlers();

// 0, or the number of the signal that asked the run to stop.
const std::atomic<int>& interrupt_signal();

// The exit status for an interrupted run: 128 + the signal, as shells report it
// (130 for SIGINT, 143 for SIGTERM).
int interrupted_exit_status(int signal);

}  // namespace naba::indexer
