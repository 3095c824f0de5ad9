#include "entity_filter.h"

#include "schema.h"

namespace naba::searcher {

EntityFieldProcessor::EntityFieldProcessor(EntityCatalog& catalog, std::optional<entities::EntityType> type,
                                           std::vector<std::string>& unresolved)
    : catalog_(catalog), type_(type), unresolved_(unresolved) {}

Xapian::Query EntityFieldProcessor::operator()(const std::string& value) {
    if (value.find_first_not_of(" \t") == std::string::npos)
        throw Xapian::QueryParserError("an entity filter needs a name after the colon, e.g. person:zelensky or "
                                       "person:\"john smith\"");
    std::vector<std::string> terms;
    for (const std::string& id : catalog_.resolve(value, type_))
        terms.push_back(schema::bounded_term(schema::entity_prefix(catalog_.type_of(id)), id));
    // A value that names no gazetteer entity resolves to a "u:" id; when no document
    // mentions that either, say so rather than fail silently.
    bool mentioned = false;
    for (const std::string& term : terms) mentioned |= catalog_.documents_with(term) > 0;
    if (!mentioned) unresolved_.push_back(value);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace naba::searcher
