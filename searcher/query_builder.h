// Turns the user's query string into a Xapian::Query with Xapian's QueryParser,
// configured by the shared Analyzer (same normalization, stop words and stemmer as
// indexing) and the field prefixes from schema.h.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analyzer.h"
#include "entity_catalog.h"
#include "query_collection.h"
#include "synonym_weights.h"
#include "search_options.h"

namespace naba::searcher {

struct ParsedQuery {
    Xapian::Query query;
    bool only_stop_words = false;  // every word is a stop word, so nothing can match
    bool no_words = false;         // nothing to search: only operators or punctuation ("+")
    // Values of person:/place:/org:/entity: that name no known entity (they match nothing), as typed.
    std::vector<std::string> unknown_entities;
    // Values of lang: that no document of the index has (they match nothing).
    std::vector<std::string> unknown_languages;
    std::vector<std::string> unknown_sources;  // likewise for source:
    Collection collection;  // the documents BM25 counts for it (query_collection.h)
    bool question = false;  // written as a question (text::is_question): SearchRequest::question
};

// True for an index that keeps its stems as synonym groups (schema.h, kStemmingKey)
// whose synonym table cannot be read: Xapian 1.4's remote backend (xapian-tcpsrv)
// does not serve it. A stemmed word would then find nothing, so QueryBuilder matches
// words as written on such an index. An index that has no group to serve says so
// (schema::kNoStemGroupsKey).
bool stem_groups_unserved(const Xapian::Database& db);

class QueryBuilder {
  public:
    QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db, EntityCatalog& catalog);
    // The field processors given to parser_ point at members.
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    // Throws Xapian::QueryParserError for a query that does not parse.
    ParsedQuery build(const std::string& query, DefaultOp op);

    // The query with misspelt words replaced by close words of the index's spelling
    // data, or "" when there is nothing to correct, as spelling_shown.h shows it (the
    // user's words as typed, the new ones as documents write them). Costs an
    // edit-distance search per word, so it is meant for queries that found little.
    std::string suggest(const std::string& query, DefaultOp op);

    // Drops what was read from the index for earlier queries (stem forms, document
    // counts, spelling suggestions), for a reopened database.
    void forget_cached();

  private:
    Xapian::Query parse(const std::string& normalized);
    bool plain_words(const std::string& text, const Xapian::Query& parsed);
    std::vector<std::string> written_stop_words(const Xapian::Query& part) const;
    bool only_stemmed_stop_words(const Xapian::Query& query) const;
    // A stop word, or a word the index holds as written or through its stem.
    bool known_word(const std::string& word) const;
    std::vector<std::string> searched_words(const Xapian::Query& query, const std::string& normalized) const;
    const std::vector<std::string>& stem_forms(const std::string& key) const;
    Xapian::Query stem_query(const std::string& key) const;
    Xapian::Query with_stem_groups(const Xapian::Query& query) const;
    double stem_frequency(const std::string& key) const;
    Xapian::Query root_query(const std::vector<std::string>& words) const;
    Xapian::Query with_alternatives(const Xapian::Query& query,
                                    const std::function<Xapian::Query(const Xapian::Query&)>& more) const;
    std::string clitic_alternative(const std::string& word) const;
    Xapian::Query clitic_alternatives(const std::vector<std::string>& words) const;
    Xapian::Query name_key_alternatives(const std::vector<std::string>& words) const;
    Xapian::Query ngram_query(const std::vector<std::string>& words) const;
    Xapian::Query spelling_alternatives(const std::vector<std::string>& words) const;
    Xapian::Query ranking_bonus(const Xapian::Query& query, const std::string& normalized, bool roots_in_bonus) const;

    const Analyzer& analyzer_;
    const Xapian::Database& db_;
    Xapian::QueryParser parser_;
    std::vector<std::string> field_names_;  // the fields given to parser_, as written in a query
    SynonymWeights synonym_weights_;
    QueryCollections collections_;
    mutable std::unordered_map<std::string, std::vector<std::string>> stem_forms_;  // by stem key
    mutable std::unordered_map<std::string, std::string> spellings_;  // a word's spelling suggestion, by word
    std::vector<std::string> unknown_entities_;  // filled by the entity field processors
    std::string written_;  // the query being parsed, as written: the date: processor quotes it
};

}  // namespace naba::searcher
