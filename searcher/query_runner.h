// Runs queries for naba-search, one at a time or a whole batch in one process,
// against one open index, and hands the results to the chosen Printer.
#pragma once

#include <istream>
#include <string>

#include <xapian.h>

#include "analyzer.h"
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
    SearchPage search_with_retry(const Xapian::Query& query);

    const SearchOptions& options_;
    Xapian::Database db_;
    Printer& printer_;
    Analyzer analyzer_;
    QueryBuilder builder_;
    SearchRequest request_;
};

}  // namespace naba::searcher
