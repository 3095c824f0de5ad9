#include "query_collection.h"

#include "collection_bm25_weight.h"

namespace naba::searcher {

const OneLanguageDocuments& QueryCollections::only(std::string_view lang) const {
    std::optional<OneLanguageDocuments>& counts = lang == "ar" ? only_arabic_ : only_english_;
    if (!counts) counts = one_language_documents(db_, lang);
    return *counts;
}

Collection QueryCollections::of(QueryLanguage language) const {
    const double documents = db_.get_doccount();
    if (!by_collection_) by_collection_ = runs_collection_bm25(db_);
    const Collection whole{documents, db_.get_avlength(), !*by_collection_};
    if (whole.xapian_scheme_only) return whole;
    if (language != QueryLanguage::arabic && language != QueryLanguage::latin) return whole;
    // The documents written only in the other language can hold none of the query's words.
    const OneLanguageDocuments& other = only(language == QueryLanguage::arabic ? "en" : "ar");
    if (other.documents == 0 || other.documents >= documents) return whole;
    const double rest = documents - other.documents;
    const double length = whole.average_length * documents - static_cast<double>(other.length);
    return {rest, length > 0 ? length / rest : 0};
}

void QueryCollections::forget() {
    only_arabic_.reset();
    only_english_.reset();
    by_collection_.reset();
}

}  // namespace naba::searcher
