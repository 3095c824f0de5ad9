// naba-search: ranked search over a Naba index, one query or a batch.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include <xapian.h>

#include "open_files_limit.h"
#include "open_index.h"
#include "printers/printer.h"
#include "query_builder.h"
#include "schema.h"
#include "query_runner.h"
#include "search_options.h"
#include "stdout_buffer.h"
#include "terminal_text.h"

namespace fs = std::filesystem;
using namespace naba::searcher;

namespace {

constexpr int kExitMatch = 0, kExitNoMatch = 1, kExitError = 2;

int fail(const std::string& message) {
    report(message);
    return kExitError;
}

// Whether stdout took everything written to it. Output that could not be written (a
// full disk, a closed stdout, a closed pipe while SIGPIPE is ignored) is an error, as
// for grep: exit 0 would say it was there. A broken pipe otherwise ends the program first.
bool flushed(const RedirectedOutput& out, const std::string& what) {
    if (std::cout.flush()) return true;
    report("cannot write " + what + "to stdout" + (out.error() ? std::string(": ") + std::strerror(out.error()) : ""));
    return false;
}

int exit_code(Outcome outcome) {
    switch (outcome) {
        case Outcome::matched: return kExitMatch;
        case Outcome::no_match: return kExitNoMatch;
        case Outcome::error: break;
    }
    return kExitError;
}

int search(const SearchOptions& options, const RedirectedOutput& out) {
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
    if (!db.get_metadata(std::string(naba::schema::kBuildingKey)).empty()) {
        // Stemmed terms are written with each document; stem synonyms come with the merge.
        report(options.db_dir + " is still being built (or its build was stopped: run naba-index again to finish it); "
               "searching the " + std::to_string(db.get_doccount()) + " documents written so far" +
               (db.get_metadata(std::string(naba::schema::kStemmingKey)) == "terms" ? "" : ", words matched as written"));
    } else {
        if (const std::string why = analysis_warning(db); !why.empty()) report(options.db_dir + why);
        if (stem_groups_unserved(db))
            report(options.db_dir +
                   ": the index keeps its stems in its synonym table, which Xapian's remote backend does not "
                   "serve; words are matched as written (build a served index with naba-index --stemmed-terms "
                   "to search stems)");
    }
    const PrintSettings settings{options.color, options.fields, options.null_ends ? '\0' : '\n',
                                 options.sort != SortOrder::relevance};
    auto printer = make_printer(options.format, std::cout, settings);
    QueryRunner runner(options, db, *printer);
    Outcome outcome = options.batch_file.empty() ? runner.run(QueryLabel{"1", options.query, false})
                      : options.batch_file == "-" ? runner.run_batch(std::cin)
                                                  : runner.run_batch(batch_file);
    return flushed(out, "the results ") ? exit_code(outcome) : kExitError;
}

}  // namespace

int main(int argc, char** argv) {
    const RedirectedOutput out(std::cout, STDOUT_FILENO);
    SearchOptions options;
    try {
        if (!parse_search_options(argc, argv, options)) return flushed(out, "") ? kExitMatch : kExitError;  // --help
    } catch (const std::invalid_argument& e) {
        return fail(std::string(e.what()) + " (see naba-search --help; put -- before a query that starts with -)");
    }
    naba::raise_open_files_limit();  // an index being built is many databases (indexer/shard_segments.h)
    try {
        return search(options, out);
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
