#include "index_run.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "analysis_fingerprint.h"
#include "analysis_options.h"
#include "analyzer.h"
#include "build_stub.h"
#include "document_builder.h"
#include "document_refresh.h"
#include "index_writer.h"
#include "input_reader.h"
#include "schema.h"
#include "interrupt.h"
#include "language_stats.h"
#include "publish_guard.h"
#include "shard_build.h"
#include "spelling_data.h"
#include "stored_gazetteer.h"

namespace naba::indexer {
namespace {

int thread_count(int requested) {
    if (requested > 0) return requested;
    // As many as an explicit --jobs may ask for: each thread of a fresh build holds a
    // shard database open (file handles).
    const unsigned cores = std::min(std::thread::hardware_concurrency(), 256u);
    return cores ? static_cast<int>(cores) : 1;
}

}  // namespace

namespace {

// The file that makes a folder a Xapian database: a backend's version file, or a stub.
bool database_marker(const std::string& name) {
    return name == "iamglass" || name == "iamchert" || name == "iamhoney" || name == schema::kStubFileName;
}

// Xapian's own files in a database folder: the marker, the glass tables, the lock, a
// temporary file of a commit.
bool xapian_file(const std::string& name) {
    return database_marker(name) || name == "flintlock" || name.ends_with(".glass") || name.ends_with(".tmp");
}

// A --db folder that holds other files and no database is the user's (the folder to
// index, named as the index by mistake): Xapian would write into it, and the parallel
// build would swap it away with everything in it.
void refuse_user_folder(const std::string& db_dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(db_dir, ec)) return;
    std::string other;
    for (const auto& entry : std::filesystem::directory_iterator(db_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (database_marker(name)) return;
        if (other.empty() && !xapian_file(name)) other = name;
    }
    if (!other.empty())
        throw std::runtime_error(db_dir + " holds files that are not a Xapian index (" + other +
                                 "); give --db a new or empty folder, or an index naba-index built");
}

// A database whose creation was cut short (kill -9, or SIGTERM before the run's
// handlers are installed) holds Xapian's table files but not its version file, which
// Xapian writes last: nothing can open it, every later run failed on it, and it holds
// nothing. Its files are removed so that it is made again. Called under the
// PublishGuard, so no other naba-index run is creating it at this moment.
void clear_unfinished_creation(const std::string& db_dir, Reporter& reporter) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> tables;
    for (const auto& entry : fs::directory_iterator(db_dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (database_marker(name) || !xapian_file(name)) return;  // a database, or the user's files
        if (name != "flintlock") tables.push_back(entry.path());
    }
    if (ec || tables.empty()) return;
    for (const fs::path& table : tables) fs::remove(table);
    reporter.note(db_dir + " was left half-created by a stopped run (no version file); creating it again");
}

// Another program's Xapian database (its documents are not Naba records) is left
// alone: nothing may be written to it, metadata included.
void refuse_foreign_index(const Xapian::Database& db, const std::string& db_dir) {
    if (db.get_doccount() > 0 && !schema::is_naba_index(db))
        throw std::runtime_error("--db " + db_dir +
                                 " is a Xapian index that was not built by naba-index; index into another --db");
}

// Opens (or creates) the index. A stub a stopped fresh build left opens as its shards,
// all locked; if they are gone (someone removed DIR.naba-build), so is its work, and
// the index starts again. Shards that are there but cannot be opened (too few file
// handles, permissions) are an error: they hold the work.
Xapian::WritableDatabase open_target(const std::string& db_dir, Reporter& reporter) {
    // Not while another run is putting a new database in this place (publish_guard.h).
    PublishGuard guard(db_dir);
    if (schema::is_build_stub(db_dir)) {
        try {
            return Xapian::WritableDatabase(db_dir, Xapian::DB_OPEN);  // never creates a missing shard
        } catch (const Xapian::DatabaseNotFoundError& e) {
            reporter.note("the shards of the build a stopped run left in " + db_dir + " are gone (" +
                          e.get_msg() + "): building the index again");
            std::filesystem::remove(db_dir + "/" + std::string(schema::kStubFileName));
        }
    }
    refuse_user_folder(db_dir);
    clear_unfinished_creation(db_dir, reporter);
    Xapian::WritableDatabase db(db_dir, Xapian::DB_CREATE_OR_OPEN);
    refuse_foreign_index(db, db_dir);
    return db;
}

// The parallel build swaps the index folder for a stub and then for the merged
// database, so it needs a database folder of its own: never a user's stub file or
// folder naming other (empty) indexes, which the swap would replace and delete, nor a
// folder with files of the user's beside the database, nor the working directory
// (or a folder above it): relative input paths would move with it.
bool own_directory(const std::string& db_dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(db_dir, ec) || fs::exists(db_dir + "/" + std::string(schema::kStubFileName), ec)) return false;
    for (const auto& entry : fs::directory_iterator(db_dir, ec))
        if (!xapian_file(entry.path().filename().string())) return false;
    const fs::path target = fs::canonical(db_dir, ec), cwd = fs::current_path(ec);
    if (ec) return false;
    const fs::path inside = cwd.lexically_relative(target);
    return !inside.empty() && *inside.begin() == "..";
}

}  // namespace

IndexRun::IndexRun(const RunSettings& settings)
    : settings_(settings),
      reporter_(settings.verbosity, settings.progress),
      db_{open_target(settings.db_dir, reporter_), {}} {}

namespace {

// How an index without schema::kStemmingKey holds stems, from what it holds: a stem
// synonym means synonyms, a "Z" term stemmed terms; nullopt when it says neither.
std::optional<bool> stored_stem_synonyms(const Xapian::Database& db) {
    const std::string kind = db.get_metadata(std::string(schema::kStemmingKey));
    if (!kind.empty()) return kind == "synonyms";
    if (db.synonym_keys_begin() != db.synonym_keys_end()) return true;
    const std::string z(schema::kStemPrefix);
    if (db.allterms_begin(z) != db.allterms_end(z)) return false;
    return std::nullopt;
}

// An index of stem synonyms with documents and an empty synonym table is what
// naba-search sees through Xapian's remote backend, which does not serve the table;
// one that has no group to serve (numbers and stop words only) says so, or its
// searches would be told that stems are not matched. Returns whether it changed.
bool mark_stem_groups(Xapian::WritableDatabase& db) {
    const std::string key(schema::kNoStemGroupsKey), value = schema::shows_no_stem_groups(db) ? "1" : "";
    if (db.get_metadata(key) == value) return false;
    db.set_metadata(key, value);
    return true;
}

}  // namespace

// An index keeps the way it holds stems (schema::kStemmingKey): documents indexed the
// other way would be weighed differently (a stemmed term and its form count twice in
// a synonym group, and make a document longer). Recorded in a new index at once.
void IndexRun::keep_stemming() {
    std::lock_guard lock(db_.mutex);
    const bool wanted = !settings_.stemmed_terms && default_stem_synonyms();
    const std::optional<bool> stored = stored_stem_synonyms(db_.db);
    const bool kind = stored.value_or(wanted);
    set_stem_synonyms(kind);
    if (kind != wanted)
        reporter_.note(std::string("this index holds stems as ") + (kind ? "synonyms" : "stemmed terms") +
                       " and keeps doing so; index into a new --db to change that");
    const std::string name = kind ? "synonyms" : "terms";
    if (db_.db.get_metadata(std::string(schema::kStemmingKey)) != name) {
        db_.db.set_metadata(std::string(schema::kStemmingKey), name);
        db_.db.commit();
    }
}

void IndexRun::run(const WalkResult& walk) {
    keep_stemming();
    finish_stopped_build();
    for (const auto& problem : walk.problems) reporter_.skip(problem.path, "unreadable path", problem.message);
    if (settings_.progress) {
        std::uint64_t bytes = 0;
        for (const InputFile& f : walk.files) bytes += f.sig ? f.sig->size : 0;
        reporter_.set_totals(bytes, static_cast<long>(walk.files.size()));
    }
    if (settings_.entities) load_entities();
    refresh_analysis();  // re-tags too: entities come with the documents built again
    if (settings_.entities) refresh_entities();
    const int threads = thread_count(settings_.jobs);
    bool fresh = false;
    {
        std::lock_guard lock(db_.mutex);
        fresh = db_.db.get_doccount() == 0;
    }
    if (fresh && threads > 1 && own_directory(settings_.db_dir)) {
        run_sharded(walk.files, threads);
    } else {
        run_pipeline(walk.files);
    }
    interrupted_ = interrupt_signal().load() != 0;
    // An interrupted run has not seen every file, so it cannot tell what vanished.
    if (!interrupted_ && settings_.delete_vanished) remove_vanished(walk);
    // Spelling data follows the words' document frequencies; an unchanged run (or an
    // interrupted one, which should stop fast) leaves it as it is.
    const RunCounts& c = reporter_.counts();
    bool committing = db_.written;  // this run writes a new revision anyway
    if (!interrupted_ && !spelling_done_ &&
        (c.added + c.replaced + c.removed > 0 || spelling_was_stale_ || db_.spelling_marked_stale)) {
        // A large refresh stops between its steps at Ctrl-C, its data marked stale for
        // the next run to finish (a million new words take tens of seconds).
        const SpellingRefresh refresh =
            refresh_spelling(db_.db, Analyzer(), settings_.commit.text_bytes, &interrupt_signal());
        reporter_.detail("spelling data: " + describe(refresh));
        db_.db.set_metadata(std::string(schema::kSpellingStaleKey), refresh.stopped ? "1" : "");
        interrupted_ = refresh.stopped;
        committing = true;
    }
    // Per-language statistics for naba-search's BM25 (language_stats.h), counted again
    // after any change, and for an index that has none yet or whose last run stopped.
    if (!interrupted_ && (c.added + c.replaced + c.removed > 0 || !language_stats_current(db_.db))) {
        store_language_stats(db_.db);
        committing = true;
    }
    committing = mark_stem_groups(db_.db) || committing;
    IndexWriter last(db_, reporter_, settings_.commit);
    last.settle(committing && !interrupted_);  // else the racy marks stay for the next run
    last.commit();
    reporter_.end_progress();
}

void IndexRun::run_pipeline(const std::vector<InputFile>& files) {
    const int threads = thread_count(settings_.jobs);
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    ReaderSettings reader_settings;
    reader_settings.max_file_bytes = settings_.max_file_bytes;
    reader_settings.stop = &interrupt_signal();
    reader_settings.run_start_ns = settings_.run_start_ns;
    reader_settings.prune_records = settings_.delete_vanished;
    {
        // The writer sets it again with its first change (mark_spelling_stale).
        std::lock_guard lock(db_.mutex);
        spelling_was_stale_ = !db_.db.get_metadata(std::string(schema::kSpellingStaleKey)).empty();
    }
    InputReader reader(files, db_, reporter_, reader_settings);
    IndexWriter writer(db_, reporter_, settings_.commit);
    tbb::enumerable_thread_specific<std::unique_ptr<AnalysisWorker>> workers(
        [this] { return std::make_unique<AnalysisWorker>(tagger()); });

    using Batch = std::shared_ptr<JobBatch>;
    auto read = [&](tbb::flow_control& flow) -> Batch {
        auto batch = std::make_shared<JobBatch>();
        if (!reader.next(*batch)) flow.stop();
        return batch;
    };
    auto build = [&](Batch batch) -> Batch {
        AnalysisWorker* worker = nullptr;  // made for the first document to analyse
        for (IndexJob& job : batch->jobs) {
            if (job.kind != IndexJob::Kind::index) continue;
            if (!worker) worker = workers.local().get();
            analyse(job, worker->builder);
        }
        return batch;
    };
    // Progress counts what was written, not what was read ahead.
    std::uint64_t bytes_written = 0;
    long files_written = 0;
    auto write = [&](Batch batch) {
        writer.apply(*batch);
        bytes_written += batch->bytes, files_written += batch->files;
        reporter_.progress(bytes_written, files_written);
    };
    // A few batches in flight per thread keep every stage busy; memory stays bounded
    // by tokens x batch size.
    tbb::parallel_pipeline(static_cast<std::size_t>(threads) * 4,
                           tbb::make_filter<void, Batch>(tbb::filter_mode::serial_in_order, read) &
                               tbb::make_filter<Batch, Batch>(tbb::filter_mode::parallel, build) &
                               tbb::make_filter<Batch, void>(tbb::filter_mode::serial_in_order, write));
    writer.finish();
    reporter_.progress(bytes_written, files_written, true);  // the last count, whatever the throttle
    found_docids_ = reader.take_found();
}

// A fresh build on several threads that was stopped by kill -9 (or a crash) left the
// index as a stub listing its shards (build_stub.h): they are merged into the index
// before this run reads anything, so that it goes on from there. Otherwise a work
// directory beside the index is what a killed build left (after its merged index took
// the folder's place, or before its stub did): only a run holding the index's lock,
// as this one does, uses it, so it goes.
void IndexRun::finish_stopped_build() {
    if (!schema::is_build_stub(settings_.db_dir)) {
        std::error_code ec;
        const std::string work = build_work_dir(settings_.db_dir);
        if (std::filesystem::exists(work, ec)) {
            std::filesystem::remove_all(work, ec);
            reporter_.note((ec ? "cannot remove " + work + " (" + ec.message() + ")" : "removed " + work) +
                           ", left by a stopped run");
        }
        // A stopped build's stub merged by other means (xapian-compact) still says it
        // is being built, and its documents' stems and words were never listed.
        std::lock_guard lock(db_.mutex);
        if (db_.db.get_metadata(std::string(schema::kBuildingKey)).empty()) return;
        reporter_.note(settings_.db_dir + " was merged by hand from a stopped build: listing the stems and words of its " +
                       count_of(db_.db.get_doccount(), "document"));
        complete_merged_build(db_.db, settings_.commit.text_bytes, &interrupt_signal());
        db_.db.commit();
        return;
    }
    std::lock_guard lock(db_.mutex);
    const long documents = db_.db.get_doccount();
    reporter_.note("finishing the build a stopped run left in " + settings_.db_dir + ": merging the " +
                   count_of(documents, "document") + " it committed");
    db_.db = naba::indexer::finish_stopped_build(settings_.db_dir, db_.db, settings_.commit.text_bytes,
                                                 &interrupt_signal());
    reporter_.counts().merged = documents;
}

// The reader runs here, in the calling thread: it is cheap next to the shards, each
// of which analyses and writes its documents in a thread of its own.
void IndexRun::run_sharded(const std::vector<InputFile>& files, int shards) {
    ReaderSettings reader_settings;
    reader_settings.max_file_bytes = settings_.max_file_bytes;
    reader_settings.stop = &interrupt_signal();
    reader_settings.run_start_ns = settings_.run_start_ns;
    reader_settings.prune_records = false;  // an empty index has no old records
    std::unique_ptr<ShardedBuild> sharded;
    try {
        sharded = std::make_unique<ShardedBuild>(settings_.db_dir, shards, settings_.commit, reporter_, tagger(),
                                                 db_, &interrupt_signal());
    } catch (const std::filesystem::filesystem_error& e) {
        // The shards live beside the index; without room there (or when the index
        // folder cannot be swapped: a mount point) one writer still works.
        std::error_code ec;
        std::filesystem::remove_all(build_work_dir(settings_.db_dir), ec);
        reporter_.note("cannot build in parallel beside " + settings_.db_dir + " (" + e.code().message() +
                       "); indexing with one writer");
        run_pipeline(files);
        return;
    }
    ShardedBuild& build = *sharded;
    InputReader reader(files, db_, reporter_, reader_settings);
    std::uint64_t bytes_read = 0;
    long files_read = 0;
    JobBatch batch;
    while (reader.next(batch)) {
        bytes_read += batch.bytes, files_read += batch.files;
        build.add(std::move(batch));
        batch = JobBatch();
        reporter_.progress(bytes_read, files_read);  // read ahead of the writing by a few batches only
    }
    reporter_.progress(bytes_read, files_read, true);  // the last count, whatever the throttle
    build.publish(db_);
    spelling_done_ = true;
}

// The user's --gazetteer entries replace those an earlier run stored in the index;
// without --gazetteer the stored ones are used, so every run tags alike. Committed at
// once: a fresh build on several threads publishes a new database, which takes over
// the committed metadata only.
void IndexRun::load_entities() {
    std::lock_guard lock(db_.mutex);
    if (settings_.user_gazetteer) {
        db_.db.set_metadata(std::string(schema::kUserGazetteerKey), *settings_.user_gazetteer);
        db_.db.commit();
    }
    user_gazetteer_ = db_.db.get_metadata(std::string(schema::kUserGazetteerKey));
}

const entities::EntityTagger* IndexRun::tagger() {
    std::call_once(tagger_built_, [this] {
        if (!user_gazetteer_) return;
        gazetteer_ = std::make_unique<entities::Gazetteer>(stored_gazetteer(*user_gazetteer_));
        tagger_ = std::make_unique<entities::EntityTagger>(*gazetteer_, entity_analyzer_);
    });
    return tagger_.get();
}

// Documents analysed another way (an earlier Naba, other NABA_ANALYSIS switches) are
// built again from their stored records before this run's inputs are read, so that
// their words match what this version makes of a query; a new index just records
// what analyses it.
void IndexRun::refresh_analysis() {
    const std::string fingerprint = analysis_fingerprint();
    Xapian::doccount total = 0;
    {
        std::lock_guard lock(db_.mutex);
        const std::string stored = db_.db.get_metadata(std::string(schema::kAnalysisKey));
        if (stored == fingerprint) return;
        total = db_.db.get_doccount();
        if (total == 0) {
            db_.db.set_metadata(std::string(schema::kAnalysisKey), fingerprint);
            db_.db.commit();  // committed: a sharded build keeps committed metadata only
            return;
        }
        const std::string why =
            stored.empty()                            ? "this index was built by an earlier naba-index"
            : stored.starts_with(kAnalysisInProgress) ? "this index's last re-analysis was stopped"
                                                      : "this index was analysed another way (now " +
                                                            fingerprint_difference(stored, fingerprint) + ")";
        reporter_.note(why + ": re-analysing its " + count_of(static_cast<long>(total), "document") +
                       " from their stored text");
    }
    const entities::EntityTagger* entity_tagger = settings_.entities ? tagger() : nullptr;
    std::string entity_key;
    if (entity_tagger) {
        std::lock_guard lock(db_.mutex);
        entity_key = entity_fingerprint(db_.db);
    }
    const long done = reanalyse_all(db_, entity_tagger, thread_count(settings_.jobs), settings_.commit, fingerprint,
                                    entity_key, interrupt_signal());
    reporter_.counts().reanalysed = done;
    if (done < static_cast<long>(total))
        reporter_.note("stopped after re-analysing " + std::to_string(done) + " of " +
                       count_of(static_cast<long>(total), "document") + "; run naba-index again to finish");
    else
        reporter_.note("re-analysed " + count_of(done, "document"));
}

// Documents tagged with another gazetteer (or tagger version) are re-tagged before
// this run's inputs are read; a new index just records what tags it.
void IndexRun::refresh_entities() {
    // A run stopped during its re-analysis does not start re-tagging what it left.
    if (interrupt_signal().load()) return;
    const std::string key(schema::kEntityFingerprintKey);
    std::string fingerprint;
    long total = 0;
    {
        std::lock_guard lock(db_.mutex);
        fingerprint = entity_fingerprint(db_.db);
        if (db_.db.get_metadata(key) == fingerprint) return;
        total = static_cast<long>(db_.db.get_doccount());
        if (total == 0) {
            db_.db.set_metadata(key, fingerprint);
            db_.db.commit();  // committed: a sharded build keeps committed metadata only
            return;
        }
    }
    reporter_.note("the gazetteer or the entity recognition changed since this index was built: re-tagging its " +
                   count_of(total, "document"));
    AnalysisWorker worker(tagger());
    const long done = retag_all(db_, worker.builder, settings_.commit, fingerprint, interrupt_signal());
    reporter_.counts().retagged = done;
    if (done < total)
        reporter_.note("stopped after re-tagging " + std::to_string(done) + " of " + count_of(total, "document") +
                       "; run naba-index again to finish");
    else
        reporter_.note("re-tagged " + count_of(done, "document"));
}

void IndexRun::remove_vanished(const WalkResult& walk) {
    // Made when a document needs it: an unchanged re-run finds every document at a
    // file it walked (found_docids_), and then the set of every path (a tenth of such
    // a run over 20,000 small files) is never asked.
    std::optional<std::unordered_map<std::string_view, const InputFile*>> present;
    auto is_present = [&](std::string_view path, const std::function<std::string()>& id_term) {
        if (!present) {
            present.emplace(walk.files.size());
            for (const InputFile& f : walk.files)
                if (!f.root.empty()) present->emplace(f.canonical, &f);
        }
        const auto it = present->find(path);
        if (it == present->end()) return false;
        // A text file's document has its id: one under another id at its path is what
        // an earlier run indexed when the file was reached through a second folder
        // argument too ("in in/sub"), now taken under the outer one's id only.
        const InputFile& f = *it->second;
        if (f.kind == InputKind::jsonl) return true;
        const std::string term = id_term();
        return term == schema::id_term(f.id) || (!f.legacy_id.empty() && term == schema::id_term(f.legacy_id));
    };
    IndexWriter(db_, reporter_, settings_.commit).remove_vanished(walk.complete_roots, found_docids_, is_present);
}

}  // namespace naba::indexer
