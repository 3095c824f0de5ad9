#include "input_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include <unicode/utf8.h>

#include "file_signature.h"
#include "folder_tree.h"
#include "text/unicode_normalizer.h"

namespace naba::indexer {
namespace fs = std::filesystem;

bool input_kind_of(std::string_view path, InputKind& kind) {
    // The extension as path::extension() gives it (none for ".md" or "..", say), without
    // building a path: this runs for every name of every folder walked.
    const std::string_view name = path.substr(path.rfind('/') + 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name == "..") return false;
    const std::string_view ext = name.substr(dot);
    auto is = [ext](std::string_view lower) {
        return ext.size() == lower.size() && std::equal(ext.begin(), ext.end(), lower.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == b;
               });
    };
    if (is(".txt") || is(".md")) {
        kind = InputKind::text;
        return true;
    }
    if (is(".jsonl")) {
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

std::size_t input_files_in(const Folder& tree) {
    std::size_t files = 0;
    std::vector<const Folder*> pending{&tree};
    while (!pending.empty()) {
        const Folder* folder = pending.back();
        pending.pop_back();
        files += folder->entries.size() - folder->subfolders.size();
        for (const auto& sub : folder->subfolders) pending.push_back(sub.get());
    }
    return files;
}

// Lists a directory argument's input files in path order (std::filesystem::path's,
// folder by folder), so that runs read files alike, with the problems and ignored
// files of each folder. Folders are read whole, one by one (not recursive_directory_
// iterator, which gives up the whole walk at the first folder it may not read), so an
// unreadable folder is reported and the walk goes on with the others.
void walk_directory(const std::string& root, int threads, WalkResult& result) {
    const std::string canonical_root = canonical_path(root);
    std::unique_ptr<Folder> tree = read_folder_tree(root, threads);
    result.files.reserve(result.files.size() + input_files_in(*tree));
    bool complete = true;
    struct Place {
        Folder* folder;
        std::size_t entry = 0, subfolder = 0;
    };
    std::vector<Place> stack{{tree.get()}};
    for (bool entered = true; !stack.empty();) {
        Place& top = stack.back();
        if (entered) {
            complete = complete && top.folder->whole;
            result.ignored += top.folder->ignored;
            for (WalkProblem& problem : top.folder->problems) result.problems.push_back(std::move(problem));
        }
        entered = false;
        if (top.entry == top.folder->entries.size()) {
            stack.pop_back();
            continue;
        }
        FolderEntry& entry = top.folder->entries[top.entry++];
        if (entry.what == FolderEntry::What::folder) {
            stack.push_back({top.folder->subfolders[top.subfolder++].get()});  // `top` is not used after this
            entered = true;
        } else {
            result.files.push_back(found_file(*top.folder, std::move(entry), canonical_root));
        }
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

WalkResult walk_inputs(const std::vector<std::string>& arguments, int threads) {
    WalkResult result;
    std::unordered_set<std::string> walked;  // canonical paths of the directory arguments
    for (const std::string& argument : arguments) {
        struct stat st;
        if (argument.empty() || ::stat(argument.c_str(), &st) != 0) {
            result.problems.push_back({argument, "no such file or directory"});
        } else if (S_ISDIR(st.st_mode)) {
            // A folder named twice ("dir ./dir/") is walked once: its files would be
            // dropped as repeats, but its problems and ignored files counted twice.
            if (walked.insert(canonical_path(argument)).second) walk_directory(argument, threads, result);
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
