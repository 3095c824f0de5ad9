#include "schema.h"

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <xxhash.h>

namespace naba::schema {

std::string bounded_term(std::string_view prefix, std::string_view text) {
    std::string term(prefix);
    if (term.size() + text.size() <= kMaxVerbatimIdBytes) return term.append(text);
    XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return term.append("#").append(hex);
}

std::string serialize(const StoredDocument& doc) {
    nlohmann::ordered_json j = {
        {"v", kDataVersion}, {"id", doc.id},         {"path", doc.path},
        {"line", doc.line},  {"title", doc.title},   {"date", doc.date},
        {"lang", doc.lang},  {"source", doc.source}, {"url", doc.url},
        {"text", doc.text},
    };
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredDocument deserialize(std::string_view data) {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id")) {
        throw std::runtime_error("document data is not a Naba record (index built by another tool?)");
    }
    auto str = [&](const char* key) { return j.value(key, std::string()); };
    StoredDocument doc;
    doc.id = str("id");
    doc.path = str("path");
    doc.line = j.value("line", 0L);
    doc.title = str("title");
    doc.date = str("date");
    doc.lang = str("lang");
    doc.source = str("source");
    doc.url = str("url");
    doc.text = str("text");
    return doc;
}

}  // namespace naba::schema
