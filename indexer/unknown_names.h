// naba-index --report-unknown: the names the tagger found that are not in the
// gazetteer (capitalised name sequences, stored with "u:" ids), most frequent first,
// so a user can see which actors to add to their own gazetteer file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace naba::indexer {

struct UnknownName {
    Xapian::doccount documents = 0;  // documents that mention the name
    std::string id;
    std::string name;                // as stored with a document that mentions it
};

// The `limit` unknown names found in the most documents (ties by id).
std::vector<UnknownName> most_frequent_unknown_names(const Xapian::Database& db, std::size_t limit);

}  // namespace naba::indexer
