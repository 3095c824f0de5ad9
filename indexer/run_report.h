// What a naba-index run tells the user: the counts for the closing summary, warnings
// and skips as they happen, per-document lines (--verbose) and the progress line on
// stderr. Messages may come from the reader and the writer threads at once, so all
// output goes through one mutex (and clears the progress line before printing).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace naba::indexer {

enum class Verbosity { quiet, normal, verbose };

// `text` as naba-index prints it on stderr: control characters written visibly
// (text::escape_controls, \x1B) and each byte outside a UTF-8 character as \xHH, as
// ids write them (input_walker.h): a raw byte 0x9B is a control sequence (CSI) to a
// terminal that reads 8-bit controls, and a name's bytes are shown as they are.
std::string printable(std::string_view text);

// "1 document", "2 documents": a count and its noun, singular for one.
std::string count_of(long n, const std::string& noun);

// Each field is written by one pipeline stage only (see the comments), so the
// reader and the writer never touch the same field.
struct RunCounts {
    long files = 0;                        // reader: input files looked at
    long unchanged = 0;                    // reader: documents found unchanged
    long duplicates = 0;                   // reader: ids seen twice in this run (last one wins)
    long warnings = 0;                     // reader
    std::map<std::string, long> skipped;   // reader: reason -> count (files or JSONL lines)
    long added = 0;                        // writer
    long replaced = 0;                     // writer
    long removed = 0;                      // writer: documents of files that disappeared
    long merged = 0;                       // before the reader starts: a stopped build's documents, merged
    long reanalysed = 0;                   // before the reader starts: documents built again, committed
    long retagged = 0;                     // before the reader starts: documents re-tagged, committed

    long skipped_total() const;
    long indexed() const { return added + replaced; }
};

class Reporter {
  public:
    Reporter(Verbosity verbosity, bool show_progress);

    void warn(const std::string& where, const std::string& message);
    // `count`: inputs (files or JSONL lines) this one message stands for.
    void skip(const std::string& where, const std::string& reason, const std::string& detail, long count = 1);
    void document(const char* action, const std::string& id);  // printed with --verbose only
    void note(const std::string& message);                     // printed unless --quiet
    void detail(const std::string& message);                   // printed with --verbose only

    // Updates the progress line at most 4 times a second (forced: now).
    void progress(std::uint64_t bytes_done, long files_done, bool force = false);
    void set_totals(std::uint64_t bytes, long files);
    void end_progress();

    RunCounts& counts() { return counts_; }
    const RunCounts& counts() const { return counts_; }
    Verbosity verbosity() const { return verbosity_; }

  private:
    void clear_progress_line();  // caller holds mutex_

    Verbosity verbosity_;
    bool show_progress_;
    RunCounts counts_;
    std::mutex mutex_;
    bool progress_shown_ = false;
    std::uint64_t total_bytes_ = 0;
    long total_files_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_progress_{};
};

// "path" or "path:line", the location format of every message.
std::string location(const std::string& path, long line);

}  // namespace naba::indexer
