// Opens the index naba-search is pointed at, and refuses what is not one: a missing or
// unreadable directory, a database of another Xapian tool, an empty stub file, stubs
// that name each other in a circle.
#pragma once

#include <string>

#include <xapian.h>

namespace naba::searcher {

// Throws std::runtime_error with a message that names `dir` and what to do.
Xapian::Database open_index(const std::string& dir);

// Whether naba-index wrote the (opened) database: it records its kind of stems
// (schema::kStemmingKey) in every index it makes, and older indexes without that key
// hold its JSON records. Of a stub of several databases, the first one is looked at
// (Xapian reads metadata from the first only).
bool is_naba_index(const Xapian::Database& db);

}  // namespace naba::searcher
