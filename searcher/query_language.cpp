#include "query_language.h"

#include <string>
#include <string_view>

#include "schema.h"
#include "text/script.h"
#include "text/utf8.h"

namespace naba::searcher {
namespace {

struct Scripts {
    bool arabic = false, latin = false;
};

void add_letters(std::string_view text, Scripts& seen) {
    for (std::size_t i = 0; i < text.size();) {
        switch (text::script_of(text::next_code_point(text, i))) {
            case text::Script::arabic: seen.arabic = true; break;
            case text::Script::latin: seen.latin = true; break;
            case text::Script::other: break;
        }
    }
}

// Xapian 1.4 shows a wildcard's pattern only in its description, as the last word:
// "Query(WILDCARD SYNONYM gaz)".
std::string_view wildcard_pattern(std::string_view description) {
    if (description.ends_with(')')) description.remove_suffix(1);
    const std::size_t space = description.rfind(' ');
    return space == std::string_view::npos ? description : description.substr(space + 1);
}

void add_query(const Xapian::Query& query, Scripts& seen) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_WILDCARD) {
        const std::string description = query.get_description();
        add_letters(schema::without_prefix(wildcard_pattern(description)), seen);
        return;
    }
    if (type == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (!schema::is_filter_term(term)) add_letters(schema::without_prefix(term), seen);
        return;
    }
    // Only the first part of FILTER and AND_NOT is weighed.
    const bool first_only = type == Xapian::Query::OP_FILTER || type == Xapian::Query::OP_AND_NOT;
    const std::size_t parts = first_only ? std::min<std::size_t>(1, query.get_num_subqueries())
                                         : query.get_num_subqueries();
    for (std::size_t n = 0; n < parts; ++n) add_query(query.get_subquery(n), seen);
}

}  // namespace

QueryLanguage query_language(const Xapian::Query& query) {
    Scripts seen;
    add_query(query, seen);
    if (seen.arabic) return seen.latin ? QueryLanguage::mixed : QueryLanguage::arabic;
    return seen.latin ? QueryLanguage::latin : QueryLanguage::none;
}

}  // namespace naba::searcher
