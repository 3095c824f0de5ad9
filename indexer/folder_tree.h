// Reads a directory argument's folders for the walk (input_walker.h): each folder's
// entries, sorted by name, with every input file's size and times taken relative to
// its folder (fstatat: no walk of the whole path per file). Folders are read on
// several threads, and the stats of a large folder too: on an unchanged re-run over
// many small files, reading folders and stat'ing files is most of the run.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "file_signature.h"
#include "input_walker.h"

namespace naba::indexer {

// An entry a folder keeps: a folder to walk, or an input file.
struct FolderEntry {
    enum class What : unsigned char { nothing, folder, input, ignored, broken_link, not_regular };
    std::string name;
    What what = What::nothing;
    InputKind kind = InputKind::text;
    std::optional<FileSignature> sig;  // an input file's, when its stat worked
    int stat_error = 0;                // else why not (it went since the folder was read)
};

struct Folder {
    std::string path;  // as the walk builds it: the argument, then /name per level
    std::string rel;   // below the argument ("" for the argument itself)
    std::vector<FolderEntry> entries;                  // folders and input files, by name
    std::vector<std::unique_ptr<Folder>> subfolders;   // one per folder entry, in order
    std::vector<WalkProblem> problems;                 // its own and its entries', by name
    long ignored = 0;    // files of other types
    bool whole = true;   // the folder could be read to its end
};

// `threads`: how many may read at once (0: one per core; 1: this thread alone).
std::unique_ptr<Folder> read_folder_tree(const std::string& root, int threads);

// `dir` + '/' + `name`, as path's operator/ joins them (no second '/').
std::string joined(const std::string& dir, std::string_view name);

}  // namespace naba::indexer
