#include "entity_catalog.h"

#include "schema.h"
#include "stored_gazetteer.h"

namespace naba::searcher {

EntityCatalog::EntityCatalog(const Xapian::Database& db, const Analyzer& analyzer) : db_(db), analyzer_(analyzer) {}

const entities::EntityTagger& EntityCatalog::tagger() {
    if (!tagger_) {
        gazetteer_ = std::make_unique<entities::Gazetteer>(stored_gazetteer(db_));
        tagger_ = std::make_unique<entities::EntityTagger>(*gazetteer_, analyzer_);
    }
    return *tagger_;
}

std::vector<std::string> EntityCatalog::resolve(const std::string& value, std::optional<entities::EntityType> type) {
    return tagger().resolve(value, type);
}

std::string EntityCatalog::type_of(const std::string& id) {
    const entities::Entity* e = tagger().gazetteer().find(id);
    return std::string(entities::type_name(e ? e->type : entities::EntityType::unknown));
}

std::string EntityCatalog::name_of(const std::string& type, const std::string& id) {
    if (const entities::Entity* e = tagger().gazetteer().find(id)) return e->english.empty() ? e->arabic : e->english;
    std::optional<schema::StoredEntity> e = schema::find_stored_entity(db_, schema::bounded_term(schema::entity_prefix(type), id));
    return e ? e->name : id;
}

}  // namespace naba::searcher
