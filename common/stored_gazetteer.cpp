#include "stored_gazetteer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <xxhash.h>

#include "entities/builtin_gazetteer.h"
#include "entities/entity_tagger.h"
#include "schema.h"
#include "text/utf8.h"

namespace naba {
namespace {

// Starts each user file in the stored text (a comment line, so the text stays valid
// gazetteer TSV). Files are added one by one, as on the command line: two files may
// both extend the same entity, which one file may not do twice.
constexpr std::string_view kFileMarker = "# naba-gazetteer-file: ";

// Adds the stored text file by file.
void add_stored_files(entities::Gazetteer& gazetteer, std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t next = text.find(std::string("\n").append(kFileMarker), start);
        std::size_t end = next == std::string_view::npos ? text.size() : next + 1;
        std::string_view chunk = text.substr(start, end - start);
        std::string name = "the gazetteer stored in the index";
        if (chunk.starts_with(kFileMarker)) {
            std::size_t eol = chunk.find('\n');
            name += " (from " + std::string(chunk.substr(kFileMarker.size(), eol - kFileMarker.size())) + ")";
        }
        gazetteer.add_tsv(chunk, name);
        start = end;
    }
}

}  // namespace

entities::Gazetteer stored_gazetteer(const Xapian::Database& db) {
    return stored_gazetteer(db.get_metadata(std::string(schema::kUserGazetteerKey)));
}

entities::Gazetteer stored_gazetteer(std::string_view user_entries) {
    entities::Gazetteer gazetteer = entities::Gazetteer::builtin();
    add_stored_files(gazetteer, user_entries);
    return gazetteer;
}

std::string entity_fingerprint(const Xapian::Database& db) {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    const std::string version = std::to_string(entities::kTaggerVersion) + "\n";
    const std::string user = db.get_metadata(std::string(schema::kUserGazetteerKey));
    const std::string_view builtin = entities::builtin_gazetteer_tsv();
    XXH3_64bits_update(state, version.data(), version.size());
    XXH3_64bits_update(state, builtin.data(), builtin.size());
    XXH3_64bits_update(state, user.data(), user.size());
    const XXH64_hash_t hash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::string read_gazetteer_files(const std::vector<std::string>& paths) {
    std::string all;
    entities::Gazetteer check = entities::Gazetteer::builtin();
    for (const std::string& path : paths) {
        if (std::filesystem::is_directory(path))
            throw std::runtime_error("--gazetteer " + path + " is a directory; name a gazetteer file");
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read gazetteer " + path + " (does it exist?)");
        std::ostringstream text;
        text << in.rdbuf();
        std::string content = text.str();
        // Stored after a marker line, a byte order mark would no longer start the text
        // and would become part of the first id: every later run and search would fail.
        if (content.starts_with(text::kByteOrderMark)) content.erase(0, text::kByteOrderMark.size());
        check.add_tsv(content, path);  // throws GazetteerError with path:line
        if (!content.empty() && content.back() != '\n') content += '\n';
        all.append(kFileMarker).append(path).append("\n").append(content);
    }
    return all;
}

}  // namespace naba
