#include "stored_gazetteer.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "schema.h"

namespace naba {

entities::Gazetteer stored_gazetteer(const Xapian::Database& db) {
    entities::Gazetteer gazetteer = entities::Gazetteer::builtin();
    const std::string user = db.get_metadata(std::string(schema::kUserGazetteerKey));
    if (!user.empty()) gazetteer.add_tsv(user, "the gazetteer stored in the index");
    return gazetteer;
}

std::string read_gazetteer_files(const std::vector<std::string>& paths) {
    std::string all;
    for (const std::string& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read gazetteer " + path + " (does it exist?)");
        std::ostringstream text;
        text << in.rdbuf();
        std::string content = text.str();
        entities::Gazetteer check = entities::Gazetteer::builtin();
        check.add_tsv(content, path);  // throws GazetteerError with path:line
        if (!content.empty() && content.back() != '\n') content += '\n';
        all += content;
    }
    return all;
}

}  // namespace naba
