#include "schema.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include <xxhash.h>

namespace naba::schema {

bool is_filter_term(std::string_view term) {
    for (std::string_view prefix : {kIdPrefix, kLangPrefix, kSourcePrefix, kPersonPrefix, kPlacePrefix, kOrgPrefix,
                                    kUnknownEntityPrefix, kRootDirPrefix})
        if (term.starts_with(prefix)) return true;
    return false;
}

bool is_build_stub(const std::string& db_dir) {
    std::ifstream in(db_dir + "/" + std::string(kStubFileName), std::ios::binary);
    std::string first;
    return in && std::getline(in, first) && first == kBuildStubMarker;
}

std::string bounded_term(std::string_view prefix, std::string_view text) {
    std::string term(prefix);
    if (term.size() + text.size() <= kMaxVerbatimIdBytes) return term.append(text);
    XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return term.append("#").append(hex);
}

std::string id_term_of(const Xapian::Document& doc) {
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(std::string(kIdPrefix));
    return t != doc.termlist_end() && (*t).starts_with(kIdPrefix) ? *t : std::string();
}

bool is_entity_term(std::string_view term) {
    for (const EntityTypePrefix& t : kEntityTypes)
        if (term.size() > t.prefix.size() && term.starts_with(t.prefix)) return true;
    return false;
}

std::string_view entity_prefix(std::string_view type) {
    for (const EntityTypePrefix& t : kEntityTypes)
        if (t.type == type) return t.prefix;
    throw std::invalid_argument("unknown entity type '" + std::string(type) + "' (person, place, org or unknown)");
}

std::string entities_value(const std::vector<StoredEntity>& entities) {
    std::string value;
    for (const StoredEntity& e : entities) value.append(e.type).append(1, '\t').append(e.id).append(1, '\n');
    return value;
}

std::optional<StoredEntity> find_stored_entity(const Xapian::Database& db, const std::string& term) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return std::nullopt;
    for (StoredEntity& e : deserialize(db.get_document(*p).get_data()).entities) {
        if (e.type.empty()) continue;
        try {
            if (bounded_term(entity_prefix(e.type), e.id) == term) return std::move(e);
        } catch (const std::invalid_argument&) {  // a type this version does not know
        }
    }
    return std::nullopt;
}

bool is_naba_index(const Xapian::Database& db) {
    // The fingerprints and the build flag are naba-index's too: a shard of a build
    // in progress gets all of them.
    for (std::string_view key : {kStemmingKey, kAnalysisKey, kEntityFingerprintKey, kBuildingKey})
        if (!db.get_metadata(std::string(key)).empty()) return true;
    if (db.get_doccount() == 0) return false;
    try {
        deserialize(db.get_document(*db.postlist_begin("")).get_data());
        return true;
    } catch (const std::runtime_error&) {
        return false;  // not a Naba record
    }
}

bool shows_no_stem_groups(const Xapian::Database& db) {
    return db.get_metadata(std::string(kStemmingKey)) == "synonyms" && db.get_doccount() > 0 &&
           db.synonym_keys_begin() == db.synonym_keys_end();
}

}  // namespace naba::schema
