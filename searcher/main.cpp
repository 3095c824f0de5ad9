// naba-search: ranked search over a Naba index from the command line.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <stdexcept>

#include <xapian.h>

#include "analyzer.h"
#include "printers/printer.h"
#include "query_builder.h"
#include "search.h"
#include "search_options.h"

namespace fs = std::filesystem;
using namespace naba::searcher;

namespace {

constexpr int kExitMatch = 0, kExitNoMatch = 1, kExitError = 2;

int fail(const std::string& message) {
    std::cerr << "naba-search: " << message << "\n";
    return kExitError;
}

Xapian::Database open_index(const std::string& dir) {
    if (!fs::exists(dir))
        throw std::runtime_error("no index at " + dir + "; build one with: naba-index --db " + dir + " PATH...");
    try {
        return Xapian::Database(dir);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw std::runtime_error(dir + " is not a Naba index (" + e.get_msg() +
                                 "); point --db at a directory made by naba-index");
    }
}

int search(const SearchOptions& options) {
    Xapian::Database db = open_index(options.db_dir);
    naba::Analyzer analyzer;
    PrintContext context{options.query, options.format == "text" && isatty(STDOUT_FILENO)};
    auto printer = make_printer(options.format, std::cout, context);
    std::optional<SnippetStyle> snippets;
    if (printer->wants_snippets()) snippets = printer->snippet_style();

    QueryBuilder builder(analyzer, db);
    ParsedQuery parsed;
    try {
        parsed = builder.build(options.query, options.default_op);
    } catch (const Xapian::QueryParserError& e) {
        return fail("cannot parse the query '" + options.query + "': " + e.get_msg() +
                    " (put words that are operators, like AND, in quotes)");
    }
    if (parsed.only_stop_words)
        std::cerr << "naba-search: every word of the query is a stop word; search for a phrase in quotes instead\n";

    SearchPage page;
    // A writer committing meanwhile can invalidate what we read: reopen and retry.
    for (int attempt = 0;; ++attempt) {
        try {
            page = run_search(db, analyzer, parsed.query, options.offset, options.limit, snippets);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw;
            db.reopen();
        }
    }
    for (const Hit& hit : page.hits) printer->hit(hit);
    printer->summary(page, options.offset);
    std::cout.flush();
    return page.total > 0 ? kExitMatch : kExitNoMatch;
}

}  // namespace

int main(int argc, char** argv) {
    SearchOptions options;
    try {
        if (!parse_search_options(argc, argv, options)) return kExitMatch;
    } catch (const std::invalid_argument& e) {
        return fail(std::string(e.what()) + " (see naba-search --help)");
    }
    try {
        return search(options);
    } catch (const Xapian::DatabaseCorruptError& e) {
        return fail("the index at " + options.db_dir + " is damaged (" + e.get_msg() + "); rebuild it with naba-index");
    } catch (const Xapian::Error& e) {
        return fail(e.get_description());
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}
