#include "field_names.h"

#include <algorithm>
#include <cctype>

#include <xapian.h>

#include "query_checks.h"
#include "text/terminal_text.h"

namespace naba::searcher {
namespace {

std::string lower(std::string_view text) {
    std::string out;
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Edits (insert, delete, replace, swap of neighbours) from a to b: the optimal string
// alignment distance, so titel is one edit from title.
std::size_t edits(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::string unknown_field(std::string_view query, const std::vector<std::string>& fields) {
    std::string found;
    for_each_chunk(query, [&](std::size_t at) {
        if (at >= query.size() || !found.empty()) return;
        if (query[at] == '+' || query[at] == '-') ++at;
        std::size_t colon = at;
        while (colon < query.size() && std::isalpha(static_cast<unsigned char>(query[colon]))) ++colon;
        if (colon == at || colon + 1 >= query.size() || query[colon] != ':') return;
        const char next = query[colon + 1];
        if (std::isspace(static_cast<unsigned char>(next)) || next == '/') return;
        const std::string_view name = query.substr(at, colon - at);
        if (std::none_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
            return;
        if (std::find(fields.begin(), fields.end(), lower(name)) != fields.end()) return;
        // A capitalised word glued to the next (Zelensky:peace, Breaking:Trump) is pasted
        // text far more often than a field, unless it is a near miss of one (Titel:).
        if (std::isupper(static_cast<unsigned char>(name.front())) && closest_field(name, fields).empty()) return;
        found = std::string(name) + ":";
    });
    return found;
}

std::string closest_field(std::string_view name, const std::vector<std::string>& fields) {
    if (name.size() > 12) return "";  // more than two edits from every field (entity, the longest, has 6)
    const std::string wanted = lower(name);
    std::string best;
    std::size_t best_edits = std::min<std::size_t>(3, wanted.size());
    for (const std::string& field : fields) {
        const std::size_t e = edits(wanted, field);
        if (e < best_edits) {
            best = field;
            best_edits = e;
        }
    }
    return best;
}

void check_field_names(std::string_view query, const std::vector<std::string>& fields) {
    // Xapian reads "title:" with nothing after it as the word title.
    if (const std::string field = field_without_value(query, fields); !field.empty())
        throw Xapian::QueryParserError("'" + field + "' has nothing right after the colon; write the value next to it, "
                                       "e.g. " + field_value_example(field));
    const std::string unknown = unknown_field(query, fields);
    if (unknown.empty()) return;
    const std::string name = unknown.substr(0, unknown.size() - 1);
    const std::string closest = closest_field(name, fields);
    const std::string shown = text::excerpt(name);  // a "name" may be a megabyte of letters
    std::string list;
    for (const std::string& field : fields) list += (list.empty() ? "" : " ") + field + ":";
    throw Xapian::QueryParserError("there is no field '" + shown + ":'" +
                                   (closest.empty() ? "" : " (did you mean " + closest + ":?)") + "; the fields are " +
                                   list + " (to search the text as words, put it in double quotes: \"" + shown +
                                   ":...\")");
}

}  // namespace naba::searcher
