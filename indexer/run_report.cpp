#include "run_report.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "text/terminal_text.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba::indexer {

std::string printable(std::string_view text) {
    if (text::is_valid_utf8(text)) return text::escape_controls(text);
    return text::escape_controls(text::escape_invalid_bytes(text, false));
}

std::string count_of(long n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }
namespace {

constexpr std::size_t kProgressWidth = 72;  // the line is padded to this, to cover a longer one

}  // namespace

std::string location(const std::string& path, long line) {
    std::string where = path;
    if (line > 0) where.append(":").append(std::to_string(line));
    return where;
}

long RunCounts::skipped_total() const {
    long n = 0;
    for (const auto& [reason, count] : skipped) n += count;
    return n;
}

Reporter::Reporter(Verbosity verbosity, bool show_progress) : verbosity_(verbosity), show_progress_(show_progress) {}

void Reporter::clear_progress_line() {
    // Spaces rather than an ANSI erase, so a log file (--progress) stays plain text.
    if (progress_shown_) std::cerr << '\r' << std::string(kProgressWidth, ' ') << '\r';
    progress_shown_ = false;
}

void Reporter::warn(const std::string& where, const std::string& message) {
    ++counts_.warnings;
    if (verbosity_ == Verbosity::quiet) return;
    std::lock_guard lock(mutex_);
    clear_progress_line();
    std::cerr << "naba-index: warning: " << printable(where + ": " + message) << "\n";
}

void Reporter::skip(const std::string& where, const std::string& reason, const std::string& detail, long count) {
    counts_.skipped[reason] += count;
    // Skips are always shown, even with --quiet: they are why the exit status is 1.
    std::lock_guard lock(mutex_);
    clear_progress_line();
    std::cerr << "naba-index: skipped " << printable(where + ": " + detail) << "\n";
}

void Reporter::document(const char* action, const std::string& id) {
    if (verbosity_ != Verbosity::verbose) return;
    std::lock_guard lock(mutex_);
    clear_progress_line();
    std::cerr << "naba-index: " << action << " " << printable(id) << "\n";
}

void Reporter::detail(const std::string& message) {
    if (verbosity_ == Verbosity::verbose) note(message);
}

void Reporter::note(const std::string& message) {
    if (verbosity_ == Verbosity::quiet) return;
    std::lock_guard lock(mutex_);
    clear_progress_line();
    std::cerr << "naba-index: " << printable(message) << "\n";
}

void Reporter::set_totals(std::uint64_t bytes, long files) {
    total_bytes_ = bytes;
    total_files_ = files;
}

void Reporter::progress(std::uint64_t bytes_done, long files_done, bool force) {
    if (!show_progress_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress_ < std::chrono::milliseconds(250)) return;
    last_progress_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(bytes_done) / seconds : 0;  // bytes/s
    char line[160];
    int n = std::snprintf(line, sizeof line, "files %ld/%ld, %.1f/%.1f MB, %.1f MB/s", files_done, total_files_,
                          static_cast<double>(bytes_done) / 1e6, static_cast<double>(total_bytes_) / 1e6, rate / 1e6);
    if (rate > 0 && total_bytes_ > bytes_done) {
        long eta = static_cast<long>(static_cast<double>(total_bytes_ - bytes_done) / rate);
        std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n), ", ETA %ld:%02ld", eta / 60, eta % 60);
    }
    std::lock_guard lock(mutex_);
    std::cerr << '\r' << line << std::string(kProgressWidth - std::min<std::size_t>(kProgressWidth, std::strlen(line)), ' ')
              << std::flush;
    progress_shown_ = true;
}

void Reporter::end_progress() {
    std::lock_guard lock(mutex_);
    clear_progress_line();
}

}  // namespace naba::indexer
