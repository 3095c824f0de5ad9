#include "query_builder.h"

#include <cctype>

#include "date_filter.h"
#include "entity_filter.h"
#include "schema.h"

namespace naba::searcher {
namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_WILDCARD;

// A wildcard expands to at most this many terms (the most frequent ones), so a
// query like a* stays fast on a large index instead of failing.
constexpr Xapian::termcount kMaxWildcardTerms = 1000;

// id:VALUE goes through schema::id_term, so ids too long to be a term verbatim
// (stored hashed) are found as well.
class IdFieldProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& id) override { return Xapian::Query(schema::id_term(id)); }
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

// Xapian keeps a query made only of stop words, as stemmed terms (Zthe); but stop
// words are indexed without a stemmed form, so such a query can never match.
bool QueryBuilder::only_stemmed_stop_words(const Xapian::Query& query) const {
    bool any = false;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        const std::string& term = *t;
        if (!term.starts_with('Z')) return false;
        std::size_t word = 1;
        while (word < term.size() && std::isupper(static_cast<unsigned char>(term[word]))) ++word;  // field prefix
        if (!analyzer_.is_stop_word(term.substr(word))) return false;
        any = true;
    }
    return any;
}

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db, EntityCatalog& catalog)
    : analyzer_(analyzer) {
    analyzer_.configure(parser_);
    parser_.set_database(db);
    parser_.add_prefix("title", std::string(schema::kTitlePrefix));
    parser_.add_boolean_prefix("lang", std::string(schema::kLangPrefix));
    parser_.add_boolean_prefix("source", std::string(schema::kSourcePrefix));
    parser_.add_boolean_prefix("id", (new IdFieldProcessor)->release());
    parser_.add_boolean_prefix("date", (new DateFieldProcessor)->release());
    using entities::EntityType;
    for (auto [field, type] : {std::pair<const char*, std::optional<EntityType>>{"person", EntityType::person},
                               {"place", EntityType::place},
                               {"org", EntityType::org},
                               {"entity", std::nullopt}}) {
        parser_.add_boolean_prefix(field, (new EntityFieldProcessor(catalog, type, unknown_entities_))->release());
    }
    parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

ParsedQuery QueryBuilder::build(const std::string& query, DefaultOp op) {
    ParsedQuery parsed;
    if (trim(query) == "*") {
        parsed.query = Xapian::Query::MatchAll;
        return parsed;
    }
    parser_.set_default_op(op == DefaultOp::op_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    // Ids are matched exactly as written, so the id: field is not normalized.
    unknown_entities_.clear();
    parsed.query = parser_.parse_query(analyzer_.normalize_query(query, {"id"}), kParseFlags);
    parsed.only_stop_words = only_stemmed_stop_words(parsed.query);
    parsed.unknown_entities = unknown_entities_;
    return parsed;
}

std::string QueryBuilder::suggest(const std::string& query, DefaultOp op) {
    if (trim(query) == "*") return "";
    parser_.set_default_op(op == DefaultOp::op_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    try {
        parser_.parse_query(analyzer_.normalize_query(query, {"id"}),
                            kParseFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::QueryParserError&) {
        return "";
    }
    return parser_.get_corrected_query_string();
}

}  // namespace naba::searcher
