// What naba-search knows about entities: the index's gazetteer (built-in plus the
// user's stored entries) and a tagger over it, built on first use only, so queries
// without entity filters or facets pay nothing for them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "entities/entity_tagger.h"

namespace naba::searcher {

class EntityCatalog {
  public:
    EntityCatalog(const Xapian::Database& db, const Analyzer& analyzer);

    // Ids of the entities a user's value names (any alias, script or close spelling).
    std::vector<std::string> resolve(const std::string& value, std::optional<entities::EntityType> type);

    // True when a gazetteer lists this id.
    bool is_known_id(const std::string& id) { return tagger().gazetteer().find(id) != nullptr; }

    // Type name of an id ("person", ...); "unknown" for ids no gazetteer lists.
    std::string type_of(const std::string& id);

    // Display name: the gazetteer's English name (else Arabic), or for an unknown id
    // the name stored with a document that mentions it.
    std::string name_of(const std::string& type, const std::string& id);

    // Documents that carry this term.
    Xapian::doccount documents_with(const std::string& term) const { return db_.get_termfreq(term); }

    // The analysis pipeline the catalog's names are normalized with.
    const Analyzer& analyzer() const { return analyzer_; }

    // The tagger over the index's gazetteer, built on first use.
    const entities::EntityTagger& tagger();

  private:

    Xapian::Database db_;
    const Analyzer& analyzer_;
    std::unique_ptr<entities::Gazetteer> gazetteer_;
    std::unique_ptr<entities::EntityTagger> tagger_;
};

}  // namespace naba::searcher
