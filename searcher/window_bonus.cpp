#include "window_bonus.h"

#include <algorithm>
#include <cmath>

#include "query_walk.h"
#include "schema.h"

namespace naba::searcher {

// A document never holds what an AND_NOT excludes, so such a word, counted, would only
// lower every document's share. The exact-form bonus (query_builder.cpp) lists the
// excluded words' forms too: they are left out wherever they are.
QueryWords::QueryWords(const Xapian::Database& db, const Xapian::Query& query, double documents)
    : db_(db), excluded_(excluded_terms(query)) {
    add_groups(query);  // first, so that a form met alone (the exact-form bonus) joins its group
    add_terms(query);
    idf_.assign(words_.size(), 0);
    std::vector<Xapian::doccount> frequency(words_.size(), 0);
    for (const auto& [form, word] : forms_) frequency[word] = std::max(frequency[word], db_.get_termfreq(form));
    if (documents <= 0) documents = db_.get_doccount();
    for (std::size_t w = 0; w < words_.size(); ++w) {
        // The group's most frequent form stands for it: close to the group's own
        // count, and the IDFs only weigh the words against each other.
        if (frequency[w] > 0) idf_[w] = std::max(0.0, std::log(documents / frequency[w]));
        idf_total_ += idf_[w];
    }
}

std::size_t QueryWords::word_of(const std::string& key) {
    return words_.try_emplace(key, words_.size()).first->second;
}

void QueryWords::add_form(const std::string& form, std::size_t word) {
    if (!excluded_.contains(form) && known_forms_.insert(form).second) forms_.emplace_back(form, word);
}

void QueryWords::add_groups(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_SYNONYM) {
        std::string key;
        for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
            if ((*t).starts_with('Z')) key = *t;
        if (!key.empty()) {
            if (excluded_.contains(key)) return;
            const std::size_t word = word_of(key);
            for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t)
                if (schema::is_word_term(*t)) add_form(*t, word);
            return;
        }
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) add_groups(query.get_subquery(i));
}

void QueryWords::add_terms(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = *query.get_terms_begin();
        if (schema::is_word_term(term) && !known_forms_.contains(term) && !excluded_.contains(term))
            add_form(term, word_of(term));
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) add_terms(query.get_subquery(i));
}

std::vector<double> QueryWords::window_shares(const std::vector<Xapian::docid>& docs, unsigned window) const {
    // Each form's posting list is walked once, in docid order, to the documents that
    // hold it; only those have its positions read.
    std::vector<std::pair<Xapian::docid, std::size_t>> order;
    for (std::size_t i = 0; i < docs.size(); ++i) order.emplace_back(docs[i], i);
    std::sort(order.begin(), order.end());
    std::vector<std::vector<std::pair<Xapian::termpos, std::size_t>>> occurrences(docs.size());
    for (const auto& [form, word] : forms_) {
        Xapian::PostingIterator p = db_.postlist_begin(form);
        for (const auto& [doc, i] : order) {
            p.skip_to(doc);
            if (p == db_.postlist_end(form)) break;
            if (*p != doc) continue;
            for (auto pos = p.positionlist_begin(); pos != p.positionlist_end(); ++pos) occurrences[i].emplace_back(*pos, word);
        }
    }
    std::vector<double> shares(docs.size(), 0);
    if (idf_total_ <= 0) return shares;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        std::sort(occurrences[i].begin(), occurrences[i].end());
        shares[i] = best_window_weight(occurrences[i], idf_, window) / idf_total_;
    }
    return shares;
}

double best_window_weight(const std::vector<std::pair<Xapian::termpos, std::size_t>>& occurrences,
                          const std::vector<double>& idf, unsigned window) {
    // Slide a window over the occurrences, counting each word's occurrences in it.
    std::vector<int> in_window(idf.size(), 0);
    double weight = 0, best = 0;
    std::size_t first = 0;
    for (const auto& [position, word] : occurrences) {
        if (in_window[word]++ == 0) weight += idf[word];
        while (position - occurrences[first].first >= window) {
            if (--in_window[occurrences[first].second] == 0) weight -= idf[occurrences[first].second];
            ++first;
        }
        best = std::max(best, weight);
    }
    return best;
}

}  // namespace naba::searcher
