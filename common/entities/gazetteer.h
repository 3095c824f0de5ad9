// The gazetteer: the named entities (people, places, organisations) Naba recognises,
// read from the TSV format documented in data/gazetteer.tsv. The built-in file is
// embedded in the binary at build time; users add their own files on top.
//
// Rules for loading (each violation is a GazetteerError "FILE:LINE: reason"):
//  - one entity per line, exactly 5 TAB-separated fields: id, type, english, arabic,
//    aliases; '#' lines and blank lines are skipped; a trailing CR is ignored;
//  - id: lowercase ASCII slug ([a-z0-9] then [a-z0-9:._-]), whose "p:", "l:" or "o:"
//    prefix, when present, must agree with the type;
//  - type: person | place | org (also organisation / organization);
//  - at least one of the English and Arabic names;
//  - aliases: '|'-separated, surrounding spaces trimmed, empty ones skipped; a leading
//    '~' marks the alias ambiguous (used only with supporting context).
// Duplicate ids: within one file (or one add_tsv text) they are an error. An entry in a
// later file whose id already exists must have the same type; it adds its display
// names and aliases to the existing entity as extra aliases (the first file's display
// names stay), so a user file can extend a built-in entity without repeating it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace naba::entities {

enum class EntityType { person, place, org, unknown };

// "person", "place", "org", "unknown".
std::string_view type_name(EntityType type);
// Inverse of type_name; also accepts "organisation" and "organization".
std::optional<EntityType> parse_type(std::string_view name);

struct Entity {
    std::string id;        // "p:volodymyr-zelensky"
    EntityType type = EntityType::unknown;
    std::string english;   // display names (either may be empty, not both)
    std::string arabic;
    std::vector<std::string> aliases;  // as written in the file ('~' stripped)
    std::vector<bool> ambiguous;       // parallel to aliases: had '~'
};

// A malformed gazetteer line; what() = "FILE:LINE: reason".
struct GazetteerError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Gazetteer {
  public:
    // data/gazetteer.tsv as embedded at build time.
    static Gazetteer builtin();

    // Adds entries from TSV text; source_name is used in error messages.
    void add_tsv(std::string_view text, std::string_view source_name);

    const Entity* find(std::string_view id) const;  // nullptr if unknown
    const std::vector<Entity>& entities() const { return entities_; }

  private:
    std::vector<Entity> entities_;
    std::unordered_map<std::string, std::size_t> by_id_;
};

}  // namespace naba::entities
