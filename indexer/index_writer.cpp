#include "index_writer.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <map>

#include "analysis_options.h"
#include "shared_ids.h"

namespace naba::indexer {

std::size_t StemSynonyms::record(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
    note(doc);
    return flush(db);
}

void StemSynonyms::note(const Xapian::Document& doc) {
    if (!analysis_options().stem_synonyms) return;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& form = *t;
        // Only words and title words have a stem key; the other prefixed terms (ids
        // above all, new in every document) would only fill the set.
        if (!form.empty() && !schema::is_word_term(form) && !form.starts_with(schema::kTitlePrefix)) continue;
        if (!seen_.insert(form).second) continue;
        if (std::string key = analyzer_.stem_key(form); !key.empty()) new_.emplace_back(std::move(key), form);
    }
}

std::size_t StemSynonyms::flush(Xapian::WritableDatabase& db) {
    // In key order: the table's entries are read in the order they are stored, and
    // add_synonym stays on one key for all its forms.
    std::sort(new_.begin(), new_.end());
    std::size_t added = 0;
    std::vector<std::string> listed;
    for (auto group = new_.begin(); group != new_.end();) {
        const std::string& key = group->first;
        const auto end = std::find_if(group, new_.end(), [&](const auto& entry) { return entry.first != key; });
        listed.assign(db.synonyms_begin(key), db.synonyms_end(key));  // sorted
        for (; group != end; ++group) {
            if (std::binary_search(listed.begin(), listed.end(), group->second)) continue;  // by an earlier run
            db.add_synonym(key, group->second);
            ++added;
        }
    }
    new_.clear();
    if (seen_.size() >= max_remembered_) seen_ = {};  // the memory too, not only the entries
    return added;
}

std::size_t StemSynonyms::record_all(Xapian::WritableDatabase& db) { return record_all(db, db); }

std::size_t StemSynonyms::record_all(const Xapian::Database& terms, Xapian::WritableDatabase& db) {
    if (!analysis_options().stem_synonyms) return 0;
    for (auto t = terms.allterms_begin(); t != terms.allterms_end(); ++t)
        if (seen_.insert(*t).second)
            if (std::string key = analyzer_.stem_key(*t); !key.empty()) new_.emplace_back(std::move(key), *t);
    return flush(db);
}

void analyse(IndexJob& job, DocumentBuilder& builder) {
    if (job.kind != IndexJob::Kind::index) return;
    job.xdoc = builder.build(job.doc);
    job.xdoc.add_value(schema::kSourcePathSlot, job.doc.path);
    if (job.file_sig) {
        set_file_signature(job.xdoc, *job.file_sig);
        job.xdoc.add_value(schema::kFileIdSlot, job.doc.id);  // found in one pass by a re-run
    } else {
        job.xdoc.add_value(schema::kContentHashSlot, encode_u64(job.record_hash));
        job.xdoc.add_value(schema::kRecordLineSlot, encode_u64(static_cast<std::uint64_t>(job.doc.line)));
    }
    if (!job.root.empty()) job.xdoc.add_boolean_term(root_term(job.root));
    if (!job.other_holders.empty()) job.xdoc.add_value(schema::kOtherHoldersSlot, encode_holders(job.other_holders));
}

IndexWriter::IndexWriter(SharedDatabase& db, Reporter& reporter, const CommitLimits& limits)
    : db_(db), reporter_(reporter), pending_(limits) {}

IndexWriter::~IndexWriter() {
    if (!in_batch_) return;
    try {
        if (std::uncaught_exceptions() > 0) {
            std::lock_guard lock(db_.mutex);
            db_.db.cancel_transaction();
        } else {
            finish();
        }
    } catch (const Xapian::Error&) {
        // The run's next commit fails on the open transaction and reports it.
    }
}

void IndexWriter::finish() {
    std::lock_guard lock(db_.mutex);
    if (!in_batch_) return;
    synonyms_.flush(db_.db);
    db_.db.commit_transaction();
    in_batch_ = false;
}

void IndexWriter::begin_batch() {
    if (in_batch_) return;
    db_.db.begin_transaction(false);  // committed by the next commit(), not at its end
    in_batch_ = true;
}

void IndexWriter::commit_batch() {
    synonyms_.flush(db_.db);
    if (in_batch_) db_.db.commit_transaction();
    in_batch_ = false;
    db_.db.commit();
    pending_.reset();
}

void IndexWriter::apply(JobBatch& batch) {
    for (IndexJob& job : batch.jobs) write(job);
}

void IndexWriter::write(IndexJob& job) {
    if (job.settles && hold_back(job)) return;
    // Anything else is committed: the settles held back go first, in input order.
    if (!db_.unsettled.empty()) write_unsettled();
    db_.written = true;
    std::unique_lock lock(db_.mutex);
    begin_batch();
    const char* action = nullptr;
    std::uint64_t text_bytes = 0;
    switch (job.kind) {
        case IndexJob::Kind::touch: {
            Xapian::Document doc = db_.db.get_document(job.docid);
            if (job.file_sig) {
                set_file_signature(doc, *job.file_sig);
            } else {  // a JSONL record that moved to another line
                schema::StoredDocument stored = schema::deserialize(doc.get_data());
                stored.line = job.doc.line;
                doc.set_data(schema::serialize(stored));
                doc.add_value(schema::kRecordLineSlot, encode_u64(static_cast<std::uint64_t>(job.doc.line)));
            }
            db_.db.replace_document(job.docid, doc);
            break;
        }
        case IndexJob::Kind::metadata:
            if (job.file_sig) {  // a touched JSONL file (jsonl_touch_job)
                if (std::optional<JsonlEntry> entry = decode_jsonl_entry(db_.db.get_metadata(job.key))) {
                    entry->sig = *job.file_sig;
                    job.value = encode_jsonl_entry(*entry);
                }
            }
            db_.db.set_metadata(job.key, job.value);
            return;  // tiny; not worth counting towards the batch
        case IndexJob::Kind::prune:
            prune(job);
            break;
        case IndexJob::Kind::index: {
            mark_spelling_stale();
            bool existed = false;
            if (!job.legacy_id_term.empty() && db_.db.term_exists(job.legacy_id_term)) {
                db_.db.delete_document(job.legacy_id_term);
                existed = true;
            }
            synonyms_.note(job.xdoc);
            if (job.is_new) {
                db_.db.add_document(job.xdoc);
            } else {
                const std::string id_term = schema::id_term(job.doc.id);
                existed = existed || db_.db.term_exists(id_term);
                db_.db.replace_document(id_term, job.xdoc);
            }
            ++(existed ? reporter_.counts().replaced : reporter_.counts().added);
            action = existed ? "replaced" : "added";
            text_bytes = job.doc.text.size() + job.doc.title.size();
            job.xdoc = Xapian::Document();  // free the terms now, not when the batch goes
            break;
        }
    }
    if (pending_.add(text_bytes)) commit_batch();
    lock.unlock();
    if (action) reporter_.document(action, job.doc.id);
}

void IndexWriter::prune(const IndexJob& job) {
    // No term says which file a document came from, so this walks the source-path
    // value stream: one pass over the index per changed JSONL file.
    std::vector<Xapian::docid> gone;
    const auto end = db_.db.valuestream_end(schema::kSourcePathSlot);
    for (auto v = db_.db.valuestream_begin(schema::kSourcePathSlot); v != end; ++v) {
        if (*v != job.key) continue;
        const std::string id = schema::id_term_of(db_.db.get_document(v.get_docid()));
        if (!id.empty() && !job.keep_ids->contains(id)) gone.push_back(v.get_docid());
    }
    remove_or_hand_over(gone, job.key);
    forget_holder(db_.db, job.key, *job.keep_ids);
}

void IndexWriter::remove_or_hand_over(const std::vector<Xapian::docid>& gone, const std::string& from) {
    std::map<std::string, long> kept;  // by the file each went to
    for (Xapian::docid id : gone) {
        if (std::string to = hand_over(db_.db, id, from); !to.empty()) {
            ++kept[to];
        } else {
            mark_spelling_stale();
            db_.db.delete_document(id);
            ++reporter_.counts().removed;
        }
    }
    for (const auto& [to, count] : kept) reporter_.note(handed_over_note(from, to, count));
}

void IndexWriter::remove_vanished(const std::vector<std::string>& roots, const std::vector<bool>& found,
                                  const PresentTest& present) {
    std::lock_guard lock(db_.mutex);
    for (const std::string& root : roots) {
        const std::string term = root_term(root);
        std::map<std::string, std::vector<Xapian::docid>> gone;  // by vanished file
        Xapian::ValueIterator paths = db_.db.valuestream_begin(schema::kSourcePathSlot);
        for (auto it = db_.db.postlist_begin(term); it != db_.db.postlist_end(term); ++it) {
            if (*it < found.size() && found[*it]) continue;
            std::string path = skip_to_document(paths, *it) ? *paths : std::string();
            const Xapian::docid docid = *it;
            auto id_term = [&] { return schema::id_term_of(db_.db.get_document(docid)); };
            if (!present(path, id_term)) gone[std::move(path)].push_back(docid);
        }
        for (const auto& [path, ids] : gone) {
            db_.written = true;
            remove_or_hand_over(ids, path);
            // A vanished JSONL file's entry goes with its documents: if the file comes
            // back unchanged, the entry would have it skipped whole, and its documents lost.
            db_.db.set_metadata(jsonl_metadata_key(path), "");
        }
    }
}

bool IndexWriter::hold_back(IndexJob& job) {
    // Past this many files, or bytes, reading them again in every run costs more than
    // the commit that settles them.
    constexpr std::size_t kMaxFiles = 256;
    constexpr std::uint64_t kMaxBytes = 4u << 20;
    const std::uint64_t bytes = job.file_sig ? job.file_sig->size : 0;
    if (db_.written || db_.unsettled.size() >= kMaxFiles || db_.unsettled_bytes + bytes > kMaxBytes) return false;
    db_.unsettled_bytes += bytes;
    db_.unsettled.push_back(std::move(job));
    return true;
}

void IndexWriter::write_unsettled() {
    std::vector<IndexJob> held = std::move(db_.unsettled);
    db_.unsettled.clear(), db_.unsettled_bytes = 0;
    for (IndexJob& job : held) {
        job.settles = false;
        write(job);
    }
}

void IndexWriter::settle(bool committing) {
    if (committing) {
        write_unsettled();
    } else {
        db_.unsettled.clear(), db_.unsettled_bytes = 0;
    }
}

// Set with the first change to the index's words, so that it goes into the same
// commit; a run that changes none (an unchanged re-run) writes no new revision, and
// so no fsync of every table.
void IndexWriter::mark_spelling_stale() {
    if (db_.spelling_marked_stale) return;
    db_.db.set_metadata(std::string(schema::kSpellingStaleKey), "1");
    db_.spelling_marked_stale = true;
}

void IndexWriter::commit() {
    std::lock_guard lock(db_.mutex);
    commit_batch();
}

}  // namespace naba::indexer
