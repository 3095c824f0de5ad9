// Helpers of the stem-synonym unit tests (stem_synonyms_test.cpp and
// synonym_weights_test.cpp with Naba's defaults; stemmed_terms_test.cpp, run with
// NABA_ANALYSIS no-stem-synonyms).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "document_builder.h"
#include "index_writer.h"
#include "query_builder.h"
#include "search.h"

namespace stem_synonyms_test {

struct TempDatabase {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("naba-stem-synonyms-" + std::to_string(::getpid()));
    Xapian::WritableDatabase db;
    TempDatabase() {
        std::filesystem::remove_all(dir);
        db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    }
    ~TempDatabase() {
        db.close();
        std::filesystem::remove_all(dir);
    }
};

inline Xapian::Document text_document(const naba::Analyzer& analyzer, const std::string& id, const std::string& title,
                               const std::string& text) {
    naba::indexer::DocumentBuilder builder(analyzer);
    naba::schema::StoredDocument doc;
    doc.id = id, doc.title = title, doc.text = text;
    return builder.build(doc);
}

inline std::set<std::string> synonyms(const Xapian::Database& db, const std::string& key) {
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

inline std::set<std::string> found_ids(const naba::Analyzer& analyzer, const Xapian::Database& db, const std::string& query) {
    naba::searcher::EntityCatalog catalog(db, analyzer);
    naba::searcher::QueryBuilder queries(analyzer, db, catalog);
    naba::searcher::SearchRequest request;
    request.limit = 10;
    std::set<std::string> ids;
    const auto page = naba::searcher::run_search(
        db, analyzer, queries.build(query, naba::searcher::DefaultOp::op_or).query, request);
    for (const auto& hit : page.hits) ids.insert(hit.doc.id);
    return ids;
}

}  // namespace stem_synonyms_test
