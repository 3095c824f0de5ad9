// What naba-index tells the user when writing the index failed: one message for an
// error it caught, and a last-resort report for one Xapian could not throw to it.
#pragma once

#include <exception>
#include <string>

namespace naba::indexer {

// The message (without the "naba-index: " label) for a failure of a run writing the
// index at `db_dir`: a lock held by another run, no permission, a full disk (then what
// to free), or the error as Xapian or the system describes it.
std::string describe_write_failure(const std::string& db_dir, const std::exception_ptr& error);

// Xapian 1.4 writes some of a commit from destructors (the value streams,
// Glass::ValueUpdater): a write failing there (a full disk) ends the process through
// std::terminate, which would print only the exception's type and abort (status 134).
// Installs a terminate handler that reports such an exception (or any other that
// reaches std::terminate) as describe_write_failure does, says the index keeps its last
// commit (as after kill -9), and exits with status 2. Xapian also calls std::terminate
// while the error is still in flight (no exception to describe): then a full disk or
// the file size limit is told from errno. Any other terminate aborts as before.
void report_write_failures_at_terminate(const std::string& db_dir);

}  // namespace naba::indexer
