#include "file_signature.h"

#include <cstdio>
#include <ctime>

// XXH3_state_t on the stack needs the static-linking-only declarations.
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

namespace naba::indexer {

FileSignature stat_signature(const struct stat& st) {
    FileSignature sig;
    sig.size = static_cast<std::uint64_t>(st.st_size);
    sig.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    sig.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    return sig;
}

std::int64_t file_clock_now_ns() {
    // The coarse clock, not CLOCK_REALTIME: a file written after this reading gets a
    // time from the coarse clock, which can be behind a fine reading taken earlier.
    struct timespec now;
    ::clock_gettime(CLOCK_REALTIME_COARSE, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

bool racily_clean(const FileSignature& sig, std::int64_t run_start_ns) {
    // A write after the start is stamped from the same coarse clock, or from the fine
    // one, which is never behind it, so no earlier than the start: where file times
    // have nanoseconds only a file stamped at or after it can be one. FAT stores times
    // in steps of two seconds, ext3 and some NFS servers in seconds, so there a write
    // after the start can be stamped up to that much before it. The change time,
    // which only the kernel sets, tells the two apart: a whole second there means a
    // file system of whole seconds (or a chance of one in a billion, which costs one
    // hash). A margin of seconds everywhere made every file of a tree written just
    // before a run racy, and so read again by the next run.
    constexpr std::int64_t kSecond = 1'000'000'000;
    constexpr std::int64_t kCoarsestTimestamp = 2 * kSecond;
    const bool whole_seconds = sig.ctime_ns % kSecond == 0;
    const std::int64_t since = run_start_ns - (whole_seconds ? kCoarsestTimestamp : 0);
    return sig.mtime_ns >= since || sig.ctime_ns >= since;
}

std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::uint64_t record_hash(const schema::StoredDocument& doc) {
    XXH3_state_t state;
    // Not the line: a record that only moved is not a changed record.
    XXH3_64bits_reset(&state);
    // Each field ends with a NUL so that moving bytes between fields changes the hash.
    for (const std::string* field : {&doc.id, &doc.title, &doc.date, &doc.lang, &doc.source, &doc.url, &doc.text})
        XXH3_64bits_update(&state, field->c_str(), field->size() + 1);
    return XXH3_64bits_digest(&state);
}

std::string encode_u64(std::uint64_t n) {
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i, n >>= 8) out[static_cast<std::size_t>(i)] = static_cast<char>(n & 0xff);
    return out;
}

std::uint64_t decode_u64(std::string_view bytes) {
    if (bytes.size() != 8) return 0;
    std::uint64_t n = 0;
    for (char c : bytes) n = (n << 8) | static_cast<unsigned char>(c);
    return n;
}

void set_file_signature(Xapian::Document& doc, const FileSignature& sig) {
    doc.add_value(schema::kFileSizeSlot, encode_u64(sig.size));
    // A racy signature has a third field, so that only those documents grow.
    doc.add_value(schema::kFileMtimeSlot, encode_u64(static_cast<std::uint64_t>(sig.mtime_ns)) +
                                              encode_u64(static_cast<std::uint64_t>(sig.ctime_ns)) +
                                              (sig.racy ? encode_u64(1) : std::string()));
    doc.add_value(schema::kContentHashSlot, encode_u64(sig.hash));
}

FileSignature decode_file_signature(std::string_view size, std::string_view times, std::string_view hash) {
    FileSignature sig;
    sig.size = decode_u64(size);
    // mtime, then the change time (an older naba-index stored the mtime alone), then
    // the racy mark if any.
    sig.mtime_ns = static_cast<std::int64_t>(decode_u64(times.substr(0, 8)));
    if (times.size() >= 16) sig.ctime_ns = static_cast<std::int64_t>(decode_u64(times.substr(8, 8)));
    sig.racy = times.size() == 24 && decode_u64(times.substr(16)) != 0;
    sig.hash = decode_u64(hash);
    return sig;
}

bool skip_to_document(Xapian::ValueIterator& it, Xapian::docid docid) {
    const Xapian::ValueIterator end;
    if (it == end) return false;
    if (it.get_docid() < docid) it.skip_to(docid);
    return it != end && it.get_docid() == docid;
}

FileSignature file_signature_of(const Xapian::Document& doc) {
    return decode_file_signature(doc.get_value(schema::kFileSizeSlot), doc.get_value(schema::kFileMtimeSlot),
                                 doc.get_value(schema::kContentHashSlot));
}

std::string encode_jsonl_entry(const JsonlEntry& entry) {
    return encode_u64(entry.sig.size) + encode_u64(static_cast<std::uint64_t>(entry.sig.mtime_ns)) +
           encode_u64(entry.sig.hash) + encode_u64(entry.documents) + encode_u64(entry.skipped_lines) +
           encode_u64(entry.long_line_limit) + encode_u64(entry.unpruned ? 1 : 0) +
           encode_u64(static_cast<std::uint64_t>(entry.sig.ctime_ns)) +
           (entry.sig.racy ? encode_u64(1) : std::string());  // only when set, as in a document
}

std::optional<JsonlEntry> decode_jsonl_entry(std::string_view value) {
    if (value.size() % 8 != 0 || value.size() < 32 || value.size() > 72) return std::nullopt;
    JsonlEntry entry;
    entry.sig.size = decode_u64(value.substr(0, 8));
    entry.sig.mtime_ns = static_cast<std::int64_t>(decode_u64(value.substr(8, 8)));
    entry.sig.hash = decode_u64(value.substr(16, 8));
    entry.documents = decode_u64(value.substr(24, 8));
    if (value.size() >= 40) entry.skipped_lines = decode_u64(value.substr(32, 8));
    if (value.size() >= 48) entry.long_line_limit = decode_u64(value.substr(40, 8));
    if (value.size() >= 56) entry.unpruned = decode_u64(value.substr(48, 8)) != 0;
    if (value.size() >= 64) entry.sig.ctime_ns = static_cast<std::int64_t>(decode_u64(value.substr(56, 8)));
    if (value.size() >= 72) entry.sig.racy = decode_u64(value.substr(64, 8)) != 0;
    return entry;
}

namespace {

// Whether an absolute path has nothing for lexically_normal to do: no empty, "." or
// ".." component. Most paths (a walk's) are like that, and skip its component split.
bool plainly_normal(std::string_view s) {
    std::size_t start = 1;  // after the leading '/'
    while (start <= s.size()) {
        std::size_t end = s.find('/', start);
        if (end == std::string_view::npos) end = s.size();
        const std::string_view part = s.substr(start, end - start);
        if ((part.empty() && end != s.size()) || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

}  // namespace

std::string canonical_path(const std::filesystem::path& path) {
    // naba-index never changes its working directory, so it is asked for once (a
    // getcwd per file was a seventh of an unchanged re-run over 20,000 small files).
    static const std::string cwd = std::filesystem::current_path().string();
    // Absolute is a leading '/' on POSIX; path::is_absolute parses the path to say so.
    const std::string& p = path.native();
    std::string s = p.starts_with('/') ? p : (cwd == "/" ? "" : cwd) + "/" + p;
    if (!plainly_normal(s)) s = std::filesystem::path(s).lexically_normal().string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace naba::indexer
