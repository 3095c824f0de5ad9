#include "search_options.h"

#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <vector>

#include <boost/program_options.hpp>

#include "printers/printer.h"

namespace po = boost::program_options;

namespace naba::searcher {
namespace {

constexpr const char* kUsage = R"(Usage: naba-search [OPTIONS] QUERY...

Searches a Naba index, best matches first (BM25). Arabic and English words are
normalized and stemmed as at indexing time, so كتاب finds وبالكتاب and "talks" finds
"talk". Query syntax (Xapian):
  ceasefire talks            either word (default operator OR; see --default-op)
  "prisoner exchange"        phrase (words exactly as written, in order)
  odesa AND grain            both;  grain NOT odesa   the first without the second
  +truce -nuclear            must have / must not have
  ceasefire NEAR monitors    within 10 words;  a NEAR/3 b   within 3
  (putin OR بوتين) AND talks grouping
  title:ceasefire            a word in the title
  lang:ar  lang:en           documents in one language
  id:en/riyadh-talks.txt     one document by id
  '*'                        every document

Examples:
  naba-search 'وقف إطلاق النار'
  naba-search -n 5 --format json 'grain corridor' | jq .title
  naba-search --format ids 'prisoner exchange' lang:en

Exit status: 0 something matched, 1 nothing matched, 2 error.

Options)";

}  // namespace

bool parse_search_options(int argc, char** argv, SearchOptions& out) {
    const char* env_db = std::getenv("NABA_DB");
    std::string default_op = "or";
    std::vector<std::string> words;
    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("db,d", po::value(&out.db_dir)->default_value(env_db && *env_db ? env_db : "./naba-db"),
         "index directory (default: $NABA_DB, else ./naba-db)")
        ("limit,n", po::value(&out.limit)->default_value(10), "show at most N results")
        ("offset", po::value(&out.offset)->default_value(0), "skip the first K results (paging)")
        ("default-op", po::value(&default_op)->default_value("or"), "how plain words combine: or | and")
        ("format,f", po::value(&out.format)->default_value("text"),
         "output: text (for people), json (one object per line), ids (one id per line)");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << visible << "\n";
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw std::invalid_argument(e.what());
    }
    if (out.limit < 0) throw std::invalid_argument("--limit must be 0 or more");
    if (out.offset < 0) throw std::invalid_argument("--offset must be 0 or more");
    if (default_op == "or") {
        out.default_op = DefaultOp::op_or;
    } else if (default_op == "and") {
        out.default_op = DefaultOp::op_and;
    } else {
        throw std::invalid_argument("--default-op must be 'or' or 'and', not '" + default_op + "'");
    }
    if (!is_known_format(out.format))
        throw std::invalid_argument("--format must be one of " + known_formats() + ", not '" + out.format + "'");
    for (const std::string& w : words) out.query += (out.query.empty() ? "" : " ") + w;
    if (out.query.find_first_not_of(" \t\r\n") == std::string::npos)
        throw std::invalid_argument("no QUERY given; to list every document, search for '*'");
    return true;
}

}  // namespace naba::searcher
