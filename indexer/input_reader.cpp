#include "input_reader.h"

#include <algorithm>
#include <cerrno>

#include "input_fd.h"
#include "shared_ids.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba::indexer {
namespace fs = std::filesystem;
namespace {

// About this much of a JSONL file (whole lines) per step, so that a batch fills in
// steps and a stop request is seen within a few hundred documents.
constexpr std::size_t kJsonlRunBytes = 256u << 10;

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A document with nothing to search is skipped, from a text file or a JSONL line
// alike; a headline alone is kept.
bool nothing_to_search(const schema::StoredDocument& doc) { return is_blank(doc.text) && is_blank(doc.title); }

// What a file found unchanged by its content needs stored when its signature differs
// from the stored one (`stored`): its new times (touched), only the end of its racy
// mark (IndexJob::settles), or nothing (racy then and racy still: the same values).
enum class Touch { none, settle, store };
Touch touch_for(const FileSignature& stored, const FileSignature& now) {
    if (!stored.same_times(now)) return Touch::store;
    if (stored.racy && now.racy) return Touch::none;
    return stored.racy ? Touch::settle : Touch::store;
}

constexpr const char* kBinary = "the file contains NUL bytes (binary, or UTF-16 text: convert it to UTF-8)";

}  // namespace

InputReader::InputReader(const std::vector<InputFile>& files, SharedDatabase& db, Reporter& reporter,
                         const ReaderSettings& settings)
    : files_(files), db_(db), reporter_(reporter), settings_(settings) {
    const auto text_files = static_cast<std::size_t>(
        std::count_if(files.begin(), files.end(), [](const InputFile& f) { return f.kind != InputKind::jsonl; }));
    std::lock_guard lock(db_.mutex);
    if (StoredTextFiles::worth_reading(text_files, db_.db.get_doccount())) stored_text_.emplace(db_.db);
}

bool InputReader::batch_full(const JobBatch& batch) const {
    return batch.jobs.size() >= settings_.batch_documents || batch.bytes >= settings_.batch_bytes;
}

bool InputReader::next(JobBatch& batch) {
    while (!batch_full(batch)) {
        if (settings_.stop && settings_.stop->load()) {
            stopped_ = true;
            break;
        }
        if (jsonl_) {
            read_jsonl_chunk(batch);
        } else if (next_file_ < files_.size()) {
            read_file(files_[next_file_++], batch);
        } else {
            break;
        }
    }
    return !batch.jobs.empty() || (!stopped_ && (jsonl_ || next_file_ < files_.size()));
}

void InputReader::read_file(const InputFile& file, JobBatch& batch) {
    const std::string& where = file.path;
    // Taken by the walk (input_walker.h), after the run's start.
    std::optional<FileSignature> sig = file.sig;
    if (!sig)
        return reporter_.skip(where, "unreadable", std::generic_category().message(file.stat_error)),
               void(++batch.files);
    sig->racy = racily_clean(*sig, settings_.run_start_ns);
    ++reporter_.counts().files;
    const std::string& path = file.canonical;
    if (file.kind == InputKind::jsonl) {
        open_jsonl(file, path, *sig, batch);
        if (!jsonl_) ++batch.files;  // else counted when its last chunk is read
        return;
    }
    ++batch.files;
    batch.bytes += sig->size;
    if (sig->size > settings_.max_file_bytes)
        return reporter_.skip(where, "too large", std::to_string(sig->size) + " bytes is over the limit of " +
                                                      std::to_string(settings_.max_file_bytes) +
                                                      " (raise it with --max-size)");
    read_text(file, path, *sig, batch);
}

void InputReader::read_text(const InputFile& file, const std::string& path, FileSignature sig, JobBatch& batch) {
    const std::string& where = file.path;
    if (!schema::id_fits_one_line(file.id))
        return reporter_.skip(where, "unusable name",
                              "the file name has a tab or line break, which its id cannot (ids are printed one "
                              "per line): rename the file");
    const bool first = first_time(file.id, where);
    if (const Xapian::docid found = first ? unchanged_on_record(file.id, path, sig) : 0)
        return mark_found(file, found), void(++reporter_.counts().unchanged);
    const std::optional<Existing> old = existing(file.id);
    // A file read earlier in this run had the id: this one replaces its document.
    const bool same_file = first && old && old->path == path;
    // Same size and times (and not racy): unchanged without reading a byte.
    if (same_file && old->sig.same_stat(sig)) return mark_found(file, old->docid), void(++reporter_.counts().unchanged);

    std::string bytes;
    if (!read_bytes(file.path, where, sig.size, bytes)) return;
    sig.hash = content_hash(bytes);
    if (same_file && old->sig.hash == sig.hash) {
        // Touched (or stored racy) but not changed: store the new times so that the
        // next run needs no read.
        ++reporter_.counts().unchanged;
        mark_found(file, old->docid);
        if (const Touch touch = touch_for(old->sig, sig); touch != Touch::none) {
            batch.jobs.push_back(touch_job(old->docid, sig));
            batch.jobs.back().settles = touch == Touch::settle;
        }
        return;
    }
    if (!acceptable(where, bytes)) return;
    std::size_t bad = 0;
    if (!text::is_valid_utf8(bytes, &bad)) {
        reporter_.warn(where, "invalid UTF-8 at byte " + std::to_string(bad) + "; replaced with U+FFFD");
        bytes = text::repair_utf8(bytes);
    }
    ProblemSink problems = [this](const ReadProblem& p) { on_problem(p); };
    schema::StoredDocument doc = parse_text_document(bytes, file.id, path, problems);
    if (nothing_to_search(doc))
        return reporter_.skip(where, "empty", "the file has no text and no title (a header alone)");
    batch.jobs.push_back(text_job(std::move(doc), sig, file.root));
    IndexJob& job = batch.jobs.back();
    if (!old && !file.legacy_id.empty()) {
        if (std::optional<Existing> legacy = existing(file.legacy_id); legacy && legacy->path == path)
            job.legacy_id_term = schema::id_term(file.legacy_id);
    }
    job.is_new = first && !old && job.legacy_id_term.empty();
    job.other_holders = other_holders(file.id, path, old);
}

void InputReader::open_jsonl(const InputFile& file, const std::string& path, FileSignature sig, JobBatch& batch) {
    const std::string& where = file.path;
    const std::string key = jsonl_metadata_key(path);
    std::optional<JsonlEntry> entry;
    {
        std::lock_guard lock(db_.mutex);
        entry = decode_jsonl_entry(db_.db.get_metadata(key));
    }
    // Lines were skipped as too long, and the limit is higher now: read it again.
    const bool limit_raised = entry && entry->long_line_limit != 0 && settings_.max_file_bytes > entry->long_line_limit;
    // A --no-delete run left it unpruned, and this run prunes: read it again.
    const bool prune_due = entry && entry->unpruned && settings_.prune_records;
    const bool same_stat = entry && entry->sig.same_stat(sig);
    if (same_stat && !limit_raised && !prune_due) {
        batch.bytes += sig.size;
        return unchanged_jsonl(where, *entry);
    }
    // Racy (file_signature.h): only the content can say whether it is unchanged, which
    // a read again to prune or for the limit needs to know too (same_as_entry).
    const bool racy_same = entry && !same_stat && entry->sig.same_times(sig);
    std::optional<std::uint64_t> hash;
    if (entry && ((!limit_raised && !prune_due) || racy_same)) {
        // Touched since: a first read only hashes it, so that an unchanged file costs
        // no parsing (and keeps nothing in memory).
        InputFd why;
        hash = hash_file(file.path, &why);
        if (!hash) return skip_unopened(where, why);
        if (*hash == entry->sig.hash && !limit_raised && !prune_due) {
            batch.bytes += sig.size;
            unchanged_jsonl(where, *entry);
            sig.hash = *hash;
            const Touch touch = touch_for(entry->sig, sig);
            if (touch == Touch::none) return;
            entry->sig = sig;
            batch.jobs.push_back(jsonl_touch_job(key, *entry));
            batch.jobs.back().settles = touch == Touch::settle;
            return;
        }
    }
    auto lines = std::make_unique<LineChunkReader>(file.path, kJsonlRunBytes, settings_.max_file_bytes);
    if (!lines->is_open()) return skip_unopened(where, lines->file());
    jsonl_.emplace();
    jsonl_->where = where, jsonl_->path = path, jsonl_->root = file.root, jsonl_->key = key, jsonl_->sig = sig;
    jsonl_->lines = std::move(lines);
    jsonl_->indexed_before = entry.has_value();
    jsonl_->same_as_entry = (same_stat || (racy_same && *hash == entry->sig.hash)) && !limit_raised;
}

void InputReader::unchanged_jsonl(const std::string& where, const JsonlEntry& entry) {
    reporter_.counts().unchanged += static_cast<long>(entry.documents);
    // Its skipped lines are still not indexed: said again, and counted, as on the first
    // run. Only their number was kept (malformed, too large or empty), not the reasons.
    if (entry.skipped_lines)
        reporter_.skip(where, "JSONL line skipped before",
                       count_of(static_cast<long>(entry.skipped_lines), "line") +
                           (entry.skipped_lines == 1 ? " was" : " were") +
                           " skipped when it was indexed (unchanged since; see that run)",
                       static_cast<long>(entry.skipped_lines));
}

void InputReader::read_jsonl_chunk(JobBatch& batch) {
    JsonlFile& f = *jsonl_;
    LineRun run;
    if (!f.lines->next(run)) return finish_jsonl(batch);
    if (run.too_long) {
        f.long_line_limit = settings_.max_file_bytes;
        f.has_content = true;  // not an empty file: its metadata keeps the skip for re-runs
        on_problem({f.path, f.next_line++,
                    "the line is longer than " + std::to_string(settings_.max_file_bytes >> 20) +
                        " MiB (raise the limit with --max-size); line skipped",
                    true, "too large"});
        return;
    }
    if (f.first_run) {
        f.first_run = false;
        // NULs in a first line that does not start as a UTF-8 JSON object: not JSONL
        // at all (UTF-16 text, "{\0" or "\0{", or binary data). A stray NUL inside the
        // first record skips that line only, as in any other line.
        std::string_view first(run.text);
        first = text::without_byte_order_mark(first.substr(0, first.find('\n')));
        const std::size_t start = first.find_first_not_of(" \t\r");
        const bool object = start != std::string_view::npos && first[start] == '{' &&
                            first.substr(start + 1, 1) != std::string_view("\0", 1);
        if (!object && first.find('\0') != std::string_view::npos) {
            reporter_.skip(f.where, "binary", kBinary);
            return finish_jsonl(batch, false);
        }
    }
    batch.bytes += run.text.size();
    f.bytes_counted += run.text.size();
    f.has_content = f.has_content || !is_blank(f.next_line == 1 ? text::without_byte_order_mark(run.text) : run.text);
    ProblemSink problems = [this](const ReadProblem& p) { on_problem(p); };
    parse_jsonl(
        run.text, f.path, [&](schema::StoredDocument&& doc) { add_jsonl_record(std::move(doc), batch); }, problems,
        f.next_line);
    for (char c : run.text) f.next_line += (c == '\n');
}

void InputReader::finish_jsonl(JobBatch& batch, bool read_to_end) {
    JsonlFile& f = *jsonl_;
    ++batch.files;
    // The progress counts the whole file as done, over-long lines and unread bytes too.
    if (f.sig.size > f.bytes_counted) batch.bytes += f.sig.size - f.bytes_counted;
    if (!read_to_end) {
        // Skipped with its reason by the caller.
    } else if (f.lines->failed()) {
        reporter_.skip(f.where, "unreadable",
                       "reading failed at line " + std::to_string(f.next_line) +
                           "; the lines before it are indexed, run again to read the rest");
    } else if (!f.has_content) {
        reporter_.skip(f.where, "empty", "the file is empty");
    } else {
        f.sig.hash = f.lines->hash();
        // Both written after the file's last document, so an interrupted file is read
        // (and pruned) again; the prune is committed with or before the metadata.
        if (settings_.prune_records && f.indexed_before) {
            // An unread line may hold an id that is still there: remove nothing then.
            if (f.unread_lines == 0) {
                batch.jobs.push_back(prune_job(f.path, std::move(f.id_terms)));
            } else {
                reporter_.warn(f.path, count_of(static_cast<long>(f.unread_lines), "line") +
                                           " could not be read, so no document of this file is removed "
                                           "(repair them and run again)");
            }
        }
        const bool unpruned = !settings_.prune_records && f.indexed_before;
        const JsonlEntry entry{f.sig, f.documents, static_cast<std::uint64_t>(f.skipped_lines), f.long_line_limit,
                               unpruned};
        batch.jobs.push_back(metadata_job(f.key, encode_jsonl_entry(entry)));
    }
    jsonl_.reset();
}

void InputReader::add_jsonl_record(schema::StoredDocument&& doc, JobBatch& batch) {
    JsonlFile& f = *jsonl_;
    if (settings_.prune_records) f.id_terms.insert(schema::id_term(doc.id));
    if (nothing_to_search(doc)) {
        // Its id was read, so unlike an unreadable line it does not hold back the prune
        // of the file's other documents (one it had before stays, as for a text file).
        ++f.skipped_lines;
        return reporter_.skip(location(doc.path, doc.line), "empty",
                              "\"text\" is empty and there is no title; line skipped");
    }
    ++f.documents;
    const std::uint64_t hash = record_hash(doc);
    bool is_new = false;
    const bool first = first_time(doc.id, location(doc.path, doc.line));
    const std::optional<Existing> old = existing(doc.id);
    if (first) {
        // A run interrupted before the file's metadata was written still left documents.
        if (old && old->path == f.path) f.indexed_before = true;
        // Read again only to prune or to take back a handed-over document: a record
        // whose document another file wrote after this one's last read stays that
        // file's, as when an unchanged file is skipped whole (and costs no analysis).
        if (old && old->path != f.path && f.same_as_entry) return void(++reporter_.counts().unchanged);
        if (old && old->path == f.path && old->sig.hash == hash) {
            ++reporter_.counts().unchanged;
            if (old->line != doc.line) batch.jobs.push_back(relocate_job(old->docid, doc.line));
            return;
        }
        is_new = !old;
    }
    std::vector<std::string> holders = other_holders(doc.id, f.path, old);
    batch.jobs.push_back(record_job(std::move(doc), hash, f.root));
    batch.jobs.back().is_new = is_new;
    batch.jobs.back().other_holders = std::move(holders);
}

bool InputReader::read_bytes(const fs::path& file, const std::string& where, std::uint64_t size, std::string& bytes) {
    InputFd in(file.string());
    if (!in.is_open()) return skip_unopened(where, in), false;
    // The size the walk found, and a block more: a file that grew since is read whole.
    constexpr std::size_t kBlock = 64u << 10;
    bytes.resize(static_cast<std::size_t>(size) + kBlock);
    std::size_t done = 0;
    for (long got = 0; (got = in.read(bytes.data() + done, bytes.size() - done)) > 0;) {
        done += static_cast<std::size_t>(got);
        if (done == bytes.size()) bytes.resize(bytes.size() + kBlock);
    }
    if (in.error()) return reporter_.skip(where, "unreadable", unreadable_detail(in.error())), false;
    bytes.resize(done);
    return true;
}

void InputReader::skip_unopened(const std::string& where, const InputFd& file) {
    if (file.not_regular()) return reporter_.skip(where, kNotRegularReason, kNotRegularDetail);
    reporter_.skip(where, "unreadable", unreadable_detail(file.error()));
}

bool InputReader::acceptable(const std::string& where, const std::string& bytes) {
    if (is_blank(text::without_byte_order_mark(bytes))) {
        reporter_.skip(where, "empty", "the file is empty");
        return false;
    }
    if (bytes.find('\0') != std::string::npos) {
        reporter_.skip(where, "binary", kBinary);
        return false;
    }
    return true;
}

bool InputReader::first_time(const std::string& id, const std::string& where) {
    const std::size_t file = next_file_ - 1;  // the file being read
    auto [seen, first] = seen_ids_.try_emplace(id, file);
    if (first) return true;
    add_holder(run_holders_[id], files_[seen->second].canonical, "");
    seen->second = file;
    ++reporter_.counts().duplicates;
    reporter_.warn(where, "id '" + id + "' already appeared in this run; this later document replaces it");
    return false;
}

Xapian::docid InputReader::unchanged_on_record(const std::string& id, const std::string& path, const FileSignature& sig) {
    if (!stored_text_) return 0;
    std::optional<StoredTextFiles::File> file = stored_text_->find_id(id);
    if (!file) {
        // Not a document that records its id in a value (an older naba-index wrote it,
        // or the id is new): its id term says which document it is.
        const std::string term = schema::id_term(id);
        std::lock_guard lock(db_.mutex);
        if (!db_.db.term_exists(term)) return 0;
        Xapian::PostingIterator it = db_.db.postlist_begin(term);
        if (it == db_.db.postlist_end(term)) return 0;
        file = stored_text_->find(*it);
    }
    return file && file->path == path && file->sig.same_stat(sig) ? file->docid : 0;
}

void InputReader::mark_found(const InputFile& file, Xapian::docid docid) {
    // Only a walked file's path is one the removal of vanished files would find.
    if (file.root.empty()) return;
    if (found_.size() <= docid) found_.resize(std::max<std::size_t>(docid + 1, found_.size() * 2));
    found_[docid] = true;
}

std::optional<InputReader::Existing> InputReader::existing(const std::string& id) {
    const std::string term = schema::id_term(id);
    std::lock_guard lock(db_.mutex);
    // term_exists first: it is cheap, while opening a postlist makes Xapian flush the
    // term's pending changes — and most ids of a first run are new.
    if (!db_.db.term_exists(term)) return std::nullopt;
    Xapian::PostingIterator it = db_.db.postlist_begin(term);
    if (it == db_.db.postlist_end(term)) return std::nullopt;
    Xapian::Document doc = db_.db.get_document(*it);
    return Existing{*it, doc.get_value(schema::kSourcePathSlot), file_signature_of(doc),
                    static_cast<long>(decode_u64(doc.get_value(schema::kRecordLineSlot))),
                    decode_holders(doc.get_value(schema::kOtherHoldersSlot))};
}

std::vector<std::string> InputReader::other_holders(const std::string& id, const std::string& path,
                                                    const std::optional<Existing>& old) const {
    std::vector<std::string> holders;
    if (old) {
        for (const std::string& p : old->other_holders) add_holder(holders, p, path);
        add_holder(holders, old->path, path);
    }
    if (auto run = run_holders_.find(id); run != run_holders_.end())
        for (const std::string& p : run->second) add_holder(holders, p, path);
    return holders;
}

void InputReader::on_problem(const ReadProblem& problem) {
    const std::string where = location(problem.path, problem.line);
    if (problem.skipped) {
        if (jsonl_) ++jsonl_->skipped_lines, ++jsonl_->unread_lines;
        reporter_.skip(where, problem.reason, problem.message);
    } else {
        reporter_.warn(where, problem.message);
    }
}

}  // namespace naba::indexer
