#include "collection_bm25_weight.h"

#include <algorithm>
#include <cmath>

#include "synonym_weights.h"

namespace naba::searcher {

CollectionBM25Weight::CollectionBM25Weight(double k1, double k3, double b, double min_normlen,
                                           const Collection& collection)
    // Clamped as BM25Weight clamps them: b above 1 (NABA_ANALYSIS takes any b >= 0)
    // would make a document holding the word alone outweigh one repeating it, and
    // get_maxpart, taken at the largest wdf, would no longer bound the weight.
    : k1_(std::max(k1, 0.0)), k3_(std::max(k3, 0.0)), b_(std::clamp(b, 0.0, 1.0)),
      min_normlen_(min_normlen), collection_(collection) {
    need_stat(TERMFREQ);
    need_stat(COLLECTION_SIZE);
    need_stat(WQF);
    need_stat(WDF);
    need_stat(WDF_MAX);
    need_stat(DOC_LENGTH);
    need_stat(DOC_LENGTH_MIN);
}

CollectionBM25Weight* CollectionBM25Weight::clone() const {
    return new CollectionBM25Weight(k1_, k3_, b_, min_normlen_, collection_);
}

void CollectionBM25Weight::init(double factor) {
    // The IDF exactly as BM25Weight computes it (synonym_weights.h), over this
    // collection; factor is the query's OP_SCALE_WEIGHT (0 for the term-free part).
    termweight_ = collection_idf(collection_.documents, get_collection_size(), get_termfreq()) * factor;
    if (k3_ != 0) {
        const double wqf = get_wqf();
        termweight_ *= (k3_ + 1) * wqf / (k3_ + wqf);
    }
    termweight_ *= k1_ + 1;
    len_factor_ = collection_.average_length > 0 ? 1 / collection_.average_length : 0;
}

double CollectionBM25Weight::part(double wdf, double normlen) const {
    const double denom = k1_ * (std::max(normlen, min_normlen_) * b_ + (1 - b_)) + wdf;
    return denom > 0 ? termweight_ * (wdf / denom) : 0;
}

double CollectionBM25Weight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount) const {
    return part(wdf, doclen * len_factor_);
}

// BM25Weight's bound: the weight at the largest wdf and at the shortest length a
// document with that wdf can have.
double CollectionBM25Weight::get_maxpart() const {
    const double wdf_max = get_wdf_upper_bound();
    return part(wdf_max, std::max<double>(wdf_max, get_doclength_lower_bound()) * len_factor_);
}

bool runs_collection_bm25(const Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(std::string(1, '\0')));  // a term no index holds
    enquire.set_weighting_scheme(CollectionBM25Weight(1, 1, 0.5, 0.5, Collection{1, 1}));
    try {
        enquire.get_mset(0, 0);
    } catch (const Xapian::UnimplementedError&) {
        return false;
    }
    return true;
}

}  // namespace naba::searcher
