// Finds the input files under the paths given on the command line and the id each
// text file gets: its path relative to the directory argument it was found under,
// or its name when the file itself was named. Each file's size and times are taken
// as it is found (folder_tree.h), before the reader looks at it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "file_signature.h"

namespace naba::indexer {

enum class InputKind { text, jsonl };

struct InputFile {
    std::string path;  // as found: the argument, or the directory argument/relative path
    std::string id;    // for text files; JSONL documents carry their own ids
    InputKind kind = InputKind::text;
    std::string root;  // canonical path of the directory argument; "" for a named file
    // A name that is not UTF-8: the id an earlier naba-index gave it (its raw bytes),
    // whose document the file's new one replaces. "" for any other name.
    std::string legacy_id;
    std::string canonical;  // canonical_path(path), the form the index stores
    // Size and times (stat(2), following a link), taken when the file was found; none
    // when that failed (the file went in between), with the errno in stat_error.
    std::optional<FileSignature> sig;
    int stat_error = 0;
};

struct WalkProblem {
    std::string path;
    std::string message;
};

struct WalkResult {
    std::vector<InputFile> files;        // sorted by path within each argument
    std::vector<WalkProblem> problems;   // missing paths, unreadable folders, ...
    long ignored = 0;                    // files of other types under directories
    // Directory arguments walked completely (no unreadable folder inside): only
    // under these may a re-run remove the documents of files that disappeared.
    std::vector<std::string> complete_roots;
};

// Which kind a file name has, if Naba reads it (.txt, .md, .jsonl; case-insensitive).
bool input_kind_of(std::string_view path, InputKind& kind);

// The id of a text file's name or relative path: the name itself when it is UTF-8.
// Otherwise each byte of an ill-formed sequence is written \xHH and each backslash
// \\, which keeps the id printable, searchable as id:VALUE, and distinct for two
// names that differ only in their bad bytes (repairing them to U+FFFD would merge those).
std::string file_name_id(std::string_view name);

// `threads`: how many may read folders at once (0: one per core; 1: this thread alone).
WalkResult walk_inputs(const std::vector<std::string>& arguments, int threads = 0);

}  // namespace naba::indexer
