#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "spelling_data.h"

namespace {

std::map<std::string, Xapian::termcount> spellings(const Xapian::Database& db) {
    std::map<std::string, Xapian::termcount> out;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) out[*s] = s.get_termfreq();
    return out;
}

Xapian::Document doc_with(std::initializer_list<const char*> terms) {
    Xapian::Document d;
    for (const char* t : terms) d.add_term(t);
    return d;
}

}  // namespace

TEST_CASE("spelling data holds each indexed word with its document frequency, and no stop words or prefixed terms") {
    naba::Analyzer analyzer;
    auto dir = std::filesystem::temp_directory_path() / ("naba-spelling-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    db.add_document(doc_with({"sunflower", "the", "Zsunflow", "Qid1", "2025", "هدنه"}));
    db.add_document(doc_with({"sunflower", "grain"}));

    naba::indexer::refresh_spelling(db, analyzer);
    auto first = spellings(db);
    CHECK(first == std::map<std::string, Xapian::termcount>{{"grain", 1}, {"sunflower", 2}, {"هدنه", 1}});

    SUBCASE("refreshing again changes nothing (re-runs do not inflate counts)") {
        CHECK(naba::indexer::refresh_spelling(db, analyzer) == 0);
        CHECK(spellings(db) == first);
    }
    SUBCASE("words of deleted documents go away") {
        db.delete_document(2);
        naba::indexer::refresh_spelling(db, analyzer);
        CHECK(spellings(db) == std::map<std::string, Xapian::termcount>{{"sunflower", 1}, {"هدنه", 1}});
    }
    db.close();
    std::filesystem::remove_all(dir);
}
