// naba-index: builds or updates a Naba (Xapian) index from text and JSON Lines files.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "index_run.h"
#include "input_walker.h"
#include "interrupt.h"
#include "open_files_limit.h"
#include "stored_gazetteer.h"
#include "text/terminal_text.h"
#include "unknown_names.h"
#include "write_failure.h"

namespace po = boost::program_options;
using naba::indexer::count_of;
using naba::indexer::RunSettings;
using naba::indexer::Verbosity;

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

People, places and organisations are recognised in both scripts and in their many
spellings (Zelensky, Zelenski, زيلينسكي), from a built-in bilingual gazetteer plus
your own entries (--gazetteer; format in the README), and stored as filters and
facets for naba-search (person:, place:, org:, entity:, --facets). Capitalised
English names that no gazetteer lists are kept too, with "u:" ids.

Examples:
  $ naba-index sample_corpus/
  $ naba-index --db ~/news.db dumps/2025-03.jsonl articles/
  $ NABA_DB=/srv/naba naba-index today/
  $ naba-index --gazetteer my-entities.tsv articles/
  $ naba-index --report-unknown           (names found that no gazetteer lists)
  $ naba-index -d db -- -drafts/          (a path that starts with -: after --)
A short option's value is the next word (-d DIR, -j 4); -dDIR is refused.

Re-running is incremental: files whose size and mtime (or, failing that, content
hash) did not change are not indexed again, nor are unchanged JSONL records; files
that disappeared from a directory argument have their documents removed, and so
do records that are no longer in a changed JSONL file (unless --no-delete).
An index analysed by an earlier naba-index (or under other NABA_ANALYSIS switches),
or tagged with another gazetteer, is first brought up to date from the text it
stores (once). Ctrl-C (or SIGTERM) stops at the next document and commits what was done; run
again to finish.

Documents are stored uncompressed, which makes indexing faster and the index about
a quarter larger; `xapian-compact DIR SMALLER` compresses a finished index.

Exit status: 0 all inputs indexed, 1 some inputs skipped (the rest is committed),
2 fatal error (nothing more was written), 130 interrupted by Ctrl-C (SIGINT),
143 interrupted by SIGTERM (everything done before is committed).

Options)";

struct Parsed {
    RunSettings settings;
    std::vector<std::string> paths;
    std::size_t report_unknown = 0;  // --report-unknown: how many names; 0: no report
};

// What the command line says before it is checked and turned into RunSettings.
struct RawOptions {
    long max_mb = 64, max_memory_mb = 64, report_limit = 20;
    bool no_delete = false, progress = false, quiet = false, verbose = false, no_entities = false;
    bool report_unknown = false, stemmed_terms = false;
    std::vector<std::string> gazetteer_files;
};

po::options_description visible_options(RawOptions& raw, Parsed& out) {
    const char* env_db = std::getenv("NABA_DB");
    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&out.settings.db_dir)->default_value(env_db && *env_db ? env_db : "./naba-db"),
         "index directory (default: $NABA_DB, else ./naba-db); e.g. --db ~/news.db")
        ("batch-size", po::value(&out.settings.commit.documents)->default_value(2000),
         "commit after this many documents (smaller: less memory, less lost on kill -9); e.g. --batch-size 500")
        ("max-memory", po::value(&raw.max_memory_mb)->default_value(64),
         "commit earlier when the text of the uncommitted documents passes this many MiB; also bounds the "
         "spelling data handed to Xapian at the end of a run; e.g. --max-memory 64")
        ("max-size", po::value(&raw.max_mb)->default_value(64),
         "skip text files larger than this many MiB, and JSONL lines longer; e.g. --max-size 256")
        ("jobs,j", po::value(&out.settings.jobs)->default_value(0),
         "threads (default 0: one per core); into a new index each thread writes a shard "
         "of its own (in segments of about 8 MiB of text), merged at the end; -j 1 commits every batch "
         "into the index as it goes; "
         "e.g. -j 1")
        ("no-delete", po::bool_switch(&raw.no_delete),
         "keep documents whose files disappeared from an indexed directory, and records no longer in a "
         "changed JSONL file; e.g. --no-delete archive/")
        ("progress", po::bool_switch(&raw.progress),
         "show progress (files, MB/s, ETA) on stderr even when it is not a terminal; e.g. --progress 2>log")
        ("quiet,q", po::bool_switch(&raw.quiet), "print only skipped inputs and errors; e.g. -q")
        ("verbose,v", po::bool_switch(&raw.verbose), "print every document as it is indexed, and the spelling data's steps; e.g. -v")
        ("gazetteer", po::value(&raw.gazetteer_files)->composing(),
         "add the entities in FILE (same format as the built-in gazetteer; repeatable) to the built-in "
         "ones; kept in the index for later runs and for naba-search; e.g. --gazetteer my-entities.tsv")
        ("no-entities", po::bool_switch(&raw.no_entities),
         "do not recognise people, places and organisations (faster; no entity filters or facets); "
         "e.g. naba-index --no-entities dumps/")
        ("stemmed-terms", po::bool_switch(&raw.stemmed_terms),
         "for a new index: store each word's stem as a term of its own rather than listing stems in "
         "the synonym table (a larger index, slower to build; for serving it with Xapian 1.4's "
         "xapian-tcpsrv, whose protocol does not pass synonyms). An index keeps the kind it was built "
         "with; e.g. --stemmed-terms --db remote-shard articles/")
        ("report-unknown", po::bool_switch(&raw.report_unknown),
         "after indexing (or alone, without PATH), print the most frequent names that no gazetteer lists, "
         "as COUNT<TAB>ID<TAB>NAME on stdout, COUNT being documents; e.g. --report-unknown articles/")
        ("report-limit", po::value(&raw.report_limit)->default_value(20),
         "how many names --report-unknown prints; e.g. --report-unknown --report-limit 50");
    return visible;
}

// Checks the options and fills in the run settings; throws po::error with the reason.
void apply(const RawOptions& raw, Parsed& out) {
    RunSettings& s = out.settings;
    if (raw.report_limit < 1) throw po::error("--report-limit must be 1 or more");
    out.report_unknown = raw.report_unknown ? static_cast<std::size_t>(raw.report_limit) : 0;
    if (out.paths.empty() && !out.report_unknown) throw po::error("no PATH given; name the files or directories to index");
    if (raw.no_entities && !raw.gazetteer_files.empty())
        throw po::error("--gazetteer and --no-entities exclude each other");
    if (s.commit.documents < 1) throw po::error("--batch-size must be at least 1");
    // 1 MiB to 1 PiB: a count of bytes must not wrap around to a limit of 0.
    constexpr long kMaxMiB = 1L << 30;
    const std::string range = " must be between 1 and " + std::to_string(kMaxMiB) + " (MiB)";
    if (raw.max_memory_mb < 1 || raw.max_memory_mb > kMaxMiB) throw po::error("--max-memory" + range);
    if (raw.max_mb < 1 || raw.max_mb > kMaxMiB) throw po::error("--max-size" + range);
    if (s.jobs < 0 || s.jobs > 256) throw po::error("--jobs must be between 0 (one per core) and 256");
    if (s.db_dir.empty()) throw po::error("--db needs a directory (an empty NABA_DB means the default)");
    if (std::filesystem::is_symlink(s.db_dir) && !std::filesystem::exists(s.db_dir))
        throw po::error("--db " + s.db_dir + " is a symbolic link to a directory that does not exist");
    if (raw.quiet && raw.verbose) throw po::error("--quiet and --verbose exclude each other");
    s.entities = !raw.no_entities;
    s.stemmed_terms = raw.stemmed_terms;
    s.commit.text_bytes = static_cast<std::uint64_t>(raw.max_memory_mb) << 20;
    s.max_file_bytes = static_cast<std::uintmax_t>(raw.max_mb) << 20;
    s.delete_vanished = !raw.no_delete;
    s.verbosity = raw.quiet ? Verbosity::quiet : raw.verbose ? Verbosity::verbose : Verbosity::normal;
    // Progress is for people watching a terminal; --quiet wins over it.
    s.progress = !raw.quiet && (raw.progress || ::isatty(STDERR_FILENO));
    // Read and check the user's gazetteer before touching the index.
    if (!raw.gazetteer_files.empty()) s.user_gazetteer = naba::read_gazetteer_files(raw.gazetteer_files);
}

// Boost reads "-dashdir" as -d with the value "ashdir" (and "-qdx" as -q -d x): a path
// that starts with a dash, or --dashdir typed with one dash, would silently become the
// index folder. A short option's value is the next word (-d DIR, -j 4), never glued
// to it; a path that starts with a dash goes after "--".
void refuse_glued_values(const po::parsed_options& parsed) {
    for (const po::option& opt : parsed.options) {
        // A PATH, a switch, or a value given as a word of its own (-d DIR, --db DIR).
        if (opt.position_key != -1 || opt.value.empty() || opt.original_tokens.size() != 1) continue;
        const std::string& token = opt.original_tokens.front();
        if (token.size() <= 2 || token[0] != '-' || token[1] == '-') continue;
        const std::string& value = opt.value.front();
        const char letter = token[token.size() - 1 - value.size()];  // the option the value is glued to
        throw po::error("'" + token + "' is read as -" + std::string(1, letter) + " " + value +
                        ": give a short option's value as the next word (-d DIR, -j 4), and put a path that "
                        "starts with - after --: naba-index [OPTIONS] -- " + token);
    }
}

// Returns false after printing help; throws po::error on bad options.
bool parse(int argc, char** argv, Parsed& out) {
    RawOptions raw;
    po::options_description visible = visible_options(raw, out);
    po::options_description hidden;
    hidden.add_options()("path", po::value(&out.paths));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    const po::parsed_options parsed = po::command_line_parser(argc, argv).options(all).positional(positional).run();
    refuse_glued_values(parsed);
    po::store(parsed, vm);
    if (vm.count("help")) {
        std::cout << visible << "\n";
        return false;
    }
    if (vm.count("version")) {
        std::cout << "naba-index " << NABA_VERSION << "\n";
        return false;
    }
    po::notify(vm);
    apply(raw, out);
    return true;
}

// A line on stderr, its control characters escaped: messages quote paths and values.
void say(const std::string& message) { std::cerr << "naba-index: " << naba::indexer::printable(message) << "\n"; }

void print_summary(const naba::indexer::RunCounts& c, const RunSettings& s, long ignored) {
    std::cerr << "naba-index: " << count_of(c.indexed(), "document") << " indexed into "
              << naba::indexer::printable(s.db_dir) << " ("
              << c.added << " new, " << c.replaced << " replaced), " << c.unchanged << " unchanged, " << c.removed
              << " removed, from " << count_of(c.files, "file");
    if (ignored) std::cerr << "; " << count_of(ignored, "file") << " of other types ignored";
    std::cerr << "\n";
    if (c.skipped_total()) {
        std::cerr << "naba-index: skipped " << c.skipped_total() << ":";
        for (const auto& [reason, n] : c.skipped) std::cerr << " " << reason << " " << n << ";";
        std::cerr << " see the messages above\n";
    }
}

void print_unknown_names(const std::string& db_dir, std::size_t limit) {
    Xapian::Database db(db_dir);
    for (const auto& n : naba::indexer::most_frequent_unknown_names(db, limit))
        std::cout << n.documents << '\t' << n.id << '\t' << n.name << '\n';
}

// Runs the indexing; returns the exit status.
int index(const Parsed& parsed) {
    if (parsed.paths.empty()) {  // --report-unknown alone
        if (!std::filesystem::exists(parsed.settings.db_dir))
            throw std::runtime_error("no index at " + parsed.settings.db_dir + " to report on");
        print_unknown_names(parsed.settings.db_dir, parsed.report_unknown);
        return 0;
    }
    auto walk = naba::indexer::walk_inputs(parsed.paths, parsed.settings.jobs);
    naba::indexer::IndexRun run(parsed.settings);
    naba::indexer::install_interrupt_handlers();
    run.run(walk);
    const auto& counts = run.counts();
    if (run.interrupted()) {
        // Shown even with --quiet: the user must know the work is not finished.
        // A merge of a stopped build is not stopped midway: what it merged is committed too.
        // Documents re-analysed or re-tagged first are counted apart: "0 documents" after
        // "stopped after re-analysing 1200 of 3000" would say the run committed nothing.
        std::cerr << "naba-index: interrupted: committed ";
        if (counts.reanalysed) std::cerr << count_of(counts.reanalysed, "re-analysed document") << " and ";
        if (counts.retagged) std::cerr << count_of(counts.retagged, "re-tagged document") << " and ";
        const bool refreshed = counts.reanalysed || counts.retagged;
        std::cerr << count_of(counts.indexed(), "document") << (refreshed ? " from the inputs" : "");
        if (counts.merged) std::cerr << ", after merging the " << counts.merged << " a stopped run had committed";
        std::cerr << "; run again to finish\n";
        return naba::indexer::interrupted_exit_status(naba::indexer::interrupt_signal().load());
    }
    if (parsed.settings.verbosity != Verbosity::quiet) print_summary(counts, parsed.settings, walk.ignored);
    if (parsed.report_unknown) print_unknown_names(parsed.settings.db_dir, parsed.report_unknown);
    return counts.skipped_total() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    Parsed parsed;
    try {
        if (!parse(argc, argv, parsed)) return 0;
    } catch (const po::error& e) {
        say(e.what() + std::string(" (see naba-index --help)"));
        return 2;
    } catch (const std::runtime_error& e) {  // an unreadable or malformed --gazetteer
        say(e.what());
        return 2;
    }
    naba::indexer::report_write_failures_at_terminate(parsed.settings.db_dir);
    naba::raise_open_files_limit();  // a parallel build's segments (indexer/shard_segments.h)
    try {
        return index(parsed);
    } catch (...) {
        say(naba::indexer::describe_write_failure(parsed.settings.db_dir, std::current_exception()));
    }
    return 2;
}
