#include "synonym_weights.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>

#include "analysis_options.h"
#include "query_walk.h"

namespace naba::searcher {

double bm25_idf(double documents, double frequency) {
    double tw = (documents - frequency + 0.5) / (frequency + 0.5);
    // BM25Weight's own guard against a negative weight for very common terms.
    if (tw < 2) tw = std::max(tw, 1e-6) / 2 + 1;
    return std::log(tw);
}

double collection_idf(double collection, double whole, double frequency) {
    return bm25_idf(frequency > collection ? whole : collection, frequency);
}

double bm25plus_idf(double documents, double frequency) { return std::log((documents + 1) / frequency); }

double independent_or_estimate(Xapian::doccount documents, const std::vector<Xapian::doccount>& frequencies) {
    if (documents == 0 || frequencies.empty()) return 0;
    // As Xapian 1.4 builds it: a tree of two-way ORs, the two least frequent first
    // (OrContext::postlist), each estimated as P(a or b) = P(a) + P(b) - P(a)P(b)
    // and rounded to a whole number (OrPostList::get_termfreq_est_using_stats).
    std::priority_queue<Xapian::doccount, std::vector<Xapian::doccount>, std::greater<>> heap(frequencies.begin(),
                                                                                               frequencies.end());
    while (heap.size() > 1) {
        const Xapian::doccount r = heap.top();
        heap.pop();
        const Xapian::doccount l = heap.top();
        heap.pop();
        const double estimate = double(l) + double(r) - double(l) * double(r) / documents;
        heap.push(static_cast<Xapian::doccount>(estimate + 0.5));
    }
    return heap.top();
}

double independent_or_estimate(const Xapian::Database& db, const std::vector<std::string>& terms) {
    std::vector<Xapian::doccount> frequencies;
    for (const std::string& term : terms) frequencies.push_back(db.get_termfreq(term));
    return independent_or_estimate(db.get_doccount(), frequencies);
}

Xapian::doccount documents_with_any(const Xapian::Database& db, std::vector<std::string> terms) {
    std::vector<std::pair<Xapian::doccount, std::string>> lists;  // frequency, term
    for (std::string& t : terms)
        if (const Xapian::doccount f = db.get_termfreq(t); f > 0) lists.emplace_back(f, std::move(t));
    if (lists.empty()) return 0;
    std::sort(lists.begin(), lists.end(), std::greater<>());
    Xapian::doccount count = lists[0].first;
    Xapian::PostingIterator base = db.postlist_begin(lists[0].second);
    const Xapian::PostingIterator base_end = db.postlist_end(lists[0].second);
    // The other lists merged in document order through a heap of (next document, list).
    std::vector<std::pair<Xapian::PostingIterator, Xapian::PostingIterator>> walks;
    using Head = std::pair<Xapian::docid, std::size_t>;
    std::priority_queue<Head, std::vector<Head>, std::greater<>> heads;
    for (std::size_t i = 1; i < lists.size(); ++i) {
        walks.emplace_back(db.postlist_begin(lists[i].second), db.postlist_end(lists[i].second));
        heads.emplace(*walks.back().first, walks.size() - 1);
    }
    Xapian::docid last = 0;
    while (!heads.empty()) {
        const auto [doc, i] = heads.top();
        heads.pop();
        if (auto& [at, end] = walks[i]; ++at != end) heads.emplace(*at, i);
        if (doc == last) continue;  // already counted from another list
        last = doc;
        if (base != base_end) base.skip_to(doc);
        if (base == base_end || *base != doc) ++count;
    }
    return count;
}

namespace {

// Counting walks the posting lists of all forms but the most frequent one; past this
// many postings the stem is common enough that the error is small next to its cost.
constexpr double kMaxWalkedPostings = 50000;
// The exact count is skipped when no count could move the IDF by more than this: the
// estimate and the truth both lie between the largest form's frequency and the sum.
constexpr double kNegligibleIdf = 0.01;

// The IDF of the weighting scheme naba-search uses (search.cpp) over a collection of
// `collection` of the index's `whole` documents.
double idf(double collection, double whole, double frequency) {
    return analysis_options().bm25plus_delta > 0 ? bm25plus_idf(collection, frequency)
                                                 : collection_idf(collection, whole, frequency);
}

}  // namespace

void SynonymWeights::forget() { counts_.clear(); }

double SynonymWeights::documents(const std::vector<std::string>& forms) const {
    std::vector<std::pair<std::string, double>> present;
    for (const std::string& form : forms)
        if (const double f = db_.get_termfreq(form); f > 0) present.emplace_back(form, f);
    return count(present);
}

double SynonymWeights::count(const std::vector<std::pair<std::string, double>>& forms) const {
    if (forms.empty()) return 0;
    if (forms.size() == 1) return forms[0].second;
    double largest = 0, sum = 0;
    std::string key;
    std::vector<std::string> terms;
    std::vector<Xapian::doccount> frequencies;
    for (const auto& [form, frequency] : forms) {
        largest = std::max(largest, frequency);
        sum += frequency;
        key.append(form).push_back('\0');
        terms.push_back(form);
        frequencies.push_back(static_cast<Xapian::doccount>(frequency));
    }
    if (sum - largest > kMaxWalkedPostings) return independent_or_estimate(db_.get_doccount(), frequencies);
    if (auto it = counts_.find(key); it != counts_.end()) return it->second;
    const double exact = documents_with_any(db_, terms);
    counts_.emplace(std::move(key), exact);
    return exact;
}

double SynonymWeights::factor(const std::vector<std::pair<std::string, double>>& forms) const {
    if (forms.size() < 2) return 1;  // one posting list: Xapian's frequency is exact
    // The IDFs over the query's collection, as its weighting scheme computes them;
    // Xapian estimates the OR over the whole index.
    const double whole = db_.get_doccount();
    const double documents = collection_documents_ > 0 ? collection_documents_ : whole;
    double largest = 0, sum = 0;
    for (const auto& [form, frequency] : forms) {
        largest = std::max(largest, frequency);
        sum += frequency;
    }
    // (The IDF falls with the frequency on each side of the collection's size, where
    // it steps up to the whole index's.)
    const double most = std::min(sum, whole);
    const bool one_side = (largest > documents) == (most > documents);
    if (one_side && idf(documents, whole, largest) - idf(documents, whole, most) < kNegligibleIdf) return 1;
    std::vector<Xapian::doccount> frequencies;
    for (const auto& [form, frequency] : forms) frequencies.push_back(static_cast<Xapian::doccount>(frequency));
    const double estimated = independent_or_estimate(db_.get_doccount(), frequencies);
    return idf(documents, whole, count(forms)) / idf(documents, whole, estimated);
}

Xapian::Query SynonymWeights::exact(const Xapian::Query& synonym) const {
    // The group stays as it is, stem key included: a term without documents changes
    // neither the estimate nor a document's wdf, and snippets find stemmed words by it.
    std::vector<std::pair<std::string, double>> forms;  // sorted, distinct
    for (auto t = synonym.get_unique_terms_begin(); t != synonym.get_unique_terms_end(); ++t)
        if (const double f = db_.get_termfreq(*t); f > 0) forms.emplace_back(*t, f);
    const double f = factor(forms);
    return std::abs(f - 1) < 1e-6 ? synonym : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, synonym, f);
}

Xapian::Query SynonymWeights::exact_all(const Xapian::Query& query) const {
    return rebuild_parts(query, [this](const Xapian::Query& part) {
        return part.get_type() == Xapian::Query::OP_SYNONYM ? exact(part) : part;
    });
}

}  // namespace naba::searcher
