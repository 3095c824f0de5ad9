#include "write_failure.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <xapian.h>

#include <unistd.h>

#include "run_report.h"

namespace naba::indexer {

namespace {

constexpr int kOutOfRoomCodes[] = {ENOSPC, EDQUOT, EFBIG};
constexpr const char* kMakeRoom = "; make room on its disk (or raise the file size limit), then run again";
// A parallel build holds a few files open per segment of its shards (shard_segments.h)
// and naba-index raises its soft limit to the hard one; one thread needs no segments.
constexpr const char* kFewerFiles =
    "; too many files open at once: raise the hard limit on open files (ulimit -Hn, as root), or use --jobs 1";
constexpr const char* kCheckPath = " (check the path and its permissions)";

// Whether `e` failed for the system error `code`. When Xapian could not roll a failed
// commit back it throws a new error whose message holds the write error's description,
// "... (No space left on device)", and has no error string of its own.
bool failed_for(const Xapian::Error& e, int code) {
    const char* why = e.get_error_string();
    const char* reason = std::strerror(code);
    return why ? std::strcmp(why, reason) == 0 : e.get_msg().find("(" + std::string(reason) + ")") != std::string::npos;
}

// What to do about a failed write: a full disk, a quota or the file size limit (then
// the path and its permissions are not what to check), too many open files, or else.
const char* advice_for(const Xapian::Error& e) {
    for (int code : kOutOfRoomCodes)
        if (failed_for(e, code)) return kMakeRoom;
    if (failed_for(e, EMFILE) || failed_for(e, ENFILE)) return kFewerFiles;
    return kCheckPath;
}

std::string terminate_db_dir;             // set once, before any thread writes
std::terminate_handler previous_handler;  // the runtime's: prints the type, aborts

// "cannot write the index at DB: WHY" and what to do (`advice`).
std::string cannot_write(const std::string& db, const std::string& why, const char* advice) {
    return "cannot write the index at " + db + ": " + why + advice;
}

// Xapian 1.4 also calls std::terminate itself from a cleanup inside its commit while
// the write error is still being unwound towards a catch (ulimit -f 512, --jobs 2, on
// the Al Jazeera corpus, every run): no exception is active then, but one is in flight
// and errno is still the failed write's. Returns "" when that is not what happened.
std::string describe_unreachable_write_failure(int error_number) {
    if (std::uncaught_exceptions() == 0) return "";
    for (int code : kOutOfRoomCodes)
        if (error_number == code)
            return cannot_write(terminate_db_dir, std::strerror(code), kMakeRoom);
    return "";
}

[[noreturn]] void report_and_exit() {
    const int error_number = errno;  // before anything here can change it
    // Both shards may fail at once: the first to come reports and ends the process;
    // the other waits for that instead of printing the message a second time.
    static std::atomic_flag entered = ATOMIC_FLAG_INIT;
    if (entered.test_and_set())
        for (;;) ::pause();
    const std::exception_ptr error = std::current_exception();
    const std::string message =
        error ? describe_write_failure(terminate_db_dir, error) : describe_unreachable_write_failure(error_number);
    if (message.empty()) {
        if (previous_handler) previous_handler();
        std::abort();
    }
    std::cerr << "naba-index: " << printable(message) << "\n"  // std::cerr is unbuffered: written before _exit
              << "naba-index: stopped at once (the error came where it could not be handled, as inside a Xapian "
                 "commit); the index keeps what was committed before it, and the next run goes on from there\n";
    ::_exit(2);  // other threads are still running: no destructors, no atexit
}

}  // namespace

std::string describe_write_failure(const std::string& db, const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const Xapian::DatabaseLockError& e) {
        // Xapian reports a lock file it may not create as a lock failure too, and a
        // lock it could not take for want of file handles (a shard's, with many --jobs).
        if (e.get_msg().find("already locked") != std::string::npos)
            return db + " is locked by another naba-index run; wait for it to finish, then run again";
        if (::access(db.c_str(), W_OK) != 0)
            return "no permission to write the index at " + db + " (run as its owner, or index into another --db)";
        return "cannot write the index at " + db + ": " + e.get_description();
    } catch (const Xapian::DatabaseError& e) {
        return cannot_write(db, e.get_description(), advice_for(e));
    } catch (const Xapian::Error& e) {
        return e.get_description();
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

void report_write_failures_at_terminate(const std::string& db_dir) {
    terminate_db_dir = db_dir;
    const std::terminate_handler previous = std::set_terminate(report_and_exit);
    if (previous != report_and_exit) previous_handler = previous;
}

}  // namespace naba::indexer
