#include "input_walker.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "file_signature.h"

namespace naba::indexer {
namespace fs = std::filesystem;

bool input_kind_of(const fs::path& path, InputKind& kind) {
    std::string ext = path.extension().string();
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

namespace {

void walk_directory(const fs::path& root, WalkResult& result) {
    std::vector<InputFile> found;
    const std::string canonical_root = canonical_path(root);
    const std::size_t problems_before = result.problems.size();
    std::error_code ec;
    // Symlinked directories are not followed, so symlink loops cannot trap the walk.
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
    if (ec) {
        result.problems.push_back({root.string(), "cannot read directory: " + ec.message()});
        return;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            result.problems.push_back({it->path().string(), "cannot read: " + ec.message()});
            ec.clear();
            continue;
        }
        std::error_code type_ec;
        if (it->is_directory(type_ec)) {
            // Hidden folders (.git, .cache) are not news collections.
            if (it->path().filename().string().starts_with(".")) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(type_ec)) continue;
        InputKind kind;
        if (!input_kind_of(it->path(), kind)) {
            ++result.ignored;
            continue;
        }
        found.push_back({it->path(), it->path().lexically_relative(root).generic_string(), kind, canonical_root});
    }
    if (result.problems.size() == problems_before) result.complete_roots.push_back(canonical_root);
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    result.files.insert(result.files.end(), found.begin(), found.end());
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& arguments) {
    WalkResult result;
    for (const std::string& argument : arguments) {
        fs::path path(argument);
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            result.problems.push_back({argument, "no such file or directory"});
        } else if (fs::is_directory(status)) {
            walk_directory(path, result);
        } else if (fs::is_regular_file(status)) {
            InputKind kind = InputKind::text;
            if (!input_kind_of(path, kind)) {
                // Named explicitly: the user means it, so read it as text.
                kind = InputKind::text;
            }
            result.files.push_back({path, path.filename().string(), kind, ""});
        } else {
            result.problems.push_back({argument, "not a regular file or directory"});
        }
    }
    return result;
}

}  // namespace naba::indexer
