// The reader stage of naba-index: walks the input files in order, decides per file
// (size and times, then content hash) and per JSONL record (record hash) whether
// anything changed since the last run, and hands out batches of jobs for what did.
// Runs in one thread; looks the previous state up in the shared database.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document_readers.h"
#include "index_job.h"
#include "input_walker.h"
#include "line_chunk_reader.h"
#include "run_report.h"
#include "stored_text_files.h"

namespace naba::indexer {

struct ReaderSettings {
    std::uintmax_t max_file_bytes = 64u << 20;  // text files; and each JSONL line
    std::size_t batch_documents = 64;         // jobs per batch handed to the pipeline
    std::size_t batch_bytes = 1u << 20;       // or this many input bytes, whichever first
    const std::atomic<int>* stop = nullptr;   // non-zero: stop at the next document
    // A changed JSONL file that was indexed before: remove its documents whose ids
    // are no longer in it (false with --no-delete).
    bool prune_records = true;
    // When the run started (file_clock_now_ns, before any file was looked at): a file
    // whose times are not older is stored as racy (file_signature.h).
    std::int64_t run_start_ns = file_clock_now_ns();
};

class InputReader {
  public:
    InputReader(const std::vector<InputFile>& files, SharedDatabase& db, Reporter& reporter,
                const ReaderSettings& settings);

    // Fills `batch`; false when every input was read (or a stop was requested) and
    // the batch is empty.
    bool next(JobBatch& batch);

    bool stopped() const { return stopped_; }

    // By docid: the documents found unchanged at a file this run walked (true), whose
    // paths the removal of vanished files need not check. Taken once, at the end.
    std::vector<bool> take_found() { return std::move(found_); }

  private:
    struct Existing {
        Xapian::docid docid = 0;
        std::string path;
        FileSignature sig;
        long line = 0;  // JSONL record: its line when it was indexed
        std::vector<std::string> other_holders;  // shared_ids.h
    };
    struct JsonlFile {
        std::string where, path, root, key;
        FileSignature sig;
        std::unique_ptr<LineChunkReader> lines;  // read a run of lines at a time
        bool first_run = true;
        bool has_content = false;  // a line that is not blank
        long next_line = 1;
        std::uint64_t bytes_counted = 0;  // given to the progress so far
        std::uint64_t documents = 0;
        std::unordered_set<std::string> id_terms;  // every id in the file, as id terms
        bool indexed_before = false;               // a metadata entry, or a document from it
        bool same_as_entry = false;                // read again though its entry's stat matches
        long skipped_lines = 0;                    // lines not indexed, for whatever reason
        long unread_lines = 0;                     // of them, those whose id is unknown
        std::uint64_t long_line_limit = 0;         // the limit, if a line was over it
    };

    bool batch_full(const JobBatch& batch) const;
    void read_file(const InputFile& file, JobBatch& batch);
    void read_text(const InputFile& file, const std::string& path, FileSignature sig, JobBatch& batch);
    void open_jsonl(const InputFile& file, const std::string& path, FileSignature sig, JobBatch& batch);
    void unchanged_jsonl(const std::string& where, const JsonlEntry& entry);
    void read_jsonl_chunk(JobBatch& batch);
    // Ends the file's reading: its metadata and prune when it was read to the end.
    void finish_jsonl(JobBatch& batch, bool read_to_end = true);
    void add_jsonl_record(schema::StoredDocument&& doc, JobBatch& batch);
    bool read_bytes(const std::filesystem::path& file, const std::string& where, std::uint64_t size,
                    std::string& bytes);
    // Skips a file InputFd could not open: not a regular file, or its error.
    void skip_unopened(const std::string& where, const InputFd& file);
    // A text file that is neither empty nor binary (no NUL byte).
    bool acceptable(const std::string& where, const std::string& bytes);
    bool first_time(const std::string& id, const std::string& where);
    // The index records this text file, at this path, with these size and times: the
    // document's docid, else 0.
    Xapian::docid unchanged_on_record(const std::string& id, const std::string& path, const FileSignature& sig);
    std::optional<Existing> existing(const std::string& id);
    void mark_found(const InputFile& file, Xapian::docid docid);
    // The files other than `path` that held `id`: the document's (`old`) and this
    // run's earlier ones (shared_ids.h).
    std::vector<std::string> other_holders(const std::string& id, const std::string& path,
                                           const std::optional<Existing>& old) const;
    void on_problem(const ReadProblem& problem);

    const std::vector<InputFile>& files_;
    SharedDatabase& db_;
    Reporter& reporter_;
    ReaderSettings settings_;
    std::size_t next_file_ = 0;
    std::optional<JsonlFile> jsonl_;
    std::unordered_map<std::string, std::size_t> seen_ids_;  // id -> the last file (index in files_) that had it
    // Ids seen more than once in this run -> every file that had them.
    std::unordered_map<std::string, std::vector<std::string>> run_holders_;
    // Read when the run names many of the index's text files (StoredTextFiles); the
    // records as they were before this run, so asked only for an id's first file.
    std::optional<StoredTextFiles> stored_text_;
    std::vector<bool> found_;
    bool stopped_ = false;
};

}  // namespace naba::indexer
