// Command-line options of naba-search and their parsing (Boost.Program_options).
#pragma once

#include <string>

namespace naba::searcher {

enum class DefaultOp { op_or, op_and };

struct SearchOptions {
    std::string db_dir;
    std::string query;      // the QUERY words joined by spaces
    long limit = 10;
    long offset = 0;
    DefaultOp default_op = DefaultOp::op_or;
    std::string format = "text";
};

// Parses argv. Returns false when --help was printed (exit 0); throws
// std::invalid_argument with a one-line message for bad usage (exit 2).
bool parse_search_options(int argc, char** argv, SearchOptions& out);

}  // namespace naba::searcher
