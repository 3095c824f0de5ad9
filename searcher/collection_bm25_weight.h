// BM25 over a given collection: Xapian's BM25Weight (k2 = 0, no relevance set), term
// for term, except that the document count N and the average document length are
// the collection's (query_collection.h: the documents of the query's language), not
// the whole index's. A term's document frequency is the whole index's; one in more
// documents than N occurs outside the collection too (a number, a name in both
// scripts) and is weighed over the whole index (collection_idf, synonym_weights.h).
//
// Xapian's remote server (xapian-tcpsrv) knows only Xapian's own weighting schemes:
// serialise() is Xapian's default, which throws Xapian::UnimplementedError; such an
// index is weighed with BM25Weight over the whole index (runs_collection_bm25 below,
// Collection::xapian_scheme_only).
#pragma once

#include <string>

#include <xapian.h>

#include "query_collection.h"

namespace naba::searcher {

class CollectionBM25Weight : public Xapian::Weight {
  public:
    // k1, k3, b and min_normlen as in Xapian::BM25Weight.
    CollectionBM25Weight(double k1, double k3, double b, double min_normlen, const Collection& collection);

    std::string name() const override { return "naba::CollectionBM25Weight"; }
    CollectionBM25Weight* clone() const override;
    void init(double factor) override;
    double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
    double get_maxpart() const override;
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxextra() const override { return 0; }

  private:
    double part(double wdf, double normlen) const;

    double k1_, k3_, b_, min_normlen_;
    Collection collection_;
    double termweight_ = 0, len_factor_ = 0;
};

// False when `db` cannot run CollectionBM25Weight: one of its databases is served by
// Xapian's remote backend. Tried on a query of no word: the remote database refuses
// the scheme before sending anything.
bool runs_collection_bm25(const Xapian::Database& db);

}  // namespace naba::searcher
