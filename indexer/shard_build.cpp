#include "shard_build.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <system_error>

#include <fcntl.h>

#include "file_signature.h"
#include "spelling_data.h"

namespace naba::indexer {
namespace fs = std::filesystem;

namespace {

// A few batches per shard keep the reader ahead without holding much text.
constexpr std::ptrdiff_t kQueuedBatches = 4;

// Shards commit (flush) after this many documents at most. Xapian's per-document
// cost grows with the number of uncommitted documents (its in-memory maps), and a
// shard's commit is cheap (no fsync, nobody reads it): on the news corpora 250
// documents took 12 s of CPU against 17 s for 2000 (bench/RESULTS.md).
constexpr long kShardFlushDocuments = 250;

// Under DB_DANGEROUS a write that fails (disk full, too many open files) comes out
// as "cancel() not supported under Xapian::DB_DANGEROUS", its cause dropped: `cause`
// (errno as the exception arrived) says it again.
std::exception_ptr with_cause(std::exception_ptr error, int cause, const std::string& shard_path) {
    try {
        std::rethrow_exception(error);
    } catch (const Xapian::InvalidOperationError& e) {
        if (e.get_msg().find("DB_DANGEROUS") == std::string::npos) return error;
        return std::make_exception_ptr(Xapian::DatabaseError(
            "cannot write the shard " + shard_path + (cause ? ": " + std::system_category().message(cause) : "")));
    } catch (...) {
        return error;
    }
}

}  // namespace

void exchange_directories(const std::string& a, const std::string& b) {
    if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return;
    if (errno != EINVAL && errno != ENOSYS)
        throw fs::filesystem_error("cannot swap directories", a, b, std::error_code(errno, std::generic_category()));
    const std::string aside = b + ".old";
    fs::rename(a, aside);
    fs::rename(b, a);
    fs::rename(aside, b);
}

ShardedBuild::ShardedBuild(const std::string& db_dir, int shards, const CommitLimits& limits, Reporter& reporter,
                           const entities::EntityTagger* tagger)
    // Symlinks resolved: the swap must replace the real directory, not a link to it.
    : db_dir_(fs::weakly_canonical(db_dir).string()),
      work_dir_(db_dir_ + ".naba-build"),
      limits_(limits),
      reporter_(reporter),
      tagger_(tagger) {
    // Only a run holding the target's lock (this one) uses this directory, so what is
    // there is left over from a killed run.
    fs::remove_all(work_dir_);
    fs::create_directories(work_dir_);
    limits_.documents = std::min(limits_.documents, kShardFlushDocuments);
    // Each shard gets its share of the memory cap.
    limits_.text_bytes = std::max<std::uint64_t>(limits_.text_bytes / static_cast<std::uint64_t>(shards), 1);
    for (int i = 0; i < shards; ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = work_dir_ + "/shard-" + std::to_string(i);
        shard->queue.set_capacity(kQueuedBatches);
        shards_.push_back(std::move(shard));
    }
    for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { run_shard(*s); });
}

ShardedBuild::~ShardedBuild() {
    stop_threads();
    std::error_code ec;
    fs::remove_all(work_dir_, ec);
}

void ShardedBuild::stop_threads() {
    for (auto& shard : shards_)
        if (shard->thread.joinable()) shard->queue.push(nullptr);  // end of input
    for (auto& shard : shards_)
        if (shard->thread.joinable()) shard->thread.join();
}

void ShardedBuild::rethrow_shard_error() {
    for (auto& shard : shards_)
        if (shard->failed.load(std::memory_order_acquire)) std::rethrow_exception(shard->error);
}

void ShardedBuild::add(JobBatch&& batch) {
    rethrow_shard_error();
    std::vector<Batch> parts(shards_.size());
    for (IndexJob& job : batch.jobs) {
        if (job.kind == IndexJob::Kind::metadata) {
            metadata_.emplace_back(std::move(job.key), std::move(job.value));
            continue;
        }
        if (job.kind == IndexJob::Kind::prune) continue;  // an empty target has nothing to prune
        // An empty target has no documents to touch; the reader cannot ask for it.
        if (job.kind != IndexJob::Kind::index) throw std::logic_error("a fresh build got an update job");
        const std::size_t i = std::hash<std::string>{}(job.doc.id) % shards_.size();
        if (!parts[i]) parts[i] = std::make_shared<JobBatch>();
        parts[i]->jobs.push_back(std::move(job));
    }
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i]) shards_[i]->queue.push(std::move(parts[i]));
}

void ShardedBuild::run_shard(Shard& shard) {
    Batch batch;
    bool input_ended = false;  // the end-of-input marker was taken
    try {
        // A shard is thrown away if the run dies, so neither fsync (DB_NO_SYNC) nor
        // copy-on-write blocks (DB_DANGEROUS: update in place) buy anything.
        Xapian::WritableDatabase db(shard.path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS);
        AnalysisWorker worker(tagger_);
        PendingBatch pending(limits_);
        for (;;) {
            shard.queue.pop(batch);
            if (!batch) {
                input_ended = true;
                break;
            }
            write_batch(db, worker, pending, shard, *batch);
        }
        // Stem synonyms in one pass at the end (a shard is read only once complete);
        // compaction merges the shards' synonym tables.
        StemSynonyms().record_all(db);
        // Compaction adds up the shards' spelling frequencies, and the shards hold
        // disjoint documents, so each shard's own spelling data merges into the right
        // one — computed here in parallel rather than after the merge.
        refresh_spelling(db, worker.analyzer);
        db.commit();
        db.close();
    } catch (...) {
        const int cause = errno;  // the failed write's (closing the shard on the way out fails alike)
        shard.error = with_cause(std::current_exception(), cause, shard.path);
        shard.failed.store(true, std::memory_order_release);
        // Keep taking batches so that add() never waits on a dead shard — unless
        // the input had ended (a failed commit): no more will come.
        while (!input_ended) {
            shard.queue.pop(batch);
            input_ended = !batch;
        }
    }
}

void ShardedBuild::write_batch(Xapian::WritableDatabase& db, AnalysisWorker& worker, PendingBatch& pending,
                               Shard& shard, JobBatch& batch) {
    for (IndexJob& job : batch.jobs) {
        analyse(job, worker.builder);
        // A later occurrence of an id in this run (never new) replaces the earlier one,
        // which the routing put in this same shard.
        if (job.is_new) {
            db.add_document(job.xdoc);
        } else {
            db.replace_document(schema::id_term(job.doc.id), job.xdoc);
        }
        ++(job.is_new ? shard.added : shard.replaced);
        job.xdoc = Xapian::Document();
        reporter_.document(job.is_new ? "added" : "replaced", job.doc.id);
        if (pending.add(job.doc.text.size() + job.doc.title.size())) {
            db.commit();
            pending.reset();
        }
    }
}

std::string ShardedBuild::merge(SharedDatabase& target) {
    Xapian::Database sources;
    for (auto& shard : shards_) sources.add_database(Xapian::Database(shard->path));
    const std::string merged = work_dir_ + "/merged";
    sources.compact(merged);

    Xapian::WritableDatabase out(merged, Xapian::DB_OPEN);
    {
        // The target's own metadata (JSONL entries of files that had no documents)
        // must survive the swap; this run's entries are newer and win.
        std::lock_guard lock(target.mutex);
        for (auto k = target.db.metadata_keys_begin(); k != target.db.metadata_keys_end(); ++k)
            out.set_metadata(*k, target.db.get_metadata(*k));
    }
    for (const auto& [key, value] : metadata_) out.set_metadata(key, value);
    out.commit();
    out.close();
    return merged;
}

void ShardedBuild::publish(SharedDatabase& target) {
    stop_threads();
    rethrow_shard_error();
    for (auto& shard : shards_) {
        reporter_.counts().added += shard->added;
        reporter_.counts().replaced += shard->replaced;
    }
    const std::string merged = merge(target);
    // The new directory takes the place of the user's: it keeps its permissions.
    fs::permissions(merged, fs::status(db_dir_).permissions());
    std::lock_guard lock(target.mutex);
    exchange_directories(merged, db_dir_);
    // Lock the new database before letting go of the old one, so that no other writer
    // gets in between; the old (empty) one is removed with the work directory.
    Xapian::WritableDatabase published(db_dir_, Xapian::DB_OPEN);
    target.db.close();
    target.db = published;
}

}  // namespace naba::indexer
