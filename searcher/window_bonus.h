// Window bonus: re-ranks the first hits of a query by how close together its words
// are in each document. BM25 weighs each word on its own, so a story that has the
// query's words scattered over several paragraphs ties with one that has them in one
// sentence; but a news story restates its headline in its first sentence, and the
// passage a question was asked about holds the question's words near each other.
// For each of the first hits, the largest share of the query's weight (each query
// word's IDF, a stem group counted once) found within one window of consecutive
// words is measured, and the hit's score is multiplied by 1 + bonus x share.
// Proximity measured this way is a re-ranking signal in Tao and Zhai (SIGIR 2007);
// windows of words go back to Callan's passage retrieval (SIGIR 1994). Only the first
// hits: positions are read for each of them (bench/RESULTS.md, "Search speed").
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

namespace naba::searcher {

class QueryWords {
  public:
    // The words of a parsed query: each stem group (OP_SYNONYM around a "Z" stem key)
    // is one word, written as any of its forms; any other free-text term is a word of
    // its own. Prefixed terms (title, roots, n-grams, filters) have no positions in
    // the text and are left out, as are the words an AND_NOT excludes.
    // The IDFs are over `documents` (BM25's N for the query, query_collection.h; 0:
    // the whole index).
    QueryWords(const Xapian::Database& db, const Xapian::Query& query, double documents = 0);

    std::size_t size() const { return idf_.size(); }

    // For each document, the largest share (0 to 1) of the words' IDF found within
    // `window` consecutive positions of its text.
    std::vector<double> window_shares(const std::vector<Xapian::docid>& docs, unsigned window) const;

  private:
    void add_groups(const Xapian::Query& query);
    void add_terms(const Xapian::Query& query);
    std::size_t word_of(const std::string& key);
    void add_form(const std::string& form, std::size_t word);

    // Hashed, so that a query of thousands of words is read in linear time.
    const Xapian::Database& db_;
    std::unordered_map<std::string, std::size_t> words_;      // stem key or term -> its word
    std::vector<std::pair<std::string, std::size_t>> forms_;  // written form, its word; each form once
    std::unordered_set<std::string> known_forms_;             // the forms in forms_
    std::unordered_set<std::string> excluded_;                // terms under an AND_NOT's excluded side
    std::vector<double> idf_;                                 // one per word
    double idf_total_ = 0;
};

// The largest sum of `idf` over the distinct words found within `window` consecutive
// positions, given a document's (position, word) occurrences sorted by position.
double best_window_weight(const std::vector<std::pair<Xapian::termpos, std::size_t>>& occurrences,
                          const std::vector<double>& idf, unsigned window);

}  // namespace naba::searcher
