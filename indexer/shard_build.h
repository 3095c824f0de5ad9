// A fresh build on several threads: Xapian has one writer per database, and that
// writer (in-memory posting updates, then flushing them to the B-trees) is most of
// the indexing time, so a build into an EMPTY index gives each thread its own private
// shard database — analysis and writing both run in parallel — and merges the shards
// at the end with Xapian's compaction (Database::compact, what xapian-compact does).
// Each shard is a chain of segment databases of bounded size (shard_segments.h).
// The merged database gets the run's JSONL metadata, the target's old metadata and
// the spelling data, and then takes the target's place in one atomic directory
// exchange (renameat2 RENAME_EXCHANGE).
//
// When this is used (IndexRun decides): the target index has no documents and more
// than one thread is allowed. Only then is it safe: with no earlier documents there is
// nothing to replace by id, nothing to "touch" and nothing to remove, so the shards
// never need to see the target. Documents are routed to shards by a hash of their id,
// so every occurrence of an id lands in the same shard, in input order, and the last
// one wins exactly as with the single writer.
//
// Safety: while the shards are written, the index directory is a stub that lists their
// segments (build_stub.h), so searchers see every batch a shard has committed (each
// commits by the same limits as the single writer). The index's lock then is that of
// the stub's first database, the build's head: empty, with the shards' metadata, and
// open for writing until the stub has left the index's place. Xapian opens a stub's
// databases one after another, so the shards' own locks could not be it: they move
// from segment to segment meanwhile, and a second writer slow to reach the end of the
// list found every segment it had read of closed, and took the build. Ctrl-C /
// SIGTERM stop the reader and the shards' work so far is merged and published (JSONL
// files that were not finished have no metadata, so a re-run reads them again). kill -9
// leaves the stub, which opens and answers queries; the next run merges it first. A
// failure (a shard's write, the merge) puts the empty target back and removes the shards.
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <tbb/concurrent_queue.h>
#include <xapian.h>

#include "index_job.h"
#include "index_writer.h"
#include "run_report.h"
#include "shard_segments.h"

namespace naba::indexer {

class ShardedBuild {
  public:
    // Creates `shards` private databases in a work directory next to `db_dir` (removing
    // a stale one a killed run left) with the metadata of `target` (the empty index at
    // db_dir, open and locked), puts a stub listing them in db_dir's place and starts
    // one thread per shard. Throws std::filesystem::filesystem_error or Xapian::Error
    // when that fails. `tagger` (shared, read-only; nullptr: no entity recognition) is
    // given to every shard's DocumentBuilder. Once `stop` (if given) is not 0, a
    // shard's spelling refresh stops between its steps and leaves the data marked stale.
    ShardedBuild(const std::string& db_dir, int shards, const CommitLimits& limits, Reporter& reporter,
                 const entities::EntityTagger* tagger, SharedDatabase& target,
                 const std::atomic<int>* stop = nullptr);
    // Stops the threads; unless published, puts the empty target back in the stub's
    // place. Removes the work directory.
    ~ShardedBuild();

    // Routes the batch's jobs to the shards (blocks while a shard is busy: memory
    // stays bounded). Throws what a shard thread failed with.
    void add(JobBatch&& batch);

    // Waits for the shards, merges them, adds metadata and spelling data and publishes
    // the result in place of `target` (which is reopened on the new database, still
    // locked). Adds the shards' added/replaced counts to the reporter.
    void publish(SharedDatabase& target);

  private:
    using Batch = std::shared_ptr<JobBatch>;
    struct Shard {
        std::string path;                         // of its first segment
        std::unique_ptr<ShardSegments> segments;  // open (locked) until the merged index is published
        std::vector<std::string> segment_paths;   // in order; written under stub_mutex_
        tbb::concurrent_bounded_queue<Batch> queue;
        std::thread thread;
        std::exception_ptr error;
        // Set once `error` is written: add() looks while the shard's thread may be writing it.
        std::atomic<bool> failed = false;
        long added = 0, replaced = 0;
    };

    void run_shard(Shard& shard);
    void write_batch(AnalysisWorker& worker, PendingBatch& pending, Shard& shard, JobBatch& batch);
    void add_segment(Shard& shard, const std::string& path);
    void finish_shard(Shard& shard, AnalysisWorker& worker);
    void stop_threads();
    void rethrow_shard_error();
    void install_stub();
    std::vector<std::string> segment_names() const;
    void close_shards() noexcept;
    void close_head() noexcept;
    std::string merge();

    std::string db_dir_, work_dir_;
    // Where the empty target waits while the stub has its place ("" when no stub was
    // installed: a name a stub cannot hold).
    std::string target_aside_;
    bool published_ = false;
    CommitLimits limits_;
    Reporter& reporter_;
    const entities::EntityTagger* tagger_;
    const std::atomic<int>* stop_;
    std::vector<std::unique_ptr<Shard>> shards_;
    Xapian::WritableDatabase head_;  // the stub's first database, whose lock is the index's
    std::mutex stub_mutex_;  // the stub's listing and every shard's segment_paths
    std::vector<std::pair<std::string, std::string>> metadata_;  // written after the merge
};

// Swaps two directories atomically (renameat2 RENAME_EXCHANGE), or, where the file
// system cannot, moves `a` aside and `b` into its place (a moment without `a`).
// Throws std::filesystem::filesystem_error.
void exchange_directories(const std::string& a, const std::string& b);

}  // namespace naba::indexer
