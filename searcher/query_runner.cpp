#include "query_runner.h"

#include "filter_values.h"
#include "mention_marks.h"
#include "query_checks.h"
#include "query_input.h"
#include "syntax_hint.h"
#include "terminal_text.h"
#include "text/utf8.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <unordered_map>

namespace naba::searcher {
namespace {

constexpr Xapian::doccount kFewResults = 3;
// Xapian's matcher takes time quadratic in a query's words: 10,000 distinct words
// took 10-19 s on the news corpora, 2000 over 2 s, 1000 under one.
constexpr std::size_t kMaxQueryWords = 1000;
// Each wildcard expands to up to 1000 terms (query_builder.cpp), and the matcher's
// time grows faster than the terms it gets: 1000 copies of a* (125 terms each on the
// sample index) took 3 s, 3000 copies 46 s. 50 wildcards of 1000 terms are 50,000
// terms, about as many as 400 copies of a* there, which take half a second.
constexpr std::size_t kMaxWildcards = 50;

}  // namespace

QueryRunner::QueryRunner(const SearchOptions& options, const Xapian::Database& db, Printer& printer)
    : options_(options), db_(db), printer_(printer), catalog_(db_, analyzer_), builder_(analyzer_, db_, catalog_) {
    // --count and --facets print no hits.
    const bool hits = !options.count_only && options.facet_types.empty();
    request_.offset = hits ? options.offset : 0;
    request_.limit = hits ? options.limit : 0;
    request_.sort = options.sort;
    if (hits) request_.snippets = printer.snippet_style();
    request_.exact_total = options.count_only;
}

void QueryRunner::reopen() {
    db_.reopen();
    builder_.forget_cached();  // stem forms, counts and spellings of the older revision
}

// A writer committing meanwhile can invalidate what we read: reopen and try again, so
// every query is built and searched on one consistent revision of the index.
ParsedQuery QueryRunner::build_with_retry(const std::string& query) {
    for (int attempt = 0;; ++attempt) {
        try {
            return builder_.build(query, options_.default_op);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 5) throw;
            reopen();
        }
    }
}

SearchPage QueryRunner::search_with_retry(const std::string& query, ParsedQuery& parsed,
                                          std::unique_ptr<EntityFacetSpy>& spy) {
    for (int attempt = 0;; ++attempt) {
        if (!options_.facet_types.empty()) {
            spy = std::make_unique<EntityFacetSpy>(options_.facet_types);
            request_.facet_spy = spy.get();
        }
        request_.question = parsed.question;
        // The marks live for this search only, and so does the request that points to them.
        const MentionMarks marks(catalog_, parsed.query, query);
        SearchRequest request = request_;
        if (request.snippets) request.mention_marks = &marks;
        try {
            return run_search(db_, analyzer_, parsed.query, parsed.collection, request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 5) throw;
            reopen();
            parsed = build_with_retry(query);  // its counts may have changed too
        }
    }
}

Outcome QueryRunner::run(const QueryLabel& label) {
    const auto started = std::chrono::steady_clock::now();
    const std::string where = label.batch ? "query " + label.qid + ": " : "";
    if (const std::string problem = encoding_problem(label.query); !problem.empty()) {
        report(where + "the query is not UTF-8 (" + problem + "); give it in UTF-8 (iconv -f latin1 -t utf-8 converts)");
        return Outcome::error;
    }
    if (const std::size_t words = word_count(label.query); words > kMaxQueryWords) {
        report(where + std::to_string(words) + " words; a query may have at most " + std::to_string(kMaxQueryWords) +
               ", so shorten it");
        return Outcome::error;
    }
    if (const std::size_t wildcards = wildcard_count(label.query); wildcards > kMaxWildcards) {
        report(where + std::to_string(wildcards) + " wildcards; a query may have at most " +
               std::to_string(kMaxWildcards) + " (each matches up to 1000 words), so shorten it");
        return Outcome::error;
    }
    ParsedQuery parsed;
    if (!parse(label, where, parsed)) return Outcome::error;
    if (options_.show_query)
        std::cerr << (label.batch ? escape_controls(label.qid) + "\t" : "")
                  << escape_controls(parsed.query.get_description()) << "\n";

    SearchPage page;
    std::unique_ptr<EntityFacetSpy> spy;
    try {
        page = search_with_retry(label.query, parsed, spy);
    } catch (const Xapian::QueryParserError& e) {  // raised late by field processors
        report(where + e.get_msg());
        return Outcome::error;
    }
    // Suggest only when the query found little: a correction of a query with
    // plenty of results is noise.
    if (page.total < kFewResults) {
        if (std::string correction = builder_.suggest(label.query, options_.default_op); !correction.empty())
            report(where + "did you mean: " + correction);
        report_entity_spellings(where, label.query, parsed, page.total);
    }
    if (page.total == 0) {
        for (const std::string& value : parsed.unknown_entities)
            report(where + "no known entity is called '" + value +
                   "' (naba-index --report-unknown lists the names found; add yours with naba-index --gazetteer)");
    }
    if (page.total == 0) report_unknown_filters(where, parsed);
    print_page(label, page, spy.get());
    if (options_.timings) {
        auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        std::cerr << (label.batch ? escape_controls(label.qid) : "query") << '\t' << micros.count() << '\n';
    }
    return page.total > 0 ? Outcome::matched : Outcome::no_match;
}

// A name typed as a word finds the documents that spell it so (Zelensky: 2 of the
// sample corpus's 14 articles about him, which also write Zelenskiy, Zelinski and
// زيلينسكي), while an entity filter finds every spelling. When the entity is in more
// documents than the query found, say how to reach them.
void QueryRunner::report_entity_spellings(const std::string& where, const std::string& query,
                                          const ParsedQuery& parsed, Xapian::doccount found) {
    const MentionMarks names(catalog_, parsed.query, query);
    for (const entities::Mention& mention : names.typed_names()) {
        if (mention.type == entities::EntityType::unknown) continue;
        const std::string type(entities::type_name(mention.type));
        const Xapian::doccount documents = catalog_.documents_with(schema::bounded_term(schema::entity_prefix(type), mention.id));
        if (documents <= found) continue;
        const std::string written = query.substr(mention.begin, mention.end - mention.begin);
        const bool quote = written.find(' ') != std::string::npos;
        report(where + std::to_string(documents) + " documents mention " + mention.name +
               " under any spelling; search " + type + ":" + (quote ? "\"" + written + "\"" : written) +
               " to find them all");
    }
}

// Why a lang: or source: filter matched nothing, and which values there are: a code
// or name that no document has ("lang:fr", "lang:arabic", "source:aljazeera") looks
// like a query that works.
void QueryRunner::report_unknown_filters(const std::string& where, const ParsedQuery& parsed) {
    auto quoted = [](const std::vector<std::string>& values) {
        std::string out;
        for (const std::string& v : values) out += (out.empty() ? "'" : " or '") + v + "'";
        return out;
    };
    auto listed = [this](std::string_view prefix, std::size_t limit) {
        const IndexValues values = index_values(db_, prefix, limit);
        std::string out;
        for (const std::string& v : values.first) out += (out.empty() ? "" : ", ") + v;
        if (values.total > values.first.size()) out += ", ... (" + std::to_string(values.total) + " in all)";
        return out.empty() ? std::string("none") : out;
    };
    if (const auto& languages = parsed.unknown_languages; !languages.empty()) {
        const bool mixed = std::find(languages.begin(), languages.end(), "mixed") != languages.end();
        report(where + "no document in the index is in language " + quoted(languages) + "; languages here: " +
               listed(schema::kLangPrefix, 50) + (mixed ? " (a mixed document is in both ar and en)" : ""));
    }
    if (!parsed.unknown_sources.empty())
        report(where + "no document in the index has source " + quoted(parsed.unknown_sources) + "; sources here: " +
               listed(schema::kSourcePrefix, 10));
}

// Parses the query into `parsed`, saying on stderr why one cannot be searched (false)
// or finds nothing to search.
bool QueryRunner::parse(const QueryLabel& label, const std::string& where, ParsedQuery& parsed) {
    try {
        parsed = build_with_retry(label.query);
    } catch (const Xapian::QueryParserError& e) {
        // Xapian's own syntax errors start with "Syntax:"; field errors explain themselves.
        const std::string cannot = where + "cannot parse '" + excerpt(label.query) + "'";
        if (!e.get_msg().starts_with("Syntax:")) {
            report(cannot + ": " + e.get_msg());
        } else if (auto hint = find_syntax_problem(label.query)) {
            report(cannot + " at column " + std::to_string(hint->column) + ": " + hint->message +
                   " (to search for the word itself, put it in quotes)");
        } else {
            report(cannot + ": " + e.get_msg() + " (check operators and parentheses)");
        }
        return false;
    }
    if (parsed.only_stop_words)
        report(where + "every word is a stop word, and stop words are only found inside phrases: "
                       "put them in quotes, e.g. \"of the\"");
    if (parsed.no_words)
        report(where + "'" + excerpt(label.query) +
               "' has no words to search, only operators or punctuation (see naba-search --help for the syntax)");
    return true;
}

// The count (--count), the facets (--facets) or the hits, in the chosen format.
void QueryRunner::print_page(const QueryLabel& label, const SearchPage& page, const EntityFacetSpy* spy) {
    if (options_.count_only) {
        printer_.count(label, page.total);
    } else if (spy) {
        print_facets(label, *spy);
    } else {
        printer_.begin(label);
        for (const Hit& hit : page.hits) printer_.hit(label, hit);
        printer_.end(label, page, request_.offset);
    }
}

void QueryRunner::print_facets(const QueryLabel& label, const EntityFacetSpy& spy) {
    for (const std::string& type : options_.facet_types) {
        std::vector<FacetCount> top = spy.top(type, static_cast<std::size_t>(options_.facet_limit));
        for (FacetCount& f : top) {
            f.name = catalog_.name_of(f.type, f.id);
            printer_.facet(label, f);
        }
    }
}

// What makes a batch line unusable, or "": a qid a result line could not be matched
// by (empty; white space in a trec run, whose columns are space-separated), or no query.
std::string QueryRunner::batch_line_problem(const QueryLabel& label) const {
    if (label.qid.empty()) return "the qid before the tab is empty; write qid<TAB>query, or the query alone";
    // A carriage return inside a line too: trec_eval splits at every white space byte.
    if (options_.format == "trec" && label.qid.find_first_of(" \t\v\f\r") != std::string::npos)
        return "qid '" + label.qid + "' has white space, which a trec run cannot hold (its columns are split at white space)";
    // With -0 a NUL ends each result: one in a qid would cut its line in two.
    if (options_.null_ends && label.qid.find('\0') != std::string::npos)
        return "qid '" + label.qid + "' has a NUL byte, which ends each result with --null; give another qid";
    if (is_blank(label.query)) return "query " + label.qid + ": empty query";
    if (const std::string problem = encoding_problem(label.query); !problem.empty())
        return "query " + label.qid + " is not UTF-8 (" + problem + "); convert the file, e.g. iconv -f latin1 -t utf-8";
    return "";
}

Outcome QueryRunner::run_batch(std::istream& in) {
    bool any_error = false, any_match = false;
    long line_number = 0;
    // The line each qid was first given on: a qid given twice labels two queries'
    // results alike, which trec_eval or a join by qid then merges. A warning, not an
    // error: the queries still run and the exit status is theirs. Kept by the qid's
    // 64-bit hash: 100,000 qids of 20 bytes took 4 MB more peak memory, 10 MB as strings.
    std::unordered_map<std::size_t, long> qid_lines;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // A byte order mark (editors on Windows write one) is not part of the first qid;
        // nor of a later one, where files written so were put together (cat a.tsv b.tsv).
        if (line.starts_with(text::kByteOrderMark)) line.erase(0, text::kByteOrderMark.size());
        if (is_blank(line)) continue;
        QueryLabel label{std::to_string(line_number), line, true};
        if (std::size_t tab = line.find('\t'); tab != std::string::npos) {
            label.qid = line.substr(0, tab);
            label.query = line.substr(tab + 1);
        }
        if (std::string problem = batch_line_problem(label); !problem.empty()) {
            report("line " + std::to_string(line_number) + ": " + problem);
            any_error = true;
            continue;
        }
        const std::size_t qid_hash = std::hash<std::string>{}(label.qid);
        if (const auto [first, added] = qid_lines.try_emplace(qid_hash, line_number); !added)
            report("line " + std::to_string(line_number) + ": warning: qid " + excerpt(label.qid) +
                   " was given on line " + std::to_string(first->second) +
                   " too; the results of both are labelled alike");
        Outcome outcome = run(label);
        any_error |= outcome == Outcome::error;
        any_match |= outcome == Outcome::matched;
        if (!std::cout) break;  // results can no longer be written (main says so)
    }
    // An empty file (a script's query list that came out empty) looked like queries
    // that matched nothing.
    if (qid_lines.empty() && !any_error && in.eof())
        report((options_.batch_file == "-" ? std::string("stdin (--batch -)") : "--batch " + options_.batch_file) +
               " has no query (it is empty, or has blank lines only)");
    if (any_error) return Outcome::error;
    return any_match ? Outcome::matched : Outcome::no_match;
}

}  // namespace naba::searcher
