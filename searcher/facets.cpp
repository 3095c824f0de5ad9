#include "facets.h"

#include <algorithm>

#include "schema.h"

namespace naba::searcher {

const std::vector<std::string>& facet_type_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const schema::EntityTypePrefix& t : schema::kEntityTypes) out.emplace_back(t.type);
        return out;
    }();
    return names;
}

EntityFacetSpy::EntityFacetSpy(std::vector<std::string> types) : types_(std::move(types)) {}

void EntityFacetSpy::operator()(const Xapian::Document& doc, double) {
    const std::string value = doc.get_value(schema::kEntitiesSlot);
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string::npos) end = value.size();
        std::string_view line(value.data() + start, end - start);
        std::string_view type = line.substr(0, line.find('\t'));
        if (std::find(types_.begin(), types_.end(), type) != types_.end()) {
            if (auto it = counts_.find(line); it != counts_.end()) {
                ++it->second;
            } else {
                counts_.emplace(line, 1);
            }
        }
        start = end + 1;
    }
}

std::vector<FacetCount> EntityFacetSpy::top(const std::string& type, std::size_t limit) const {
    std::vector<FacetCount> all;
    for (const auto& [line, count] : counts_) {
        std::size_t tab = line.find('\t');
        if (tab == std::string::npos || line.compare(0, tab, type) != 0 || tab != type.size()) continue;
        all.push_back({type, line.substr(tab + 1), "", count});
    }
    auto more_frequent = [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.id < b.id;
    };
    if (all.size() > limit) {
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(limit), all.end(), more_frequent);
        all.resize(limit);
    } else {
        std::sort(all.begin(), all.end(), more_frequent);
    }
    return all;
}

}  // namespace naba::searcher
