#include "filter_values.h"

namespace naba::searcher {

std::vector<std::string> unknown_values(const Xapian::Database& db, const Xapian::Query& query,
                                        std::string_view prefix) {
    std::vector<std::string> unknown;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if ((*t).starts_with(prefix) && db.get_termfreq(*t) == 0) unknown.push_back((*t).substr(prefix.size()));
    return unknown;
}

IndexValues index_values(const Xapian::Database& db, std::string_view prefix, std::size_t limit) {
    IndexValues values;
    const std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t, ++values.total)
        if (values.first.size() < limit) values.first.push_back((*t).substr(p.size()));
    return values;
}

}  // namespace naba::searcher
