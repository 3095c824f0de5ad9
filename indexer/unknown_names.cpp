#include "unknown_names.h"

#include <algorithm>

#include "schema.h"

namespace naba::indexer {

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
        if (std::optional<schema::StoredEntity> e = schema::find_stored_entity(db, term)) {
            name.id = e->id;  // the term may hold a hash of a long id
            name.name = e->name;
        }
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace naba::indexer
