#include "input_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <system_error>
#include <unordered_map>

#include <unicode/utf8.h>

#include "file_signature.h"
#include "text/unicode_normalizer.h"

namespace naba::indexer {
namespace fs = std::filesystem;

bool input_kind_of(std::string_view path, InputKind& kind) {
    // The extension as path::extension() gives it (none for ".md" or "..", say), without
    // building a path: this runs for every name of every folder walked.
    const std::string_view name = path.substr(path.rfind('/') + 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name == "..") return false;
    std::string ext(name.substr(dot));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".txt" || ext == ".md") {
        kind = InputKind::text;
        return true;
    }
    if (ext == ".jsonl") {
        kind = InputKind::jsonl;
        return true;
    }
    return false;
}

std::string file_name_id(std::string_view name) {
    if (text::is_valid_utf8(name)) return std::string(name);
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string id;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(name.data());
    const auto size = static_cast<std::int32_t>(name.size());
    for (std::int32_t i = 0; i < size;) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, size, c);
        if (c >= 0 && c != '\\') {
            id.append(name.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
        } else if (c == '\\') {
            id += "\\\\";
        } else {
            for (std::int32_t b = start; b < i; ++b) id += {'\\', 'x', kHex[bytes[b] >> 4], kHex[bytes[b] & 15]};
        }
    }
    return id;
}

namespace {

// One entry of a folder that the walk keeps: a folder to walk, or an input file.
struct FolderEntry {
    std::string name;
    bool folder = false;
    InputKind kind = InputKind::text;
    std::optional<FileSignature> sig;  // an input file's, when its stat worked
    int stat_error = 0;
};

// A folder read and not yet walked to its end: its entries sorted by name.
struct Folder {
    std::string path;  // as the walk builds it: the argument, then /name per level
    std::string rel;   // below the argument ("" for the argument itself)
    std::vector<FolderEntry> entries;
    std::size_t next = 0;
};

std::string joined(const std::string& dir, std::string_view name) {
    std::string path;
    path.reserve(dir.size() + 1 + name.size());
    path += dir;
    // As path's operator/ does: no second '/' after one the argument ends with.
    if (!path.empty() && path.back() != '/') path += '/';
    path += name;
    return path;
}

// An entry whose type the folder did not say, or a symbolic link: stat(2) says what
// it is. Symlinked folders are not followed, so symlink loops cannot trap the walk;
// a link to a file is read as the file.
void classify(int dir_fd, const std::string& dir, FolderEntry& entry, bool link, bool& keep, WalkResult& result) {
    struct stat st;
    InputKind kind = InputKind::text;
    const bool input = input_kind_of(entry.name, kind);
    if (!link) {
        if (::fstatat(dir_fd, entry.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return;  // gone since
        if (S_ISDIR(st.st_mode)) {
            keep = entry.folder = !entry.name.starts_with('.');
            return;
        }
        if (S_ISREG(st.st_mode)) {
            keep = input;
            if (!input) ++result.ignored;
            entry.kind = kind, entry.sig = stat_signature(st);
            return;
        }
        if (!S_ISLNK(st.st_mode)) {
            if (input) result.problems.push_back({joined(dir, entry.name), "not a regular file (a pipe, socket or device); not read"});
            return;
        }
    }
    if (::fstatat(dir_fd, entry.name.c_str(), &st, 0) != 0) {
        // A link to nowhere (or a link loop), named like an input: said rather than dropped.
        if (input) result.problems.push_back({joined(dir, entry.name), "broken symbolic link (its target is missing or loops)"});
    } else if (S_ISREG(st.st_mode)) {
        keep = input;
        if (!input) ++result.ignored;
        entry.kind = kind, entry.sig = stat_signature(st);
    } else if (input && !S_ISDIR(st.st_mode)) {
        // A pipe would block if opened: never read.
        result.problems.push_back({joined(dir, entry.name), "not a regular file (a pipe, socket or device); not read"});
    }
}

// Sorts one directory entry: a folder to read later, an input file (stat'ed here,
// relative to the folder), or neither.
void visit(int dir_fd, const std::string& dir, const struct dirent& found, std::vector<FolderEntry>& entries,
           WalkResult& result) {
    const std::string_view name = found.d_name;
    if (name == "." || name == "..") return;
    FolderEntry entry;
    entry.name = name;
    bool keep = false;
    if (found.d_type == DT_DIR) {
        // Hidden folders (.git, .cache) are not news collections.
        keep = entry.folder = !name.starts_with('.');
    } else if (found.d_type == DT_REG) {
        if (!input_kind_of(entry.name, entry.kind)) return void(++result.ignored);
        struct stat st;
        if (::fstatat(dir_fd, entry.name.c_str(), &st, 0) != 0) {
            keep = true, entry.stat_error = errno;  // gone since the folder was read: the reader says so
        } else if (S_ISREG(st.st_mode)) {
            keep = true, entry.sig = stat_signature(st);
        } else {
            classify(dir_fd, dir, entry, false, keep, result);  // replaced since by something else
        }
    } else {
        classify(dir_fd, dir, entry, found.d_type == DT_LNK, keep, result);
    }
    if (keep) entries.push_back(std::move(entry));
}

// Reads one folder's entries, sorted by name; false (and a problem) when it cannot be
// opened. A folder that fails part-way keeps what was read, and is reported.
bool read_folder(Folder& folder, WalkResult& result) {
    const int fd = ::open(folder.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* dir = fd < 0 ? nullptr : ::fdopendir(fd);
    if (!dir) {
        const int error = errno;
        if (fd >= 0) ::close(fd);
        result.problems.push_back({folder.path, "cannot read directory: " + std::generic_category().message(error)});
        return false;
    }
    bool whole = true;
    for (;;) {
        errno = 0;
        const struct dirent* found = ::readdir(dir);
        if (!found) {
            if (errno) {
                result.problems.push_back({folder.path, "cannot read directory: " + std::generic_category().message(errno)});
                whole = false;
            }
            break;
        }
        visit(fd, folder.path, *found, folder.entries, result);
    }
    ::closedir(dir);
    // Byte order of names, folder by folder, is std::filesystem::path's order, so that
    // runs read files alike; sorting each folder's names costs far less than sorting
    // whole paths.
    std::sort(folder.entries.begin(), folder.entries.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
    return whole;
}

// The input file a walk found, with its id (its path below the argument) and the
// canonical path built from the argument's.
InputFile found_file(const Folder& folder, FolderEntry&& entry, const std::string& canonical_root) {
    InputFile file;
    file.path = joined(folder.path, entry.name);
    std::string rel = folder.rel.empty() ? std::move(entry.name) : joined(folder.rel, entry.name);
    file.canonical = joined(canonical_root, rel);
    // Nearly every name is UTF-8: its id is the name, with no copy to compare.
    if (text::is_valid_utf8(rel)) {
        file.id = std::move(rel);
    } else {
        file.id = file_name_id(rel);
        file.legacy_id = std::move(rel);
    }
    file.kind = entry.kind;
    file.root = canonical_root;
    file.sig = entry.sig;
    file.stat_error = entry.stat_error;
    return file;
}

// Reads the folders one at a time, each whole before the files in it are listed (not
// recursive_directory_iterator, which gives up the whole walk at the first folder it
// may not read), so an unreadable folder is reported and the walk goes on with the
// others. No folder stays open while its sub-folders are read: a deep tree needs no
// more file handles than a flat one.
void walk_directory(const std::string& root, WalkResult& result) {
    const std::string canonical_root = canonical_path(root);
    bool complete = true;
    std::vector<Folder> stack(1);
    stack.back().path = root;
    complete = read_folder(stack.back(), result) && complete;
    while (!stack.empty()) {
        Folder& top = stack.back();
        if (top.next == top.entries.size()) {
            stack.pop_back();
            continue;
        }
        FolderEntry& entry = top.entries[top.next++];
        if (!entry.folder) {
            result.files.push_back(found_file(top, std::move(entry), canonical_root));
            continue;
        }
        Folder sub;
        sub.path = joined(top.path, entry.name);
        sub.rel = top.rel.empty() ? entry.name : joined(top.rel, entry.name);
        complete = read_folder(sub, result) && complete;
        stack.push_back(std::move(sub));  // `top` and `entry` are not used after this
    }
    if (complete) result.complete_roots.push_back(canonical_root);
}

// What makes two inputs one: a text file's path and id; a JSONL file's real file, as
// its records carry their ids (so a link beside it, latest.jsonl, is the same dump).
std::string repeat_key(const InputFile& f) {
    if (f.kind != InputKind::jsonl) return f.canonical + '\0' + f.id;
    std::error_code ec;
    const fs::path real = fs::canonical(f.path, ec);
    return ec ? f.canonical : real.string();
}

// A file named twice ("a.txt a.txt", "dir dir/") is one input: read twice, it would
// count as replacing itself, and be re-indexed by every re-run. A JSONL file is one
// input however it was named or linked to; it is read under its own name rather than
// a link's, and keeps the folder it was found under, so that its documents go when it
// leaves that folder. With one argument only JSONL files can repeat (through links).
void drop_repeats(std::vector<InputFile>& files, bool one_argument) {
    if (one_argument && std::none_of(files.begin(), files.end(), [](const InputFile& f) { return f.kind == InputKind::jsonl; }))
        return;
    std::unordered_map<std::string, std::size_t> first;  // key -> index in `kept`
    std::vector<InputFile> kept;
    for (InputFile& f : files) {
        if (one_argument && f.kind != InputKind::jsonl) {
            kept.push_back(std::move(f));
            continue;
        }
        const auto [it, added] = first.emplace(repeat_key(f), kept.size());
        if (added) {
            kept.push_back(std::move(f));
            continue;
        }
        InputFile& earlier = kept[it->second];
        std::error_code ec;
        if (fs::is_symlink(earlier.path, ec) && !fs::is_symlink(f.path, ec)) {
            if (f.root.empty()) f.root = std::move(earlier.root);
            earlier = std::move(f);
        } else if (earlier.root.empty()) {
            earlier.root = f.root;
        }
    }
    files = std::move(kept);
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& arguments) {
    WalkResult result;
    for (const std::string& argument : arguments) {
        struct stat st;
        if (argument.empty() || ::stat(argument.c_str(), &st) != 0) {
            result.problems.push_back({argument, "no such file or directory"});
        } else if (S_ISDIR(st.st_mode)) {
            walk_directory(argument, result);
        } else if (S_ISREG(st.st_mode)) {
            InputFile file;
            // Named explicitly, with another extension: the user means it, so read it as text.
            if (!input_kind_of(argument, file.kind)) file.kind = InputKind::text;
            const std::string name = fs::path(argument).filename().string();
            file.id = file_name_id(name);
            if (file.id != name) file.legacy_id = name;
            file.path = argument;
            file.canonical = canonical_path(argument);
            file.sig = stat_signature(st);
            result.files.push_back(std::move(file));
        } else {
            result.problems.push_back({argument, "not a regular file or directory"});
        }
    }
    drop_repeats(result.files, arguments.size() == 1);
    return result;
}

}  // namespace naba::indexer
