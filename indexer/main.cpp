// naba-index: builds or updates a Naba (Xapian) index from text and JSON Lines files.
#include <cstdlib>
#include <iostream>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "index_run.h"
#include "input_walker.h"

namespace po = boost::program_options;
using naba::indexer::RunSettings;

namespace {

constexpr const char* kUsage = R"(Usage: naba-index [OPTIONS] PATH...

Indexes files and directories (recursively) into a Naba search index.
  .txt, .md   UTF-8 text; an optional header of "Key: value" lines (Title, Date,
              Source, URL, Lang) ends at the first blank line. Without a Title the
              first non-empty line is the title. The document id is the file's path
              relative to the directory argument (its name if named directly).
  .jsonl      one JSON object per line: "id" and "text" required; "title", "date",
              "source", "url", "lang" optional. The id is the JSON id.
Indexing an id again replaces the earlier document.

Examples:
  naba-index sample_corpus/
  naba-index --db ~/news.db dumps/2025-03.jsonl articles/
  NABA_DB=/srv/naba naba-index today/

Exit status: 0 all inputs indexed, 1 some inputs skipped (the rest is committed),
2 fatal error (nothing more was written).

Options)";

struct Parsed {
    RunSettings settings;
    std::vector<std::string> paths;
};

// Returns false after printing help; throws po::error on bad options.
bool parse(int argc, char** argv, Parsed& out) {
    const char* env_db = std::getenv("NABA_DB");
    long max_mb = 64;
    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("db,d", po::value(&out.settings.db_dir)->default_value(env_db && *env_db ? env_db : "./naba-db"),
         "index directory (default: $NABA_DB, else ./naba-db)")
        ("batch-size", po::value(&out.settings.batch_size)->default_value(2000),
         "commit after this many documents (smaller: less memory)")
        ("max-size", po::value(&max_mb)->default_value(64), "skip text files larger than this many MiB")
        ("quiet,q", po::bool_switch(&out.settings.quiet), "print only skipped inputs and errors")
        ("verbose,v", po::bool_switch(&out.settings.verbose), "print every document as it is indexed");
    po::options_description hidden;
    hidden.add_options()("path", po::value(&out.paths));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
        std::cout << visible << "\n";
        return false;
    }
    po::notify(vm);
    if (out.paths.empty()) throw po::error("no PATH given; name the files or directories to index");
    if (out.settings.batch_size < 1) throw po::error("--batch-size must be at least 1");
    if (max_mb < 1) throw po::error("--max-size must be at least 1 (MiB)");
    out.settings.max_file_bytes = static_cast<std::uintmax_t>(max_mb) << 20;
    return true;
}

void print_summary(const naba::indexer::RunCounts& c, const RunSettings& s, long ignored) {
    std::cerr << "naba-index: " << (c.added + c.replaced) << " documents indexed into " << s.db_dir
              << " (" << c.added << " new, " << c.replaced << " replaced) from " << c.files << " files";
    if (ignored) std::cerr << "; " << ignored << " files of other types ignored";
    std::cerr << "\n";
    if (c.skipped_total()) {
        std::cerr << "naba-index: skipped " << c.skipped_total() << ":";
        for (const auto& [reason, n] : c.skipped) std::cerr << " " << reason << " " << n << ";";
        std::cerr << " see the messages above\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    Parsed parsed;
    try {
        if (!parse(argc, argv, parsed)) return 0;
    } catch (const po::error& e) {
        std::cerr << "naba-index: " << e.what() << " (see naba-index --help)\n";
        return 2;
    }
    try {
        auto walk = naba::indexer::walk_inputs(parsed.paths);
        naba::indexer::IndexRun run(parsed.settings);
        for (const auto& problem : walk.problems) run.report_skip(problem.path, "unreadable path", problem.message);
        for (const auto& file : walk.files) run.index_file(file);
        run.finish();
        if (!parsed.settings.quiet) print_summary(run.counts(), parsed.settings, walk.ignored);
        return run.counts().skipped_total() ? 1 : 0;
    } catch (const Xapian::DatabaseLockError&) {
        std::cerr << "naba-index: " << parsed.settings.db_dir
                  << " is locked by another naba-index run; wait for it to finish, then run again\n";
    } catch (const Xapian::DatabaseError& e) {
        std::cerr << "naba-index: cannot write the index at " << parsed.settings.db_dir << ": "
                  << e.get_description() << " (check the path and its permissions)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "naba-index: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "naba-index: " << e.what() << "\n";
    }
    return 2;
}
