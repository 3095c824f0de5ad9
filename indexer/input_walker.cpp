#include "input_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "file_signature.h"
#include "folder_tree.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

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
    return text::escape_invalid_bytes(name, true);
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

// The file a walked or named input is, through any symbolic link on the way: a
// walked file is its folder argument's real path and its path below it (the walk
// follows no folder link, and one realpath per argument is cheap), a named file
// or a JSONL file its own realpath (a link beside a dump, latest.jsonl, is the dump).
std::string real_key(const InputFile& f, const std::unordered_map<std::string, std::string>& real_roots) {
    if (!f.root.empty() && f.kind != InputKind::jsonl) {
        if (auto it = real_roots.find(f.root); it != real_roots.end())
            return it->second + f.canonical.substr(f.root.size());
    }
    std::error_code ec;
    const fs::path real = fs::canonical(f.path, ec);
    return ec ? f.canonical : real.string();
}

// A file reached twice ("a.txt a.txt", a folder and a file in it, a folder and a
// link to the file) is one input: read twice it would be two documents or count as
// replacing itself. A file found by a folder's walk is taken as the walk found it
// (its id, below the folder), before the same file named; of two names, the one that
// is not a link. A JSONL file keeps the folder it was found under, so that its
// documents go when it leaves that folder. With one argument only links can repeat
// a file, and links to text files inside one folder are separate inputs as before.
void drop_repeats(std::vector<InputFile>& files, bool one_argument,
                  const std::unordered_map<std::string, std::string>& real_roots) {
    if (one_argument && std::none_of(files.begin(), files.end(), [](const InputFile& f) { return f.kind == InputKind::jsonl; }))
        return;
    std::unordered_map<std::string, std::size_t> first;  // key -> index in `kept`
    std::vector<InputFile> kept;
    for (InputFile& f : files) {
        if (one_argument && f.kind != InputKind::jsonl) {
            kept.push_back(std::move(f));
            continue;
        }
        const auto [it, added] = first.emplace(real_key(f, real_roots), kept.size());
        if (added) {
            kept.push_back(std::move(f));
            continue;
        }
        InputFile& earlier = kept[it->second];
        std::error_code ec;
        const bool walked_first = !earlier.root.empty() && f.root.empty();
        const bool walked_later = earlier.root.empty() && !f.root.empty();
        if (f.kind != InputKind::jsonl && !walked_first &&
            (walked_later || (fs::is_symlink(earlier.path, ec) && !fs::is_symlink(f.path, ec)))) {
            earlier = std::move(f);
        } else if (f.kind == InputKind::jsonl && fs::is_symlink(earlier.path, ec) && !fs::is_symlink(f.path, ec)) {
            if (f.root.empty()) f.root = std::move(earlier.root);
            earlier = std::move(f);
        } else if (earlier.root.empty() && earlier.kind == InputKind::jsonl) {
            earlier.root = f.root;
        }
    }
    files = std::move(kept);
}

// A directory argument, with what decides whether another one's walk holds it.
struct DirectoryArgument {
    std::string argument, canonical, real;
    bool through_link = false;  // its path is not its real path (a symbolic link on the way)
};

// Whether the walk of `outer` reaches every file of `inner`: `inner` is a folder below
// it, on a path with no hidden folder (the walk skips those), or the same folder by
// another path, of which the real path (else the first in byte order) is walked.
bool walk_holds(const DirectoryArgument& outer, const DirectoryArgument& inner) {
    if (outer.canonical == inner.canonical) return false;
    if (outer.real == inner.real)
        return std::tie(outer.through_link, outer.canonical) < std::tie(inner.through_link, inner.canonical);
    const std::string prefix = outer.real == "/" ? "/" : outer.real + "/";
    if (!inner.real.starts_with(prefix)) return false;
    for (const auto& part : fs::path(inner.real.substr(prefix.size())))
        if (part.native().starts_with('.')) return false;
    return true;
}


std::string real_path_or(const std::string& path, const std::string& fallback) {
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    return ec ? fallback : real.string();
}

// The directory arguments whose files another one's walk finds (walk_holds), each
// with the argument that walks them: walked once, under that argument, so that a
// file gets one id (its path below the outermost folder named) whatever the order.
std::unordered_map<std::string, std::string> held_directories(const std::vector<DirectoryArgument>& dirs) {
    std::unordered_map<std::string, std::string> held;  // canonical -> canonical of the walker
    for (const DirectoryArgument& inner : dirs) {
        const DirectoryArgument* walker = nullptr;
        for (const DirectoryArgument& outer : dirs)
            if (walk_holds(outer, inner) && (!walker || walk_holds(outer, *walker))) walker = &outer;
        if (walker) held.emplace(inner.canonical, walker->canonical);
    }
    return held;
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& arguments, int threads) {
    WalkResult result;
    std::vector<DirectoryArgument> dirs;
    for (const std::string& argument : arguments) {
        struct stat st;
        if (argument.empty() || ::stat(argument.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        DirectoryArgument dir{argument, canonical_path(argument), {}};
        dir.real = real_path_or(argument, dir.canonical);
        dir.through_link = dir.real != dir.canonical;
        dirs.push_back(std::move(dir));
    }
    const std::unordered_map<std::string, std::string> held = held_directories(dirs);
    std::unordered_map<std::string, std::string> real_roots;  // canonical -> real path, of the walked
    for (const DirectoryArgument& dir : dirs) real_roots.emplace(dir.canonical, dir.real);
    std::unordered_set<std::string> walked;  // canonical paths of the directory arguments
    for (const std::string& argument : arguments) {
        struct stat st;
        if (argument.empty() || ::stat(argument.c_str(), &st) != 0) {
            result.problems.push_back({argument, "no such file or directory"});
        } else if (S_ISDIR(st.st_mode)) {
            // A folder named twice ("dir ./dir/") is walked once: its files would be
            // dropped as repeats, but its problems and ignored files counted twice. So
            // is one inside another argument's walk ("in in/sub").
            const std::string canonical = canonical_path(argument);
            if (!held.contains(canonical) && walked.insert(canonical).second) walk_directory(argument, threads, result);
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
    // A folder another argument walked completely was read completely too: the
    // documents it held under its own name (an earlier run's) may go.
    const std::vector<std::string> complete = result.complete_roots;
    for (const auto& [inner, walker] : held)
        if (std::find(complete.begin(), complete.end(), walker) != complete.end()) result.complete_roots.push_back(inner);
    drop_repeats(result.files, arguments.size() == 1, real_roots);
    return result;
}

}  // namespace naba::indexer
