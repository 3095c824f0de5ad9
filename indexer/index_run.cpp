#include "index_run.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "text/unicode_normalizer.h"

namespace naba::indexer {
namespace fs = std::filesystem;

namespace {

// "path" or "path:line", the location format of every message.
std::string location(const std::string& path, long line) {
    std::string where = path;
    if (line > 0) where.append(":").append(std::to_string(line));
    return where;
}

}  // namespace

long RunCounts::skipped_total() const {
    long n = 0;
    for (const auto& [reason, count] : skipped) n += count;
    return n;
}

IndexRun::IndexRun(const RunSettings& settings)
    : settings_(settings), builder_(analyzer_), db_(settings.db_dir, Xapian::DB_CREATE_OR_OPEN) {}

void IndexRun::warn(const std::string& where, const std::string& message) {
    ++counts_.warnings;
    if (!settings_.quiet) std::cerr << "naba-index: warning: " << where << ": " << message << "\n";
}

void IndexRun::report_skip(const std::string& where, const std::string& reason, const std::string& detail) {
    ++counts_.skipped[reason];
    // Skips are always shown: they are why the exit status is 1.
    std::cerr << "naba-index: skipped " << where << ": " << detail << "\n";
}

void IndexRun::on_problem(const ReadProblem& problem) {
    const std::string where = location(problem.path, problem.line);
    if (problem.skipped) {
        report_skip(where, "malformed JSONL line", problem.message);
    } else {
        warn(where, problem.message);
    }
}

void IndexRun::index_file(const InputFile& file) {
    const std::string where = file.path.string();
    std::error_code ec;
    std::uintmax_t size = fs::file_size(file.path, ec);
    if (ec) return report_skip(where, "unreadable", ec.message());
    if (file.kind == InputKind::text && size > settings_.max_file_bytes)
        return report_skip(where, "too large", std::to_string(size) + " bytes is over the limit of " +
                                                   std::to_string(settings_.max_file_bytes) + " (raise it with --max-size)");
    std::ifstream in(file.path, std::ios::binary);
    std::ostringstream buffer;
    if (!in || !(buffer << in.rdbuf()) || in.bad()) {
        if (size != 0) return report_skip(where, "unreadable", "cannot read the file (permissions?)");
    }
    std::string bytes = std::move(buffer).str();
    ++counts_.files;
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos)
        return report_skip(where, "empty", "the file is empty");
    if (bytes.find('\0') != std::string::npos)
        return report_skip(where, "binary", "the file contains NUL bytes (binary, or UTF-16 text: convert it to UTF-8)");

    ProblemSink problems = [this](const ReadProblem& p) { on_problem(p); };
    if (file.kind == InputKind::jsonl) {
        parse_jsonl(bytes, where, [this](schema::StoredDocument&& d) { add(std::move(d)); }, problems);
        return;
    }
    std::size_t bad = 0;
    if (!text::is_valid_utf8(bytes, &bad)) {
        warn(where, "invalid UTF-8 at byte " + std::to_string(bad) + "; replaced with U+FFFD");
        bytes = text::repair_utf8(bytes);
    }
    add(parse_text_document(bytes, file.id, fs::absolute(file.path).lexically_normal().string(), problems));
}

void IndexRun::add(schema::StoredDocument&& doc) {
    if (doc.path.size() && doc.line) doc.path = fs::absolute(doc.path).lexically_normal().string();
    if (!seen_ids_.insert(doc.id).second) {
        ++counts_.duplicates;
        warn(location(doc.path, doc.line),
             "id '" + doc.id + "' already appeared in this run; this later document replaces it");
    }
    const std::string id_term = schema::id_term(doc.id);
    Xapian::Document xdoc = builder_.build(doc);
    bool existed = db_.term_exists(id_term);
    db_.replace_document(id_term, xdoc);
    ++(existed ? counts_.replaced : counts_.added);
    if (settings_.verbose) std::cerr << "naba-index: " << (existed ? "replaced " : "added ") << doc.id << "\n";
    if (++pending_ >= settings_.batch_size) {
        db_.commit();
        pending_ = 0;
    }
}

void IndexRun::finish() {
    db_.commit();
    pending_ = 0;
}

}  // namespace naba::indexer
