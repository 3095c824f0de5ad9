#include "unknown_names.h"

#include <algorithm>

#include "schema.h"

namespace naba::indexer {
namespace {

// The id and name stored with the first document carrying `term`.
void fill_from_document(const Xapian::Database& db, const std::string& term, UnknownName& out) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return;
    const std::string prefixed_id = term.substr(schema::kUnknownEntityPrefix.size());
    for (const schema::StoredEntity& e : schema::deserialize(db.get_document(*p).get_data()).entities) {
        // Ids too long for a term are stored hashed; match those through the term.
        if (e.id == prefixed_id || schema::bounded_term(schema::kUnknownEntityPrefix, e.id) == term) {
            out.id = e.id;
            out.name = e.name;
            return;
        }
    }
}

}  // namespace

std::vector<UnknownName> most_frequent_unknown_names(const Xapian::Database& db, std::size_t limit) {
    const std::string prefix(schema::kUnknownEntityPrefix);
    std::vector<std::pair<Xapian::doccount, std::string>> top;  // min-heap on documents
    auto more_frequent = [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && limit > 0; ++t) {
        top.emplace_back(t.get_termfreq(), *t);
        std::push_heap(top.begin(), top.end(), more_frequent);
        if (top.size() > limit) {
            std::pop_heap(top.begin(), top.end(), more_frequent);
            top.pop_back();
        }
    }
    std::sort(top.begin(), top.end(), more_frequent);
    std::vector<UnknownName> names;
    for (const auto& [documents, term] : top) {
        UnknownName name{documents, term.substr(prefix.size()), ""};
        fill_from_document(db, term, name);
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace naba::indexer
