#include "printers/facet_printer.h"

#include <nlohmann/json.hpp>

namespace naba::searcher {

bool format_prints_facets(const std::string& format) {
    return format == "text" || format == "tsv" || format == "json";
}

void print_facets(std::ostream& out, const std::string& format, const QueryLabel& label,
                  const std::vector<FacetCount>& facets) {
    for (const FacetCount& f : facets) {
        if (format == "json") {
            nlohmann::ordered_json j;
            if (label.batch) j["qid"] = label.qid;
            j["type"] = f.type;
            j["id"] = f.id;
            j["name"] = f.name;
            j["count"] = f.count;
            out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        } else {
            if (label.batch) out << label.qid << '\t';
            out << f.type << '\t' << f.count << '\t' << f.id << '\t' << f.name << '\n';
        }
    }
}

}  // namespace naba::searcher
