// Command-line options of naba-search and their parsing (Boost.Program_options).
#pragma once

#include <string>
#include <vector>

#include "search.h"

namespace naba::searcher {

enum class DefaultOp { op_or, op_and };

struct SearchOptions {
    std::string db_dir;
    std::string query;        // the QUERY words joined by spaces (not in batch mode)
    std::string batch_file;   // --batch FILE, "-" for stdin; empty: one query
    long limit = 10;
    long offset = 0;
    DefaultOp default_op = DefaultOp::op_or;
    SortOrder sort = SortOrder::relevance;
    std::string format = "text";
    std::vector<std::string> fields;  // --fields for tsv
    bool null_ends = false;   // --null: ids and paths end with NUL, not newline
    bool count_only = false;
    bool color = false;       // resolved from --color auto|always|never
    bool timings = false;     // per-query microseconds on stderr (benchmarks)
    bool show_query = false;  // the Xapian query description on stderr
    std::vector<std::string> facet_types;  // --facets: print these entity counts instead of hits
    long facet_limit = 10;
};

// Parses argv. Returns false when --help or --version was printed (exit 0); throws
// std::invalid_argument with a one-line message for bad usage (exit 2).
bool parse_search_options(int argc, char** argv, SearchOptions& out);

}  // namespace naba::searcher
