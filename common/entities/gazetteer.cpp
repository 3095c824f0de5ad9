#include "entities/gazetteer.h"

#include <unordered_set>

#include "entities/builtin_gazetteer.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba::entities {

std::string_view type_name(EntityType type) {
    switch (type) {
        case EntityType::person: return "person";
        case EntityType::place: return "place";
        case EntityType::org: return "org";
        case EntityType::unknown: break;
    }
    return "unknown";
}

std::optional<EntityType> parse_type(std::string_view name) {
    if (name == "person") return EntityType::person;
    if (name == "place") return EntityType::place;
    if (name == "org" || name == "organisation" || name == "organization") return EntityType::org;
    if (name == "unknown") return EntityType::unknown;
    return std::nullopt;
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t end = s.find(separator, start);
        parts.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return parts;
        start = end + 1;
    }
}

// Empty when the id is well formed, else why not.
std::string id_problem(std::string_view id, EntityType type) {
    if (id.empty()) return "empty id";
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        bool punct = c == ':' || c == '.' || c == '_' || c == '-';
        if (!alnum && !(punct && i > 0))
            return "id '" + std::string(id) + "' must be a lowercase ASCII slug ([a-z0-9] then [a-z0-9:._-])";
    }
    if (id.size() > 2 && id[1] == ':') {
        char expected = type == EntityType::person ? 'p' : type == EntityType::place ? 'l' : 'o';
        if (id[0] != expected && (id[0] == 'p' || id[0] == 'l' || id[0] == 'o'))
            return "id '" + std::string(id) + "' has the prefix of another type than '" +
                   std::string(type_name(type)) + "'";
    }
    return {};
}

// One parsed line (aliases with their '~' flags), before it is merged in.
Entity parse_line(std::string_view line, const std::string& where) {
    std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() != 5)
        throw GazetteerError(where + ": expected 5 TAB-separated fields (id, type, english, arabic, aliases), found " +
                             std::to_string(fields.size()));
    Entity entity;
    entity.id = std::string(trim(fields[0]));
    std::optional<EntityType> type = parse_type(trim(fields[1]));
    if (!type || *type == EntityType::unknown)
        throw GazetteerError(where + ": unknown type '" + std::string(trim(fields[1])) +
                             "' (expected person, place or org)");
    entity.type = *type;
    if (std::string problem = id_problem(entity.id, entity.type); !problem.empty())
        throw GazetteerError(where + ": " + problem);
    entity.english = std::string(trim(fields[2]));
    entity.arabic = std::string(trim(fields[3]));
    if (entity.english.empty() && entity.arabic.empty())
        throw GazetteerError(where + ": entity '" + entity.id + "' has neither an English nor an Arabic name");
    for (std::string_view alias : split(fields[4], '|')) {
        alias = trim(alias);
        bool ambiguous = !alias.empty() && alias.front() == '~';
        if (ambiguous) alias = trim(alias.substr(1));
        if (alias.empty()) continue;
        entity.aliases.emplace_back(alias);
        entity.ambiguous.push_back(ambiguous);
    }
    return entity;
}

void add_alias(Entity& entity, const std::string& alias, bool ambiguous) {
    if (alias.empty()) return;
    for (std::size_t i = 0; i < entity.aliases.size(); ++i)
        if (entity.aliases[i] == alias) {
            entity.ambiguous[i] = entity.ambiguous[i] || ambiguous;
            return;
        }
    entity.aliases.push_back(alias);
    entity.ambiguous.push_back(ambiguous);
}

}  // namespace

Gazetteer Gazetteer::builtin() {
    Gazetteer gazetteer;
    gazetteer.add_tsv(builtin_gazetteer_tsv(), "data/gazetteer.tsv (built in)");
    return gazetteer;
}

void Gazetteer::add_tsv(std::string_view text, std::string_view source_name) {
    // Parse everything first so that a bad line leaves the gazetteer unchanged.
    std::vector<Entity> parsed;
    std::unordered_set<std::string> ids_here;
    std::size_t line_number = 0;
    text = text::without_byte_order_mark(text);
    if (text.find('\0') != std::string_view::npos)
        throw GazetteerError(std::string(source_name) + ":0: the file contains NUL bytes (binary, or UTF-16: save it as UTF-8)");
    for (std::string_view line : split(text, '\n')) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!text::is_valid_utf8(line))
            throw GazetteerError(std::string(source_name) + ":" + std::to_string(line_number) +
                                 ": invalid UTF-8 (save the file as UTF-8)");
        if (trim(line).empty() || trim(line).front() == '#') continue;
        std::string where = std::string(source_name) + ":" + std::to_string(line_number);
        Entity entity = parse_line(line, where);
        if (!ids_here.insert(entity.id).second)
            throw GazetteerError(where + ": duplicate id '" + entity.id + "' in the same file");
        if (const Entity* existing = find(entity.id); existing && existing->type != entity.type)
            throw GazetteerError(where + ": id '" + entity.id + "' already exists with type '" +
                                 std::string(type_name(existing->type)) + "'");
        parsed.push_back(std::move(entity));
    }
    for (Entity& entity : parsed) {
        auto it = by_id_.find(entity.id);
        if (it == by_id_.end()) {
            by_id_.emplace(entity.id, entities_.size());
            entities_.push_back(std::move(entity));
            continue;
        }
        Entity& existing = entities_[it->second];
        add_alias(existing, entity.english, false);
        add_alias(existing, entity.arabic, false);
        for (std::size_t i = 0; i < entity.aliases.size(); ++i)
            add_alias(existing, entity.aliases[i], entity.ambiguous[i]);
    }
}

const Entity* Gazetteer::find(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &entities_[it->second];
}

}  // namespace naba::entities
