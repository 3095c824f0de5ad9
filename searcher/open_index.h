// Opens the index naba-search is pointed at, and refuses what is not one: a missing or
// unreadable directory, a database of another Xapian tool, an empty stub file, stubs
// that name each other in a circle. Also tells when an index was analysed otherwise.
#pragma once

#include <string>

#include <xapian.h>

namespace naba::searcher {

// Throws std::runtime_error with a message that names `dir` and what to do.
Xapian::Database open_index(const std::string& dir);

// Empty when the index's words were analysed as this naba-search analyses a query
// (schema::kAnalysisKey); else why some may not match, and what to do, for a
// warning after the index's name.
std::string analysis_warning(const Xapian::Database& db);

}  // namespace naba::searcher
