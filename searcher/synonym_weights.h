// Exact BM25 statistics for stems searched as synonym groups of their written forms.
//
// The index holds each word as written and lists a stem's forms in Xapian's synonym
// table (indexer/index_writer.h, StemSynonyms), so a stemmed query word is an
// OP_SYNONYM of its forms. Xapian 1.4 gives an OP_SYNONYM the document frequency of
// an OR of its terms estimated as if they were independent, which overstates it when
// forms share documents (stator and stators in one passage: 2 instead of 1) and so
// understates the stem's IDF. SynonymWeights counts the documents exactly and scales
// the group so that BM25 weighs it with the true frequency, as it would a single
// stemmed term.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

namespace naba::searcher {

class SynonymWeights {
  public:
    explicit SynonymWeights(const Xapian::Database& db) : db_(db) {}

    // `synonym` (an OP_SYNONYM) scaled so that its IDF is the exact one; unchanged
    // when Xapian's estimate cannot be off by much (one form in the index, or a rare
    // variant of a common form).
    Xapian::Query exact(const Xapian::Query& synonym) const;

    // The query with every OP_SYNONYM made exact that is reachable through the
    // parameterless operators QueryParser builds around words (OR, AND, NOT, AND_MAYBE,
    // FILTER, XOR); phrases and NEAR hold written forms only.
    Xapian::Query exact_all(const Xapian::Query& query) const;

    // Documents holding at least one of `forms`: exact (counted once per process),
    // except past 50,000 walked postings, where it is Xapian's estimate.
    double documents(const std::vector<std::string>& forms) const;

    // Drops what was counted, for a reopened database (another revision).
    void forget();

    // BM25's N for the query being built (query_collection.h); 0: the whole index.
    void use_collection(double documents) { collection_documents_ = documents; }

  private:
    double count(const std::vector<std::pair<std::string, double>>& forms) const;  // (form, frequency)
    double factor(const std::vector<std::pair<std::string, double>>& forms) const;

    const Xapian::Database& db_;
    mutable std::unordered_map<std::string, double> counts_;  // by the forms, joined
    double collection_documents_ = 0;
};

// Documents holding at least one of `terms`, counted exactly: the most frequent
// term's posting list is only probed (skip_to), the others are walked.
Xapian::doccount documents_with_any(const Xapian::Database& db, std::vector<std::string> terms);

// Xapian 1.4's estimate of that count for an OR of the terms, as if independent,
// computed the way Xapian does (the order of the pairs, integer arithmetic).
double independent_or_estimate(Xapian::doccount documents, const std::vector<Xapian::doccount>& frequencies);
double independent_or_estimate(const Xapian::Database& db, const std::vector<std::string>& terms);

// The inverse document frequency as Xapian 1.4's BM25Weight and BM25PlusWeight
// compute it.
double bm25_idf(double documents, double frequency);

// The IDF Naba's BM25 gives a term of `frequency` documents when the query's collection
// holds `collection` of the index's `whole` documents (query_collection.h): over the
// collection, unless the term is in more documents than that. Such a term also occurs
// outside the collection (a number, a name written in both scripts), and over the
// collection alone it would weigh nothing; it is weighed over the whole index.
double collection_idf(double collection, double whole, double frequency);
double bm25plus_idf(double documents, double frequency);

}  // namespace naba::searcher
