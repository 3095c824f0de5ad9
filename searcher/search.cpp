#include "search.h"

#include <algorithm>
#include <vector>

#include "analysis_options.h"

namespace naba::searcher {
namespace {

// Snippets are shown on one line: runs of white space become one space.
std::string one_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        bool is_space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
        if (is_space) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// A stemmed Arabic free-text term (Z + a word starting with an Arabic-block letter).
bool is_arabic_stem(const std::string& term) {
    if (term.size() < 3 || term[0] != 'Z') return false;
    const auto lead = static_cast<unsigned char>(term[1]);
    return lead >= 0xD8 && lead <= 0xDB;
}

// True when most of the query's stemmed terms are Arabic.
bool arabic_query(const Xapian::Query& query) {
    int arabic = 0, other = 0;
    for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
        if ((*t)[0] == 'Z') ++(is_arabic_stem(*t) ? arabic : other);
    return arabic > other;
}

// Pseudo-relevance feedback for Arabic queries (NABA_ANALYSIS prf=W): the query's top
// 3 documents are taken as relevant and their 10 best Arabic expansion terms rank as
// well, at a low weight. Light stemming leaves an Arabic word's inflected and derived
// forms apart; the passages that match best bring in the forms they use. English
// stems already conflate most forms, and feedback lost there (bench/RESULTS.md).
Xapian::Query with_feedback(Xapian::Enquire& enquire, const Xapian::Query& query, double weight) {
    if (!arabic_query(query)) return query;
    Xapian::MSet top = enquire.get_mset(0, 3);
    if (top.empty()) return query;
    Xapian::RSet rset;
    for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
    // Only stemmed Arabic terms: not exact forms, roots or boolean filters.
    struct StemmedOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override { return is_arabic_stem(term); }
    } stemmed;
    Xapian::ESet eset = enquire.get_eset(10, rset, &stemmed);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) terms.emplace_back(*it);
    if (terms.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), weight));
}

}  // namespace

SearchPage run_search(const Xapian::Database& db, const Analyzer& analyzer, const Xapian::Query& query,
                      const SearchRequest& request) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    const AnalysisOptions& options = analysis_options();
    // k2 = 0 and min_normlen = 0.5 are Xapian's defaults.
    if (options.bm25plus_delta > 0)
        enquire.set_weighting_scheme(
            Xapian::BM25PlusWeight(options.bm25_k1, 0, options.bm25_k3, options.bm25_b, 0.5, options.bm25plus_delta));
    else
        enquire.set_weighting_scheme(Xapian::BM25Weight(options.bm25_k1, 0, options.bm25_k3, options.bm25_b, 0.5));
    if (options.prf > 0 && request.sort == SortOrder::relevance)
        enquire.set_query(with_feedback(enquire, query, options.prf));
    if (request.sort != SortOrder::relevance) {
        // Ties (same day) keep relevance order; docid order makes paging stable.
        enquire.set_sort_by_value_then_relevance(schema::kDateSlot, request.sort == SortOrder::date_descending);
    }
    const auto first = static_cast<Xapian::doccount>(request.offset);
    const auto size = static_cast<Xapian::doccount>(request.limit);
    // checkatleast 1 even for -n 0, so that "nothing matched" is always known.
    const bool whole_set = request.exact_total || request.facet_spy;
    if (request.facet_spy) enquire.add_matchspy(request.facet_spy);
    const Xapian::doccount check = whole_set ? db.get_doccount() : std::max<Xapian::doccount>(first + size, 1);
    Xapian::MSet mset = enquire.get_mset(first, size, check);
    SearchPage page;
    page.total = mset.get_matches_estimated();
    page.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    long rank = request.offset;
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = ++rank;
        hit.score = it.get_weight();
        hit.doc = schema::deserialize(it.get_document().get_data());
        if (request.snippets) {
            const SnippetStyle& style = *request.snippets;
            const std::string& text = hit.doc.text.empty() ? hit.doc.title : hit.doc.text;
            hit.snippet = one_line(mset.snippet(text, style.length, analyzer.stemmer(),
                                                Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                                style.highlight_start, style.highlight_end, "…"));
        }
        page.hits.push_back(std::move(hit));
    }
    return page;
}

}  // namespace naba::searcher
