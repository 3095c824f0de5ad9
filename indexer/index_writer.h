// The writer stage of naba-index: applies the jobs of each batch to the database in
// input order (Xapian has one writer), commits every --batch-size documents (or
// earlier, when the pending documents' text passes --max-memory), and at the end
// removes the documents of files that disappeared from a directory argument.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzer.h"
#include "document_builder.h"
#include "index_job.h"
#include "run_report.h"

namespace naba::indexer {

// When a writer commits: after `documents` documents, or as soon as the text of the
// uncommitted documents passes `text_bytes` (Xapian keeps their postings and
// positions in memory until the commit, roughly in proportion to the text).
struct CommitLimits {
    long documents = 2000;
    std::uint64_t text_bytes = std::uint64_t{64} << 20;
};

// Counts documents and text since the last commit against CommitLimits.
class PendingBatch {
  public:
    explicit PendingBatch(const CommitLimits& limits) : limits_(limits) {}
    // Records one written document; true when it is time to commit.
    bool add(std::uint64_t text_bytes) {
        bytes_ += text_bytes;
        return ++documents_ >= limits_.documents || bytes_ >= limits_.text_bytes;
    }
    void reset() { documents_ = 0, bytes_ = 0; }

  private:
    CommitLimits limits_;
    long documents_ = 0;
    std::uint64_t bytes_ = 0;
};

// What each analysis thread owns: the Analyzer's stemmers keep state, so they are
// never shared between threads.
struct AnalysisWorker {
    // `tagger` is shared by all workers (read-only); nullptr: no entity recognition.
    explicit AnalysisWorker(const entities::EntityTagger* tagger) : builder(analyzer, tagger) {}
    Analyzer analyzer;
    DocumentBuilder builder;
};

// Stems as synonyms (schema.h; a no-op with NABA_ANALYSIS no-stem-synonyms). Keeps
// Xapian's synonym table listing, under each stem key (Analyzer::stem_key), the
// written forms of that stem in the index, which QueryParser searches
// (FLAG_AUTO_SYNONYMS) as one OP_SYNONYM term, weighted by BM25 like a single stemmed
// term (searcher/synonym_weights.h). It takes the place of a "Z" + stem posting list
// per word: about a third fewer postings to write (bench/RESULTS.md, "Indexing
// speed"). Forms are never removed: a form whose documents are all gone has no
// postings and adds nothing.
//
// The single writer notes each document's forms (note()) and lists them in one pass
// sorted by key before each commit (flush()): one read of each key's entry per batch,
// to leave out the forms it lists already, and Xapian's read and rewrite of the entry
// only for a key that gets a form (add_synonym reads and rewrites an entry each time
// it moves on to another key), rather than a look-up and an add per form. A form is
// noted once per object (a writer's run) while it remembers fewer than
// `max_remembered` forms; past that a flush forgets them (about 55 bytes a form: a
// run over ten million distinct forms held half a gigabyte), and forms noted again
// are found listed by the next flush.
class StemSynonyms {
  public:
    static constexpr std::size_t kMaxRememberedForms = std::size_t{1} << 18;
    explicit StemSynonyms(std::size_t max_remembered = kMaxRememberedForms) : max_remembered_(max_remembered) {}
    // The forms noted and not forgotten.
    std::size_t remembered() const { return seen_.size(); }
    // note() and flush() at once; returns how many forms it added. For callers that
    // write a few documents and commit themselves (tests).
    std::size_t record(Xapian::WritableDatabase& db, const Xapian::Document& doc);
    // Keeps the free-text terms of `doc` that this object has not seen, with their
    // stem keys, for flush().
    void note(const Xapian::Document& doc);
    // Adds to the table the forms noted since the last flush that it does not list,
    // in key order; returns how many. Call before every commit of the documents noted.
    std::size_t flush(Xapian::WritableDatabase& db);
    // The same as record() for every free-text term of `db`, in one pass over its
    // term list: cheaper per document than record(), for a database nobody reads
    // until it is complete (a shard of a fresh build).
    std::size_t record_all(Xapian::WritableDatabase& db);
    // The same for every free-text term of `terms` (the segments of a shard), listed
    // in `db`, which must be the one of them holding synonyms.
    std::size_t record_all(const Xapian::Database& terms, Xapian::WritableDatabase& db);

  private:
    Analyzer analyzer_;
    std::size_t max_remembered_;
    std::unordered_set<std::string> seen_;                   // forms noted already
    std::vector<std::pair<std::string, std::string>> new_;  // (key, form) to flush
};

class IndexWriter {
  public:
    IndexWriter(SharedDatabase& db, Reporter& reporter, const CommitLimits& limits);
    // finish() if the writer is left without it (a stopped pipeline), except when an
    // exception leaves it: then the open batch is dropped (a fatal error commits
    // nothing more).
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    void apply(JobBatch& batch);

    // For each root in `roots`: deletes the documents under its root term whose
    // source file is not `present` (given its canonical path: a file walked, and a
    // function that gives the document's id term, asked only of a text file's, whose
    // id is its own), and the JSONL entries of those files, so that one that comes back
    // is read again. A document another file still holds goes to that file instead
    // (shared_ids.h). Documents whose docid is set in `found` were found at a file
    // walked by this run: their paths need no reading (an unchanged re-run over many
    // files finds all).
    using PresentTest = std::function<bool(std::string_view path, const std::function<std::string()>& id_term)>;
    void remove_vanished(const std::vector<std::string>& roots, const std::vector<bool>& found,
                         const PresentTest& present);

    // The end of the run for the settles held back (IndexJob::settles): written when
    // the run is `committing` changes of its own anyway, else dropped, their racy
    // marks kept.
    void settle(bool committing);

    void commit();
    // Ends the open batch without committing: its changes, forms listed, go with the
    // run's next commit.
    void finish();

  private:
    // The changes between two commits are one Xapian transaction: Xapian commits by
    // itself every XAPIAN_FLUSH_THRESHOLD changes (10,000) outside one, which would
    // commit documents of a long --batch-size before their forms are listed.
    void begin_batch();  // caller holds db_.mutex
    void commit_batch();  // caller holds db_.mutex
    // Whether `job`, a settle, is held back (taken): while the run has written nothing
    // else, and only a few files' worth.
    bool hold_back(IndexJob& job);
    void write_unsettled();
    void write(IndexJob& job);
    // Sets schema::kSpellingStaleKey before the run's first change to the words.
    void mark_spelling_stale();
    void prune(const IndexJob& job);  // caller holds db_.mutex
    // Documents that left the file `from`: each goes to another file that holds it,
    // or is deleted. Caller holds db_.mutex.
    void remove_or_hand_over(const std::vector<Xapian::docid>& gone, const std::string& from);

    SharedDatabase& db_;
    Reporter& reporter_;
    PendingBatch pending_;
    StemSynonyms synonyms_;
    bool in_batch_ = false;  // a transaction is open
};

// The analysis stage for one job (runs in parallel, one DocumentBuilder per thread):
// builds job.xdoc with the incremental slots and the root term.
void analyse(IndexJob& job, DocumentBuilder& builder);

}  // namespace naba::indexer
