// The query filters person:, place:, org: and entity:. The value may be any alias in
// either script or a close spelling (person:zelenski, person:زيلينسكي, place:kiev);
// it is resolved to canonical entity ids and filters on their terms.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "entity_catalog.h"

namespace naba::searcher {

class EntityFieldProcessor : public Xapian::FieldProcessor {
  public:
    // `type`: the filter's entity type; nullopt for entity: (any type).
    // `unresolved` collects values that name no known entity, for a hint.
    EntityFieldProcessor(EntityCatalog& catalog, std::optional<entities::EntityType> type,
                         std::vector<std::string>& unresolved);

    Xapian::Query operator()(const std::string& value) override;

  private:
    std::vector<std::string> ids_for(const std::string& value);

    EntityCatalog& catalog_;
    std::optional<entities::EntityType> type_;
    std::vector<std::string>& unresolved_;
};

}  // namespace naba::searcher
