// A short lock that closes the moment when an index folder exists unlocked: Xapian's
// write lock is a file inside the database folder, so a database a fresh build swaps
// into the index's place (shard_build.h, build_stub.h) is unlocked until the build
// opens it again, and a second naba-index starting then would take the index and the
// first run would fail although its work was published. Every naba-index run holds
// this lock while it opens the index for writing, and a build holds it from its swap
// until it has opened (locked) what it put in place; so a second run waits for those
// few milliseconds and then finds the index locked, as at any other moment of the run.
// The lock is flock(2) on the folder that holds the index; other programs that write
// Xapian databases do not take it.
#pragma once

#include <string>

namespace naba::indexer {

class PublishGuard {
  public:
    // Waits for the lock on the folder holding `db_dir` (symlinks resolved). Where that
    // folder cannot be opened or locked (no read permission, a file system without
    // locks, a lock some other program holds for more than 5 s) there is no guard: the
    // moment is as short as a rename and an open.
    explicit PublishGuard(const std::string& db_dir);
    ~PublishGuard();
    PublishGuard(const PublishGuard&) = delete;
    PublishGuard& operator=(const PublishGuard&) = delete;

  private:
    int fd_ = -1;
};

// For tests only: when NABA_TEST_PUBLISH_PAUSE_MS is set, waits that many
// milliseconds; called where a build has swapped its new database in and not yet
// locked it, so that a test can start a second run in that moment.
void pause_after_swap_for_tests();

}  // namespace naba::indexer
