// Runs queries for naba-search, one at a time or a whole batch in one process,
// against one open index, and hands the results to the chosen Printer.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include <xapian.h>

#include "analyzer.h"
#include "entity_catalog.h"
#include "facets.h"
#include "printers/printer.h"
#include "query_builder.h"
#include "search_options.h"

namespace naba::searcher {

enum class Outcome { matched, no_match, error };

class QueryRunner {
  public:
    QueryRunner(const SearchOptions& options, const Xapian::Database& db, Printer& printer);

    // One query; errors in the query are reported on stderr (with the qid in batch mode).
    Outcome run(const QueryLabel& label);

    // One query per line ("qid<TAB>query" or a plain query, qid = line number).
    // Returns error if any query failed, else matched if any matched, else no_match.
    Outcome run_batch(std::istream& in);

  private:
    // With --facets, `spy` gets a fresh EntityFacetSpy that has seen the whole match set.
    void reopen();
    std::string batch_line_problem(const QueryLabel& label) const;
    ParsedQuery build_with_retry(const std::string& query);
    SearchPage search_with_retry(const std::string& query, ParsedQuery& parsed, std::unique_ptr<EntityFacetSpy>& spy);
    void report_unknown_filters(const std::string& where, const ParsedQuery& parsed);
    void report_entity_spellings(const std::string& where, const std::string& query, const ParsedQuery& parsed,
                                 Xapian::doccount found);
    bool parse(const QueryLabel& label, const std::string& where, ParsedQuery& parsed);
    void print_page(const QueryLabel& label, const SearchPage& page, const EntityFacetSpy* spy);
    void print_facets(const QueryLabel& label, const EntityFacetSpy& spy);

    const SearchOptions& options_;
    Xapian::Database db_;
    Printer& printer_;
    Analyzer analyzer_;
    EntityCatalog catalog_;
    QueryBuilder builder_;
    SearchRequest request_;
};

}  // namespace naba::searcher
