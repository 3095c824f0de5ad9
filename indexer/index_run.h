// One run of naba-index: opens the database (Xapian's lock makes a second writer
// fail at once), then streams the input files through a oneTBB pipeline — a serial
// reader that skips what did not change, parallel analysis (one Analyzer and
// DocumentBuilder per thread: the stemmers are not thread-safe), and a serial writer
// that replaces documents in input order and commits in batches — and finally removes
// the documents of files that disappeared from the directory arguments.
// Into an empty index with more than one thread it builds shards in parallel and
// merges them instead (shard_build.h says why that is safe only then).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "analyzer.h"
#include "entities/entity_tagger.h"
#include "file_signature.h"
#include "index_job.h"
#include "index_writer.h"
#include "input_walker.h"
#include "run_report.h"

namespace naba::indexer {

struct RunSettings {
    std::string db_dir;
    CommitLimits commit;  // --batch-size, --max-memory
    std::uintmax_t max_file_bytes = 64u << 20;
    Verbosity verbosity = Verbosity::normal;
    bool progress = false;
    bool delete_vanished = true;  // false with --no-delete
    int jobs = 0;                 // analysis threads; 0: one per core
    bool entities = true;         // false with --no-entities
    bool stemmed_terms = false;   // --stemmed-terms: a new index gets "Z" terms, not stem synonyms
    // --gazetteer: the text of the user's extra entities (checked); none: keep the
    // entries an earlier run stored in the index.
    std::optional<std::string> user_gazetteer;
    // Taken when the settings are made, before the inputs are walked (input_reader.h).
    std::int64_t run_start_ns = file_clock_now_ns();
};

class IndexRun {
  public:
    // Opens (or creates) the database; throws Xapian::Error on failure.
    explicit IndexRun(const RunSettings& settings);

    // Indexes everything `walk` found; reports its problems as skips. Stops early
    // (having committed what was done) when interrupt_signal() is set.
    void run(const WalkResult& walk);

    const RunCounts& counts() const { return reporter_.counts(); }
    bool interrupted() const { return interrupted_; }

  private:
    void run_pipeline(const std::vector<InputFile>& files);
    void run_sharded(const std::vector<InputFile>& files, int shards);
    void keep_stemming();
    void finish_stopped_build();
    void remove_vanished(const WalkResult& walk);
    void load_entities();
    void refresh_analysis();
    void refresh_entities();
    // The tagger of the index's gazetteer (nullptr without entities), built with the
    // gazetteer on first use by any thread: parsing the gazetteer and the tagger's
    // tables take a few milliseconds, which a run that analyses nothing (every file
    // unchanged) need not spend.
    const entities::EntityTagger* tagger();

    RunSettings settings_;
    Reporter reporter_;
    SharedDatabase db_;
    // Shared read-only by the analysis threads (tagging is const and thread-safe).
    Analyzer entity_analyzer_;
    // The user's gazetteer entries stored in the index, read by load_entities (no
    // value: entities are off).
    std::optional<std::string> user_gazetteer_;
    std::unique_ptr<entities::Gazetteer> gazetteer_;
    std::unique_ptr<entities::EntityTagger> tagger_;
    std::once_flag tagger_built_;
    // By docid: the documents the reader found at a file walked (InputReader::found()).
    std::vector<bool> found_docids_;
    bool interrupted_ = false;
    bool spelling_done_ = false;  // the sharded build refreshes it before publishing
    bool spelling_was_stale_ = false;  // an earlier run stopped before refreshing it
};

}  // namespace naba::indexer
