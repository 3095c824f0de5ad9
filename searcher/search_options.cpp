#include "search_options.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include <boost/program_options.hpp>

#include "facets.h"
#include "query_input.h"
#include "printers/printer.h"

namespace po = boost::program_options;

namespace naba::searcher {
namespace {

constexpr const char* kUsage = R"(Usage: naba-search [OPTIONS] QUERY...
  or:  naba-search [OPTIONS] --batch FILE

Searches a Naba index, best matches first (BM25 over the documents of the query's
language, so English documents in the index do not change how Arabic ones rank, and
the reverse; for English queries and Arabic questions the first ten are re-ranked
by how close together the query's words are; see README). Arabic and English words are normalized and
stemmed as at indexing time, so كتاب finds وبالكتاب and "talks" finds "talk"; a
name also finds its other spellings in the same script (Zelensky: Zelinski), ranked
below its own; a word no document holds ranks the documents by the indexed word one
letter away (drone Zelenskx: those with Zelensky first), matching nothing more.
Query syntax (Xapian):
  ceasefire talks            either word (default operator OR; see --default-op)
  "prisoner exchange"        phrase (words exactly as written, in order)
  odesa AND grain            both;  grain NOT odesa   the first without the second
                             (operators in capitals; a query written all in capitals,
                             a pasted headline, is plain words: no operators, no +/-)
  +truce -nuclear            must have / must not have
  ceasefire NEAR line        within 10 words;  a NEAR/3 b  within 3;  a ADJ/3 b  in
                             order (words as written, not stemmed, as in a phrase;
                             one word each side: no wildcard, phrase or group)
  negotiat* مفاوض*           words starting with these letters (at most 50 in a query;
                             not in quotes, where they are an error)
  (putin OR بوتين) AND talks  grouping
  title:ceasefire            a word in the title
  lang:ar lang:en            documents in one language (mixed ones are in both); a
                             language no document has says so on stderr
  source:"naba desk"         documents from one source (one no document has says
                             so on stderr, as for lang:)
  id:en/riyadh-talks.txt     one document by id
  person:zelensky            documents that mention a person, by any name or
                             spelling in either script (person:زيلينسكي too);
                             also place:kiev, org:nato, entity:kremlin (any type);
                             snippets mark the mention as each text spells it
  person:"john smith"        a name with spaces, in quotes
  date:2025-03-01..2025-03-31  a date range; also open ends (date:2025-03..),
                               months and years (date:2025-03, date:2025); only
                               these forms (no time after the day, no 20250301)
  '*'                        every document
  A word of letters with a colon and a value at the start of a term is a field, and
  one naba-search does not know is an error that names the closest (titel:grain:
  did you mean title:?); a URL (http://x), a time (10:30), a word in capitals
  (UPDATE:), a capitalised word far from every field (Zelensky:peace) or one in
  quotes ("titel:grain") is text.

Examples:
  $ naba-search 'وقف إطلاق النار'
  $ naba-search -n 5 --format json 'grain corridor' | jq -r .title
  $ naba-search --format ids 'prisoner exchange' lang:en date:2025-05..
  $ naba-search --count 'ceasefire AND monitors'
  $ naba-search --facets person,place 'grain corridor'
  $ printf 'q1\tgrain corridor\nq2\tتبادل الأسرى\n' | naba-search --batch - --format tsv

Exit status: 0 something matched, 1 nothing matched, 2 error (bad usage, no index,
a Xapian database naba-index did not write, a query that does not parse, results
that cannot be written; in --batch mode: any query failed). Cut short by a pipe
that closes (| head -1), it ends quietly by SIGPIPE: status 141 under pipefail.

Options)";

void parse_fields(const std::string& list, std::vector<std::string>& out) {
    std::stringstream in(list);
    for (std::string field; std::getline(in, field, ',');)
        if (!field.empty()) out.push_back(field);
}

bool color_wanted(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    if (mode != "auto") throw std::invalid_argument("--color must be auto, always or never, not '" + mode + "'");
    const char* term = std::getenv("TERM");
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string(term) == "dumb");
}

SortOrder sort_order(const std::string& sort) {
    if (sort == "relevance") return SortOrder::relevance;
    if (sort == "date") return SortOrder::date_ascending;
    if (sort == "-date") return SortOrder::date_descending;
    throw std::invalid_argument("--sort must be relevance, date or -date, not '" + sort + "'");
}

// --facets and the options that go with it, or not (given as in `vm`).
void parse_facet_types(const std::string& list, const po::variables_map& vm, SearchOptions& out) {
    const bool given = vm.count("facets") > 0;
    parse_fields(list, out.facet_types);
    if (given && out.facet_types.empty())
        throw std::invalid_argument("--facets needs types, comma-separated from person,place,org,unknown");
    // Each type once, in the order first given.
    std::vector<std::string> unique;
    for (const std::string& type : out.facet_types)
        if (std::find(unique.begin(), unique.end(), type) == unique.end()) unique.push_back(type);
    out.facet_types = std::move(unique);
    for (const std::string& type : out.facet_types) {
        const auto& known = facet_type_names();
        if (std::find(known.begin(), known.end(), type) == known.end())
            throw std::invalid_argument("--facets takes person, place, org or unknown, not '" + type + "'");
    }
    if (out.facet_limit < 1) throw std::invalid_argument("--facet-limit must be 1 or more");
    if (!given && !vm["facet-limit"].defaulted())
        throw std::invalid_argument("--facet-limit goes with --facets (it caps the entities per type)");
    if (out.facet_types.empty()) return;
    if (!format_prints_facets(out.format))
        throw std::invalid_argument("--facets prints with --format " + facet_formats() + ", not " + out.format);
    if (out.count_only) throw std::invalid_argument("--facets and --count exclude each other");
    // Facets count over the whole match set, so a page of it means nothing.
    const std::string paging = !vm["limit"].defaulted() ? "-n/--limit" : !vm["offset"].defaulted() ? "--offset" : "";
    if (!paging.empty())
        throw std::invalid_argument("--facets prints entity counts, not hits: " + paging +
                                    " does not apply (use --facet-limit N for the entities per type)");
    if (!out.fields.empty())
        throw std::invalid_argument("--fields and --facets exclude each other (facet lines are always "
                                    "TYPE, COUNT, ID, NAME)");
}

// --fields as given, split at each comma: empty names are kept, to be refused.
std::vector<std::string> split_fields(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
        out.push_back(list.substr(start, comma - start));
    if (!list.empty()) out.push_back(list.substr(start));
    return out;
}

// --format, --format-version, --fields (when given) and --color.
void check_output(const std::optional<std::string>& fields, const std::string& color, long format_version,
                  SearchOptions& out) {
    if (!is_known_format(out.format))
        throw std::invalid_argument("--format must be one of " + known_formats() + ", not '" + out.format + "'");
    if (format_version != kFormatVersion)
        throw std::invalid_argument("--format-version " + std::to_string(format_version) +
                                    " is not supported; this naba-search writes version " + std::to_string(kFormatVersion));
    if (fields) {
        out.fields = split_fields(*fields);
        check_tsv_fields(out.fields);  // --fields '' took the default columns
        if (out.format != "tsv") throw std::invalid_argument("--fields goes with --format tsv");
        if (out.count_only) throw std::invalid_argument("--fields and --count exclude each other (--fields chooses the "
                                                        "columns of hits, and --count prints none)");
    }
    if (out.null_ends && out.format != "ids" && out.format != "paths")
        throw std::invalid_argument("--null goes with --format ids or paths (json and tsv escape line breaks)");
    if (out.null_ends && out.count_only) throw std::invalid_argument("--null goes with hits, not --count");
    out.color = color_wanted(color) && out.format == "text";
}

// The options whose value is a whole number (long names).
constexpr std::string_view kNumericOptions[] = {"limit", "offset", "format-version", "facet-limit"};

// A Boost style parser (tried before Boost's own) that gives a numeric option the token
// after it whatever that starts with, as getopt does for an option that takes a value:
// Boost took --offset -0 for --offset and then -0 (--null), "the required argument for
// option '--offset' is missing", yet --offset -3 as the value -3. Now both are values,
// refused by whole_number as --offset=-3 is. Abbreviations (--off) are Boost's.
std::vector<po::option> numeric_value_after(const po::options_description& options, std::vector<std::string>& args) {
    if (args.size() < 2 || !args[1].starts_with('-')) return {};
    const std::string& token = args[0];
    const po::option_description* option = nullptr;
    if (token.size() > 2 && token.starts_with("--") && token.find('=') == std::string::npos)
        option = options.find_nothrow(token.substr(2), true);
    else if (token.size() == 2 && token[0] == '-' && token[1] != '-')
        option = options.find_nothrow(token, false);
    if (!option || std::find(std::begin(kNumericOptions), std::end(kNumericOptions), option->long_name()) ==
                       std::end(kNumericOptions))
        return {};
    po::option parsed(option->long_name(), {args[1]});
    parsed.original_tokens = {args[0], args[1]};
    args.erase(args.begin(), args.begin() + 2);
    return {parsed};
}

// The value of numeric option `name` as given (digits only: no sign, no space).
long whole_number(const po::variables_map& vm, std::string_view name) {
    const std::string& text = vm[std::string(name)].as<std::string>();
    long value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    const std::string option = "--" + std::string(name);
    if (error == std::errc::result_out_of_range && !text.starts_with('-'))
        throw std::invalid_argument(option + " " + text + " is more than this program can count (at most " +
                                    std::to_string(std::numeric_limits<long>::max()) + ")");
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0])) || error != std::errc() || stop != end)
        throw std::invalid_argument(option + " takes a whole number (0 or more), not '" + text + "'");
    return value;
}

// The QUERY words joined, or --batch: exactly one of the two.
void set_query(const std::vector<std::string>& words, SearchOptions& out) {
    for (const std::string& w : words) out.query += (out.query.empty() ? "" : " ") + w;
    const bool has_query = !is_blank(out.query);  // a no-break space alone is none either
    if (!out.batch_file.empty() && has_query)
        throw std::invalid_argument("give either QUERY words or --batch FILE, not both");
    if (out.batch_file.empty() && !has_query)
        throw std::invalid_argument("no QUERY given; to list every document, search for '*'");
}

}  // namespace

bool parse_search_options(int argc, char** argv, SearchOptions& out) {
    const char* env_db = std::getenv("NABA_DB");
    std::string default_op = "or", sort = "relevance", color = "auto", fields, facets;
    std::string limit, offset, format_version, facet_limit;  // kNumericOptions, read by whole_number
    std::vector<std::string> words;
    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&out.db_dir)->default_value(env_db && *env_db ? env_db : "./naba-db"),
         "index directory (default: $NABA_DB, else ./naba-db); e.g. --db ~/news.db")
        ("limit,n", po::value(&limit)->default_value("10"), "show at most N results per query; e.g. -n 100")
        ("offset", po::value(&offset)->default_value("0"),
         "skip the first K results, for paging; e.g. -n 10 --offset 10 (page 2)")
        ("default-op", po::value(&default_op)->default_value("or"),
         "how plain words combine: or | and; e.g. --default-op and")
        ("sort", po::value(&sort)->default_value("relevance"),
         "relevance | date (oldest first) | -date (newest first); with -f trec and a date order the score "
         "column is minus the rank, as trec_eval orders by score; e.g. --sort -date")
        ("format,f", po::value(&out.format)->default_value("text"),
         "text | json (one object per line) | tsv | ids | paths | trec; json is valid UTF-8 (a qid or "
         "path byte that is not becomes U+FFFD), the others print qids and paths as their bytes; e.g. -f json")
        ("fields", po::value(&fields),
         // The names spaced out: Boost wraps the help inside a word as long as the list.
         "tsv columns, comma-separated without spaces, from: rank, id, score, date, lang, title, path, line, "
         "source, url, snippet, qid (default: rank to title; an empty name is an error); e.g. --fields "
         "id,date,title")
        ("null,0", po::bool_switch(&out.null_ends),
         "end each line of --format ids or paths with a NUL byte instead of a newline, for xargs -0 "
         "(a file path may hold a newline); e.g. -f paths -0 grain | xargs -0 ls -l")
        ("count,c", po::bool_switch(&out.count_only),
         "print only the exact number of matches, one line per query: COUNT (batch: qid TAB COUNT); with -f json "
         "an object, {\"count\": N} (batch: {\"qid\", \"count\"}); e.g. --count lang:ar")
        ("batch", po::value(&out.batch_file),
         "run one query per line of FILE (- for stdin), 'qid<TAB>query' or a plain query (qid = line "
         "number); every result is labelled with its qid (a qid given twice is a warning on stderr); e.g. "
         "--batch queries.tsv -f trec -n 100")
        ("color", po::value(&color)->default_value("auto"),
         "mark matched words in bold: auto (on a terminal) | always | never; e.g. --color never")
        ("format-version", po::value(&format_version)->default_value(std::to_string(kFormatVersion)),
         "machine format version the caller expects (only 1 exists); e.g. --format-version 1")
        ("facets", po::value(&facets),
         "instead of hits, print how many matching documents mention each entity, most frequent first, "
         "for these types (comma-separated from person,place,org,unknown): TYPE<TAB>COUNT<TAB>ID<TAB>NAME "
         "(json: one object per line); e.g. --facets person,place")
        ("facet-limit", po::value(&facet_limit)->default_value("10"),
         "with --facets: print at most N entities per type (-n, --offset and --fields are for hits, and "
         "an error with --facets); e.g. --facet-limit 25")
        ("show-query", po::bool_switch(&out.show_query),
         "print the query as Xapian runs it (after normalization, stemming and weighting) on stderr, "
         "to see why a document ranks where it does; e.g. naba-search --show-query 'grain corridor'")
        ("timings", po::bool_switch(&out.timings),
         "print 'qid<TAB>microseconds' per query on stderr (for benchmarks); e.g. naba-search --timings "
         "--batch queries.tsv > /dev/null");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv)
                      .options(all)
                      .positional(positional)
                      .extra_style_parser([&all](std::vector<std::string>& args) { return numeric_value_after(all, args); })
                      .run(),
                  vm);
        if (vm.count("help")) {
            std::cout << visible << "\n";
            return false;
        }
        if (vm.count("version")) {
            std::cout << "naba-search " << NABA_VERSION << "\n";
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw std::invalid_argument(e.what());
    }
    if (out.db_dir.empty()) throw std::invalid_argument("--db needs a directory, e.g. --db ./naba-db");
    out.limit = whole_number(vm, "limit");
    out.offset = whole_number(vm, "offset");
    out.facet_limit = whole_number(vm, "facet-limit");
    if (default_op != "or" && default_op != "and")
        throw std::invalid_argument("--default-op must be 'or' or 'and', not '" + default_op + "'");
    out.default_op = default_op == "and" ? DefaultOp::op_and : DefaultOp::op_or;
    out.sort = sort_order(sort);
    check_output(vm.count("fields") ? std::optional<std::string>(fields) : std::nullopt, color,
                 whole_number(vm, "format-version"), out);
    parse_facet_types(facets, vm, out);
    set_query(words, out);
    return true;
}

}  // namespace naba::searcher
