// Entity facets: how many matching documents mention each person, place and
// organisation. A Xapian MatchSpy reads each matching document's entity list (one
// value slot, see schema.h), so the counts are exact over the whole match set.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace naba::searcher {

struct FacetCount {
    std::string type;  // "person", "place", "org" or "unknown"
    std::string id;
    std::string name;  // filled in by the caller (EntityCatalog)
    Xapian::doccount count = 0;
};

class EntityFacetSpy : public Xapian::MatchSpy {
  public:
    // Counts entities of these types only ("person", "place", "org", "unknown").
    explicit EntityFacetSpy(std::vector<std::string> types);

    void operator()(const Xapian::Document& doc, double weight) override;

    // The `limit` most frequent entities of `type` (ties by id), names left empty.
    std::vector<FacetCount> top(const std::string& type, std::size_t limit) const;

  private:
    std::vector<std::string> types_;
    // Key: the slot's "type<TAB>id" line, counted without splitting it.
    struct Hash {
        using is_transparent = void;  // look up string_views without building strings
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Xapian::doccount, Hash, std::equal_to<>> counts_;
};

// The entity types --facets accepts, in the order they are printed.
const std::vector<std::string>& facet_type_names();

}  // namespace naba::searcher
