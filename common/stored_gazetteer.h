// The gazetteer an index was built with: the built-in entities plus the entries the
// user added with naba-index --gazetteer, which are stored in the index's metadata so
// that naba-search (and later naba-index runs) resolve exactly the same names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "entities/gazetteer.h"

namespace naba {

// Built-in entities plus the user entries stored in `db` (none for a new index).
entities::Gazetteer stored_gazetteer(const Xapian::Database& db);
// The same from the stored user entries themselves (schema::kUserGazetteerKey's value).
entities::Gazetteer stored_gazetteer(std::string_view user_entries);

// What recognised the entities of `db` (stored under schema::kEntityFingerprintKey):
// a hash of the built-in gazetteer, the user entries stored in `db` and
// entities::kTaggerVersion.
std::string entity_fingerprint(const Xapian::Database& db);

// The text of the user's gazetteer files, one after the other, after checking that
// each one parses (throws entities::GazetteerError naming FILE:LINE, or
// std::runtime_error for a file that cannot be read).
std::string read_gazetteer_files(const std::vector<std::string>& paths);

}  // namespace naba
