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

struct Text {
    std::string id, title, text;
};

// Indexes the texts as naba-index does (synonym lists included) and commits.
inline void index_texts(const naba::Analyzer& analyzer, Xapian::WritableDatabase& db, const std::vector<Text>& texts) {
    naba::indexer::StemSynonyms recorder;
    for (const Text& t : texts) {
        const Xapian::Document doc = text_document(analyzer, t.id, t.title, t.text);
        recorder.record(db, doc);
        db.add_document(doc);
    }
    db.commit();
}

// `query` as naba-search runs it (default OR).
inline naba::searcher::SearchPage search(const naba::Analyzer& analyzer, const Xapian::Database& db,
                                         const std::string& query, const naba::searcher::SearchRequest& request) {
    naba::searcher::EntityCatalog catalog(db, analyzer);
    naba::searcher::QueryBuilder queries(analyzer, db, catalog);
    const naba::searcher::ParsedQuery parsed = queries.build(query, naba::searcher::DefaultOp::op_or);
    return naba::searcher::run_search(db, analyzer, parsed.query, parsed.collection, request);
}

inline std::set<std::string> found_ids(const naba::Analyzer& analyzer, const Xapian::Database& db, const std::string& query) {
    std::set<std::string> ids;
    for (const auto& hit : search(analyzer, db, query, {}).hits) ids.insert(hit.doc.id);
    return ids;
}

}  // namespace stem_synonyms_test
