#include "search.h"

#include <algorithm>
#include <optional>

#include "analysis_options.h"
#include "collection_bm25_weight.h"
#include "mention_marks.h"
#include "query_language.h"
#include "snippet_text.h"
#include "terminal_text.h"
#include "window_bonus.h"

namespace naba::searcher {
namespace {

struct Ranked {
    double score;
    Xapian::MSetIterator item;
};

// The hits of `mset` in order, the first `depth` of them re-ranked by the window
// bonus (window_bonus.h). A stable sort: hits the bonus does not separate keep
// Xapian's order.
std::vector<Ranked> rank_hits(const Xapian::Database& db, const Xapian::Query& query, const Xapian::MSet& mset,
                              double bonus, const Collection& collection) {
    std::vector<Ranked> ranked;
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) ranked.push_back({it.get_weight(), it});
    if (bonus <= 0) return ranked;
    const AnalysisOptions& options = analysis_options();
    const QueryWords words(db, query, collection.documents);
    if (words.size() < 2) return ranked;  // one word: no window to measure
    const std::size_t depth = std::min<std::size_t>(ranked.size(), options.window_depth);
    std::vector<Xapian::docid> docs;
    for (std::size_t i = 0; i < depth; ++i) docs.push_back(*ranked[i].item);
    const std::vector<double> shares = words.window_shares(docs, options.window_words);
    for (std::size_t i = 0; i < depth; ++i) ranked[i].score *= 1 + bonus * shares[i];
    std::stable_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(depth),
                     [](const Ranked& a, const Ranked& b) { return a.score > b.score; });
    return ranked;
}

// Xapian marks the snippet with these (control characters, never in the text it is
// given), so that an open mark is told from a "**" of the text itself.
constexpr char kOpen = '\x01', kClose = '\x02';

// A run without white space longer than this is cut to its first kLongRunKeptBytes
// when it keeps a snippet from showing the match (snippet_text.h). No word of the
// news corpora comes near (an Arabic word of 40 bytes has 20 letters).
constexpr std::size_t kLongRunBytes = 80, kLongRunKeptBytes = 40;

// The snippet with its marks in the style's form. Xapian's snippet leaves a mark
// open when its length ends inside a marked hyphenated name ("**Knight-…"): that
// mark is closed before the ellipsis.
std::string styled(const std::string& snippet, const SnippetStyle& style, std::string_view ellipsis) {
    std::string out;
    bool open = false;
    for (char c : snippet) {
        if (c == kOpen || c == kClose) {
            open = c == kOpen;
            out += open ? style.highlight_start : style.highlight_end;
        } else {
            out += c;
        }
    }
    if (open) out.insert(out.ends_with(ellipsis) ? out.size() - ellipsis.size() : out.size(), style.highlight_end);
    return out;
}

std::string snippet_of(const Xapian::Database& db, const Xapian::MSet& mset,
                       const schema::StoredDocument& doc, const SearchRequest& request, const Analyzer& analyzer) {
    const SnippetStyle& style = *request.snippets;
    const std::string& stored = doc.text.empty() ? doc.title : doc.text;
    // A control character of the text (an escape sequence a terminal would obey, or
    // one of the text printer's marks) is no part of a snippet.
    std::string cleaned;
    if (has_control(stored)) cleaned = one_line(stored);
    const std::string* text = cleaned.empty() ? &stored : &cleaned;
    // Every window of the text is weighed by its query terms. Xapian's background
    // model (SNIPPET_BACKGROUND_MODEL) would also weigh the other words, at the cost
    // of a look-up in the index for each of them: a quarter of a query's time with
    // snippets (bench/RESULTS.md, "Search speed").
    const std::string ellipsis = "…";
    auto snippet_by = [&](const Xapian::MSet& marking) {
        return marking.snippet(*text, style.length, analyzer.stemmer(), Xapian::MSet::SNIPPET_EXHAUSTIVE,
                               std::string(1, kOpen), std::string(1, kClose), ellipsis);
    };
    std::string snippet = snippet_by(mset);
    // A match between runs too long for any snippet (snippet_text.h) showed "…" alone.
    std::string shortened;
    if (snippet.find(kOpen) == std::string::npos) {
        shortened = shorten_long_runs(*text, kLongRunBytes, kLongRunKeptBytes);
        if (shortened.size() != text->size()) {
            text = &shortened;
            snippet = snippet_by(mset);
        }
    }
    // A hit that has none of the query's words as written (an entity filter, a name
    // found by its spelling variant) shows where it mentions the entity instead.
    if (request.mention_marks && snippet.find(kOpen) == std::string::npos) {
        if (const std::optional<Xapian::Query> marked = request.mention_marks->marking(*text)) {
            Xapian::Enquire enquire(db);  // its statistics weigh the terms; no hit is needed
            enquire.set_query(*marked);
            snippet = snippet_by(enquire.get_mset(0, 0));
        }
    }
    return squeeze_spaces(styled(snippet, style, ellipsis));
}

}  // namespace

double length_normalization(const Xapian::Query& query) {
    const AnalysisOptions& options = analysis_options();
    return takes_arabic_settings(query_language(query)) ? options.bm25_b : options.bm25_b_latin;
}

namespace {

// BM25 over the query's collection; Xapian's BM25+ for its ablation switch, and
// Xapian's BM25 over the whole index where Naba's scheme cannot go. k2 = 0 and
// min_normlen = 0.5 are Xapian's defaults.
void set_weighting(Xapian::Enquire& enquire, const Xapian::Query& query, const Collection& collection) {
    const AnalysisOptions& options = analysis_options();
    const double b = length_normalization(query);
    if (options.bm25plus_delta > 0)
        enquire.set_weighting_scheme(
            Xapian::BM25PlusWeight(options.bm25_k1, 0, options.bm25_k3, b, 0.5, options.bm25plus_delta));
    else if (collection.xapian_scheme_only)
        enquire.set_weighting_scheme(Xapian::BM25Weight(options.bm25_k1, 0, options.bm25_k3, b, 0.5));
    else
        enquire.set_weighting_scheme(CollectionBM25Weight(options.bm25_k1, options.bm25_k3, b, 0.5, collection));
}

}  // namespace

SearchPage run_search(const Xapian::Database& db, const Analyzer& analyzer, const Xapian::Query& query,
                      const Collection& collection, const SearchRequest& request) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const AnalysisOptions& options = analysis_options();
    if (request.sort != SortOrder::relevance) {
        // Ties (same day) keep relevance order; docid order makes paging stable.
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, request.sort == SortOrder::date_descending);
    }
    // No page holds more than the index does: clamping keeps --offset and -n (longs)
    // inside Xapian's 32-bit counts, where -n 4294967297 was cut to 1.
    const Xapian::doccount documents = db.get_doccount();
    const auto first = static_cast<Xapian::doccount>(std::min<long>(request.offset, documents));
    const auto size = static_cast<Xapian::doccount>(std::min<long>(request.limit, documents));
    // With -n 0 the number of matches is all there is to print, so it is counted.
    const bool whole_set = request.exact_total || request.facet_spy || size == 0;
    if (request.facet_spy) enquire.add_matchspy(request.facet_spy);
    // The window bonus re-ranks the first window_depth hits, so a page among them is
    // cut from those hits re-ranked; pages after them are Xapian's order as it is.
    const double bonus = !takes_arabic_settings(query_language(query)) ? options.window_bonus_latin
                         : request.question                           ? options.window_bonus_question
                                                                      : options.window_bonus;
    const bool rerank = bonus > 0 && request.sort == SortOrder::relevance && size > 0 && first < options.window_depth;
    const Xapian::doccount from = rerank ? 0 : first;
    const Xapian::doccount count = rerank ? std::max<Xapian::doccount>(first + size, options.window_depth) : size;
    // One match past the page, so that the estimate knows whether more follow: a
    // filter's estimate is only what the match saw (date:2025-03 said "Results 1-10
    // of about 10 matches" for 141 of them).
    const Xapian::doccount check = whole_set ? db.get_doccount() : from + count + 1;
    set_weighting(enquire, query, collection);
    Xapian::MSet mset = enquire.get_mset(from, count, check);
    const std::vector<Ranked> ranked = rank_hits(db, query, mset, rerank ? bonus : 0, collection);
    SearchPage page;
    page.total = mset.get_matches_estimated();
    page.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    long rank = request.offset;
    for (std::size_t i = first - from; i < ranked.size() && i < first - from + size; ++i) {
        const Xapian::MSetIterator& it = ranked[i].item;
        Hit hit;
        hit.rank = ++rank;
        hit.score = ranked[i].score;
        const Xapian::Document document = it.get_document();
        hit.doc = schema::deserialize(document.get_data());
        hit.source_path = document.get_value(schema::kSourcePathSlot);
        if (hit.source_path.empty()) hit.source_path = hit.doc.path;
        if (request.snippets) hit.snippet = snippet_of(db, mset, hit.doc, request, analyzer);
        page.hits.push_back(std::move(hit));
    }
    return page;
}

}  // namespace naba::searcher
