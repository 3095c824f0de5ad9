#include "entity_filter.h"

#include "schema.h"

namespace naba::searcher {

EntityFieldProcessor::EntityFieldProcessor(EntityCatalog& catalog, std::optional<entities::EntityType> type,
                                           std::vector<std::string>& unresolved)
    : catalog_(catalog), type_(type), unresolved_(unresolved) {}

// An id as facets print it (p:volodymyr-zelensky, u:brannock-felsworth) is taken as
// it is; anything else is a name to resolve.
std::vector<std::string> EntityFieldProcessor::ids_for(const std::string& value) {
    if (value.starts_with("u:")) return {value};
    if (catalog_.is_known_id(value)) {
        const std::string type = catalog_.type_of(value);
        if (!type_ || entities::type_name(*type_) == type) return {value};
    }
    return catalog_.resolve(value, type_);
}

Xapian::Query EntityFieldProcessor::operator()(const std::string& value) {
    if (value.find_first_not_of(" \t") == std::string::npos)
        throw Xapian::QueryParserError("an entity filter needs a name after the colon, e.g. person:zelensky or "
                                       "person:\"john smith\"");
    if (value.back() == '*')
        throw Xapian::QueryParserError("entity filters take a whole name, not a wildcard: write person:zelensky, not "
                                       "person:zel*");
    std::vector<std::string> terms;
    for (const std::string& id : ids_for(value))
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
