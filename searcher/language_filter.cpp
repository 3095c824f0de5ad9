#include "language_filter.h"

#include "schema.h"

namespace naba::searcher {

std::vector<std::string> unknown_languages(const Xapian::Database& db, const Xapian::Query& query) {
    std::vector<std::string> unknown;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if ((*t).starts_with(schema::kLangPrefix) && db.get_termfreq(*t) == 0)
            unknown.push_back((*t).substr(schema::kLangPrefix.size()));
    return unknown;
}

std::vector<std::string> index_languages(const Xapian::Database& db) {
    std::vector<std::string> languages;
    const std::string prefix(schema::kLangPrefix);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
        languages.push_back((*t).substr(prefix.size()));
    return languages;
}

}  // namespace naba::searcher
