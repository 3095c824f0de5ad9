// naba-search: ranked search over a Naba index, one query or a batch.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include <xapian.h>

#include "open_index.h"
#include "printers/printer.h"
#include "query_builder.h"
#include "schema.h"
#include "query_runner.h"
#include "search_options.h"
#include "terminal_text.h"

namespace fs = std::filesystem;
using namespace naba::searcher;

namespace {

constexpr int kExitMatch = 0, kExitNoMatch = 1, kExitError = 2;

int fail(const std::string& message) {
    report(message);
    return kExitError;
}

int exit_code(Outcome outcome) {
    switch (outcome) {
        case Outcome::matched: return kExitMatch;
        case Outcome::no_match: return kExitNoMatch;
        case Outcome::error: break;
    }
    return kExitError;
}

int search(const SearchOptions& options) {
    std::ifstream batch_file;
    if (!options.batch_file.empty() && options.batch_file != "-") {
        // An ifstream opens a folder too, and then reads no line from it.
        std::error_code ec;
        if (fs::is_directory(options.batch_file, ec))
            return fail("--batch " + options.batch_file + " is a folder; give a file with one query per line");
        batch_file.open(options.batch_file);
        if (!batch_file)
            return fail("cannot read --batch file " + options.batch_file + ": " + std::strerror(errno) +
                        "; give a file with one query per line, or - for stdin");
    }
    Xapian::Database db = open_index(options.db_dir);
    if (!db.get_metadata(std::string(naba::schema::kBuildingKey)).empty())
        // Stemmed terms are written with each document; stem synonyms come with the merge.
        report(options.db_dir + " is still being built (or its build was stopped: run naba-index again to finish it); "
               "searching the " + std::to_string(db.get_doccount()) + " documents written so far" +
               (db.get_metadata(std::string(naba::schema::kStemmingKey)) == "terms" ? "" : ", words matched as written"));
    else if (stem_groups_unserved(db))
        report(options.db_dir +
               ": the index keeps its stems in its synonym table, which Xapian's remote backend does not "
               "serve; words are matched as written (build a served index with naba-index --stemmed-terms "
               "to search stems)");
    const PrintSettings settings{options.color, options.fields, options.null_ends ? '\0' : '\n'};
    auto printer = make_printer(options.format, std::cout, settings);
    QueryRunner runner(options, db, *printer);
    Outcome outcome = options.batch_file.empty() ? runner.run(QueryLabel{"1", options.query, false})
                      : options.batch_file == "-" ? runner.run_batch(std::cin)
                                                  : runner.run_batch(batch_file);
    // Results that could not be written (a full disk, a closed stdout) are an error,
    // as for grep: exit 0 said they were there. A broken pipe ends the program before.
    // errno tells why only when this flush is the write that failed.
    const bool failed_before = !std::cout;
    errno = 0;
    if (!std::cout.flush())
        return fail(std::string("cannot write the results to stdout") +
                    (!failed_before && errno ? std::string(": ") + std::strerror(errno) : std::string()));
    return exit_code(outcome);
}

}  // namespace

int main(int argc, char** argv) {
    SearchOptions options;
    try {
        if (!parse_search_options(argc, argv, options)) return kExitMatch;
    } catch (const std::invalid_argument& e) {
        return fail(std::string(e.what()) + " (see naba-search --help; put -- before a query that starts with -)");
    }
    try {
        return search(options);
    } catch (const std::invalid_argument& e) {
        return fail(std::string(e.what()) + " (see naba-search --help)");
    } catch (const Xapian::DatabaseCorruptError& e) {
        return fail("the index at " + options.db_dir + " is damaged (" + e.get_msg() + "); rebuild it with naba-index");
    } catch (const Xapian::Error& e) {
        return fail(e.get_description());
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}
