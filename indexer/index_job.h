// The unit of work that flows through naba-index's pipeline: the reader stage fills
// a JobBatch, the analysis stage builds the Xapian documents, the writer stage
// applies the jobs to the database in input order.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "file_signature.h"
#include "schema.h"

namespace naba::indexer {

struct IndexJob {
    enum class Kind {
        index,     // analyse doc and replace the document with its id
        touch,     // unchanged file with a new mtime: update the stored signature only;
                   // or an unchanged JSONL record on another line: update its line only
        metadata,  // set a metadata key (a JSONL file finished: its signature); with
                   // file_sig, a touched JSONL file's entry gets that signature only
        prune,     // a re-read JSONL file finished: remove its documents whose ids it no longer has
    };
    Kind kind = Kind::index;
    schema::StoredDocument doc;             // index
    std::optional<FileSignature> file_sig;  // index (text files), touch, metadata (touched JSONL file)
    std::uint64_t record_hash = 0;          // index (JSONL records)
    std::string root;                       // index: canonical directory argument, or ""
    // index: the reader found no document with this id in the database and it is the
    // id's first occurrence in this run, so the writer may add_document without the
    // look-up replace_document(id term) does.
    bool is_new = false;
    // index: the document of the same file under the id an earlier naba-index gave
    // its non-UTF-8 name (InputFile::legacy_id), as an id term, to delete; or "".
    std::string legacy_id_term;
    // index: the other files that held the id (shared_ids.h), oldest first.
    std::vector<std::string> other_holders;
    Xapian::Document xdoc;                  // index: built by the analysis stage
    Xapian::docid docid = 0;                // touch
    // touch, metadata (touched JSONL file): it only clears the racy mark of a file
    // found unchanged (file_signature.h). The writer holds it back while the run has
    // written nothing else, and drops it if the run commits nothing else: the mark
    // stays, and the next run checks the file's content again, which costs less than
    // a commit (an fsync of every table) for a few files.
    bool settles = false;
    std::string key, value;                 // metadata; prune: key = the file's canonical path
    std::shared_ptr<const std::unordered_set<std::string>> keep_ids;  // prune: the file's id terms
};

// Constructors for each kind (named, so a call says which fields it sets).
inline IndexJob text_job(schema::StoredDocument&& doc, const FileSignature& sig, const std::string& root) {
    IndexJob job;
    job.doc = std::move(doc), job.file_sig = sig, job.root = root;
    return job;
}
inline IndexJob record_job(schema::StoredDocument&& doc, std::uint64_t hash, const std::string& root) {
    IndexJob job;
    job.doc = std::move(doc), job.record_hash = hash, job.root = root;
    return job;
}
inline IndexJob touch_job(Xapian::docid docid, const FileSignature& sig) {
    IndexJob job;
    job.kind = IndexJob::Kind::touch, job.docid = docid, job.file_sig = sig;
    return job;
}
inline IndexJob relocate_job(Xapian::docid docid, long line) {
    IndexJob job;
    job.kind = IndexJob::Kind::touch, job.docid = docid, job.doc.line = line;
    return job;
}
inline IndexJob metadata_job(std::string key, std::string value) {
    IndexJob job;
    job.kind = IndexJob::Kind::metadata, job.key = std::move(key), job.value = std::move(value);
    return job;
}
// A JSONL file touched but not changed (`entry` with its new signature). The writer
// keeps what the stored entry says by then: a document handed to the file earlier in
// this run (shared_ids.h) marked it for a read, which `entry`, older, does not have.
inline IndexJob jsonl_touch_job(std::string key, const JsonlEntry& entry) {
    IndexJob job = metadata_job(std::move(key), encode_jsonl_entry(entry));
    job.file_sig = entry.sig;
    return job;
}

inline IndexJob prune_job(std::string path, std::unordered_set<std::string>&& id_terms) {
    IndexJob job;
    job.kind = IndexJob::Kind::prune, job.key = std::move(path);
    job.keep_ids = std::make_shared<const std::unordered_set<std::string>>(std::move(id_terms));
    return job;
}

struct JobBatch {
    std::vector<IndexJob> jobs;
    std::uint64_t bytes = 0;  // input bytes the reader consumed for this batch
    long files = 0;           // input files the reader finished in this batch
};

// The one WritableDatabase, shared by the reader stage (look-ups) and the writer
// stage (updates). Xapian objects are not thread-safe, so every use holds `mutex`.
struct SharedDatabase {
    Xapian::WritableDatabase db;
    std::mutex mutex;
    // This run has set schema::kSpellingStaleKey: it is about to change the words of
    // the index (IndexWriter::mark_spelling_stale).
    bool spelling_marked_stale = false;
    // The writer's settles held back (IndexJob::settles), in input order, and their
    // files' bytes; whether the writer has written anything else in this run.
    std::vector<IndexJob> unsettled{};
    std::uint64_t unsettled_bytes = 0;
    bool written = false;
};

}  // namespace naba::indexer
