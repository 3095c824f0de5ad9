#include "shard_build.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <system_error>

#include <fcntl.h>

#include "build_stub.h"
#include "file_signature.h"
#include "open_files_limit.h"
#include "publish_guard.h"
#include "schema.h"
#include "spelling_data.h"

namespace naba::indexer {
namespace fs = std::filesystem;

namespace {

// A few batches per shard keep the reader ahead without holding much text.
constexpr std::ptrdiff_t kQueuedBatches = 4;

// The build's head in its work directory (shard_build.h).
constexpr const char* kHeadName = "head";

// Shards commit (flush) after this many documents at most. Xapian's per-document
// cost grows with the number of uncommitted documents (its in-memory maps), and a
// shard's commit is cheap (no fsync): on the news corpora 250 documents took 12 s of
// CPU against 17 s for 2000 (bench/RESULTS.md).
constexpr long kShardFlushDocuments = 250;

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
                           const entities::EntityTagger* tagger, SharedDatabase& target,
                           const std::atomic<int>* stop)
    // Symlinks resolved: the swap must replace the real directory, not a link to it.
    : db_dir_(fs::weakly_canonical(db_dir).string()),
      work_dir_(build_work_dir(db_dir_)),
      limits_(limits),
      reporter_(reporter),
      tagger_(tagger),
      stop_(stop) {
    // Only a run holding the target's lock (this one) uses this directory, so what is
    // there is left over from a killed run.
    fs::remove_all(work_dir_);
    fs::create_directories(work_dir_);
    limits_.documents = std::min(limits_.documents, kShardFlushDocuments);
    // Each shard gets its share of the memory cap.
    limits_.text_bytes = std::max<std::uint64_t>(limits_.text_bytes / static_cast<std::uint64_t>(shards), 1);
    // Searchers read metadata from the stub's first database (the head); every segment
    // gets it too, so a merge of any of them keeps it. Not a spelling-stale mark: each
    // shard sets its own in its last segment, and compaction keeps a key's first value.
    std::vector<std::pair<std::string, std::string>> metadata;
    {
        std::lock_guard lock(target.mutex);
        for (auto k = target.db.metadata_keys_begin(); k != target.db.metadata_keys_end(); ++k)
            if (*k != schema::kSpellingStaleKey) metadata.emplace_back(*k, target.db.get_metadata(*k));
    }
    metadata.emplace_back(schema::kBuildingKey, "1");
    head_ = Xapian::WritableDatabase(work_dir_ + "/" + kHeadName, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    for (const auto& [key, value] : metadata) head_.set_metadata(key, value);
    head_.commit();
    const std::size_t max_segments = max_segments_per_shard(open_files_limit(), shards);
    for (int i = 0; i < shards; ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = work_dir_ + "/shard-" + std::to_string(i);
        shard->queue.set_capacity(kQueuedBatches);
        shard->segment_paths.push_back(shard->path);
        shard->segments = std::make_unique<ShardSegments>(
            shard->path, metadata, [this, s = shard.get()](const std::string& path) { add_segment(*s, path); },
            default_min_segment_text_bytes(), max_segments);
        shards_.push_back(std::move(shard));
    }
    install_stub();
    for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { run_shard(*s); });
}

// From here on a searcher opening the index sees the shards' committed batches.
void ShardedBuild::install_stub() {
    const std::string stub = work_dir_ + "/stub";
    if (!write_build_stub(stub, db_dir_, segment_names())) return;
    fs::permissions(stub, fs::status(db_dir_).permissions());
    PublishGuard guard(db_dir_);  // where the swap is not atomic, the index is missing for a moment
    exchange_directories(stub, db_dir_);
    target_aside_ = stub;
}

// The folder names of the head, first (a second writer meets its lock before any
// other; searchers read metadata from it), and of every shard's segments. Called with
// stub_mutex_ held, or before the shards' threads start.
std::vector<std::string> ShardedBuild::segment_names() const {
    std::vector<std::string> names{kHeadName};
    for (const auto& shard : shards_)
        for (const std::string& path : shard->segment_paths) names.push_back(fs::path(path).filename().string());
    return names;
}

// A shard's new segment joins the stub's listing before the one it follows is closed:
// searchers never miss a committed batch.
void ShardedBuild::add_segment(Shard& shard, const std::string& path) {
    std::lock_guard lock(stub_mutex_);
    shard.segment_paths.push_back(path);
    if (!target_aside_.empty()) write_build_stub(db_dir_, db_dir_, segment_names());
}

void ShardedBuild::close_shards() noexcept {
    for (auto& shard : shards_) shard->segments->close();
}

void ShardedBuild::close_head() noexcept {
    try {
        head_.close();
    } catch (const Xapian::Error&) {  // it holds no change
    }
}

ShardedBuild::~ShardedBuild() {
    stop_threads();
    close_shards();
    std::error_code ec;
    // The empty target goes back, or the index would list shards about to be removed;
    // the head stays locked until then, so that no other run takes them as a stopped build's.
    if (!published_ && !target_aside_.empty()) {
        try {
            PublishGuard guard(db_dir_);
            exchange_directories(target_aside_, db_dir_);
        } catch (const fs::filesystem_error&) {
            return;  // the stub and its shards stay, as after kill -9: the next run merges them
        }
    }
    close_head();
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
        AnalysisWorker worker(tagger_);
        PendingBatch pending(limits_);
        for (;;) {
            shard.queue.pop(batch);
            if (!batch) {
                input_ended = true;
                break;
            }
            write_batch(worker, pending, shard, *batch);
        }
        finish_shard(shard, worker);
    } catch (...) {
        shard.error = std::current_exception();
        shard.failed.store(true, std::memory_order_release);
        // Keep taking batches so that add() never waits on a dead shard — unless
        // the input had ended (a failed commit): no more will come.
        while (!input_ended) {
            shard.queue.pop(batch);
            input_ended = !batch;
        }
    }
}

// Stem synonyms in one pass at the end (a shard is read only once complete), over all
// its segments, into the last one; compaction merges the segments' synonym tables.
// Compaction adds up the segments' spelling frequencies, and the shards hold disjoint
// documents, so each shard's own spelling data merges into the right one — computed
// here in parallel rather than after the merge, within the shard's share of the memory
// budget (limits_). A Ctrl-C stops it between steps; the mark comes through the merge,
// and the next run finishes the data. A mark the (empty) target had is not copied into
// the segments: its spelling data does not come into the merge.
void ShardedBuild::finish_shard(Shard& shard, AnalysisWorker& worker) {
    Xapian::WritableDatabase& db = shard.segments->current();
    const Xapian::Database all = shard.segments->all();
    StemSynonyms().record_all(all, db);
    const SpellingRefresh refresh = refresh_spelling(all, db, worker.analyzer, limits_.text_bytes, stop_);
    const std::string name = fs::path(shard.path).filename().string();
    reporter_.detail(name + " written in " + std::to_string(shard.segments->count()) + " segment" +
                     (shard.segments->count() == 1 ? "" : "s"));
    reporter_.detail("spelling data of " + name + ": " + describe(refresh));
    db.set_metadata(std::string(schema::kSpellingStaleKey), refresh.stopped ? "1" : "");
    db.commit();  // left open: its lock is the index's until the merge is published
}

void ShardedBuild::write_batch(AnalysisWorker& worker, PendingBatch& pending, Shard& shard, JobBatch& batch) {
    for (IndexJob& job : batch.jobs) {
        analyse(job, worker.builder);
        // A later occurrence of an id in this run (never new) replaces the earlier one,
        // which the routing put in this same shard.
        const std::uint64_t bytes = job.doc.text.size() + job.doc.title.size();
        shard.segments->write(job.doc.id, job.xdoc, job.is_new, bytes);
        ++(job.is_new ? shard.added : shard.replaced);
        job.xdoc = Xapian::Document();
        reporter_.document(job.is_new ? "added" : "replaced", job.doc.id);
        if (pending.add(bytes)) {
            shard.segments->current().commit();
            pending.reset();
            shard.segments->next_segment_if_full();
        }
    }
}

std::string ShardedBuild::merge() {
    Xapian::Database sources;
    for (auto& shard : shards_)
        for (const std::string& path : shard->segment_paths) sources.add_database(Xapian::Database(path));
    const std::string merged = work_dir_ + "/merged";
    // The target's own metadata (JSONL entries of files that had no documents) comes
    // with the shards, which got it when they were made.
    sources.compact(merged);

    Xapian::WritableDatabase out(merged, Xapian::DB_OPEN);
    out.set_metadata(std::string(schema::kBuildingKey), "");
    for (const auto& [key, value] : metadata_) out.set_metadata(key, value);  // this run's entries, newer
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
    const std::string merged = merge();
    // The new directory takes the place of the user's: it keeps its permissions.
    fs::permissions(merged, fs::status(db_dir_).permissions());
    std::lock_guard lock(target.mutex);
    Xapian::WritableDatabase published;
    {
        // Until it is opened here the new database is unlocked: a second run waits
        // for the guard meanwhile, then finds it locked (publish_guard.h).
        PublishGuard guard(db_dir_);
        exchange_directories(merged, db_dir_);
        published_ = true;
        pause_after_swap_for_tests();
        // Locked before letting go of the shards and the old (empty) target, which
        // are removed with the work directory.
        published = Xapian::WritableDatabase(db_dir_, Xapian::DB_OPEN);
    }
    close_shards();
    close_head();
    target.db.close();
    target.db = published;
}

}  // namespace naba::indexer
