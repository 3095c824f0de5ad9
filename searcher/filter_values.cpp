#include "filter_values.h"

#include <cctype>
#include <stdexcept>

#include "schema.h"

namespace naba::searcher {

std::string as_typed(std::string_view written, const std::string& normalized, const Analyzer& analyzer) {
    for (std::size_t colon = written.find(':'); colon != std::string_view::npos; colon = written.find(':', colon + 1)) {
        std::size_t start = colon + 1, end = start;
        if (start < written.size() && written[start] == '"') {
            end = written.find('"', ++start);
            if (end == std::string_view::npos) end = written.size();
        } else {
            while (end < written.size() && !std::isspace(static_cast<unsigned char>(written[end])) && written[end] != ')')
                ++end;
        }
        const std::string_view value = written.substr(start, end - start);
        if (!value.empty() && analyzer.normalize_query(value) == normalized) return std::string(value);
    }
    return normalized;
}

namespace {

// A source as the first document with `term` spells it, or "" (an unreadable record).
std::string spelt_source(const Xapian::Database& db, const std::string& term) {
    const Xapian::PostingIterator first = db.postlist_begin(term);
    if (first == db.postlist_end(term)) return "";
    try {
        return schema::deserialize(db.get_document(*first).get_data()).source;
    } catch (const std::runtime_error&) {
        return "";
    }
}

}  // namespace

std::vector<std::string> unknown_values(const Xapian::Database& db, const Xapian::Query& query,
                                        std::string_view prefix, std::string_view written, const Analyzer& analyzer) {
    std::vector<std::string> unknown;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if ((*t).starts_with(prefix) && db.get_termfreq(*t) == 0)
            unknown.push_back(as_typed(written, (*t).substr(prefix.size()), analyzer));
    return unknown;
}

IndexValues index_values(const Xapian::Database& db, std::string_view prefix, std::size_t limit) {
    IndexValues values;
    const std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t, ++values.total) {
        if (values.first.size() >= limit) continue;
        std::string spelt = prefix == schema::kSourcePrefix ? spelt_source(db, *t) : "";
        values.first.push_back(spelt.empty() ? (*t).substr(p.size()) : std::move(spelt));
    }
    return values;
}

}  // namespace naba::searcher
