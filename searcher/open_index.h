// Opens the index naba-search is pointed at, and refuses what is not one: a missing or
// unreadable directory, a database of another Xapian tool, an empty stub file, stubs
// that name each other in a circle.
#pragma once

#include <string>

#include <xapian.h>

namespace naba::searcher {

// Throws std::runtime_error with a message that names `dir` and what to do.
Xapian::Database open_index(const std::string& dir);

}  // namespace naba::searcher
