// Per-language statistics (common/language_stats.h): what is counted, and when the
// stored counts are trusted.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>
#include <xapian.h>

#include "language_stats.h"

namespace {

struct TempDb {
    std::filesystem::path dir;
    Xapian::WritableDatabase db;
    explicit TempDb(const std::string& name)
        : dir(std::filesystem::temp_directory_path() / ("naba-langstats-" + name + std::to_string(::getpid()))) {
        std::filesystem::remove_all(dir);
        db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    }
    ~TempDb() {
        db.close();
        std::filesystem::remove_all(dir);
    }
};

// A document of `words` words (each once) in the given languages.
void add(Xapian::WritableDatabase& db, std::initializer_list<const char*> langs, int words) {
    Xapian::Document doc;
    for (const char* lang : langs) doc.add_boolean_term(std::string("L") + lang);
    for (int i = 0; i < words; ++i) doc.add_term("w" + std::to_string(i));
    db.add_document(doc);
}

}  // namespace

TEST_CASE("the documents of one language only are counted with their lengths, mixed ones left out") {
    TempDb t("count");
    add(t.db, {"ar"}, 10);
    add(t.db, {"ar"}, 20);
    add(t.db, {"en"}, 5);
    add(t.db, {"ar", "en"}, 7);  // mixed
    add(t.db, {}, 3);            // no letters: no language
    t.db.commit();
    CHECK(naba::count_one_language(t.db, "ar") == naba::OneLanguageDocuments{2, 30});
    CHECK(naba::count_one_language(t.db, "en") == naba::OneLanguageDocuments{1, 5});
}

TEST_CASE("stored language statistics are used only while the language terms keep their frequencies and the index its size") {
    TempDb t("stored");
    add(t.db, {"ar"}, 10);
    add(t.db, {"en"}, 4);
    t.db.commit();
    CHECK_FALSE(naba::language_stats_current(t.db));
    naba::store_language_stats(t.db);
    t.db.commit();
    CHECK(naba::language_stats_current(t.db));
    // Stored figures are read as they are: change them by hand to see that they are.
    t.db.set_metadata("naba:stats:ar", "1 99 1 1 2 14");  // 2 documents of 14 words in all
    t.db.commit();
    CHECK(naba::one_language_documents(t.db, "ar") == naba::OneLanguageDocuments{1, 99});
    // A document added by a run that stopped before storing: counted again.
    add(t.db, {"ar"}, 6);
    t.db.commit();
    CHECK_FALSE(naba::language_stats_current(t.db));
    CHECK(naba::one_language_documents(t.db, "ar") == naba::OneLanguageDocuments{2, 16});
    // Unreadable figures: counted again.
    t.db.set_metadata("naba:stats:en", "garbage");
    t.db.commit();
    CHECK(naba::one_language_documents(t.db, "en") == naba::OneLanguageDocuments{1, 4});
}

TEST_CASE("an index of several databases is counted over all of them, not from the first one's metadata") {
    TempDb a("a"), b("b");
    add(a.db, {"ar"}, 10);
    naba::store_language_stats(a.db);
    a.db.commit();
    add(b.db, {"ar"}, 30);
    b.db.commit();
    Xapian::Database both(a.dir.string());
    both.add_database(Xapian::Database(b.dir.string()));
    CHECK(naba::one_language_documents(both, "ar") == naba::OneLanguageDocuments{2, 40});
}

TEST_CASE("stored language statistics are counted again once a document's length changed, its language the same") {
    // A run stopped (Ctrl-C, kill -9) after replacing edited documents, before storing:
    // every language term keeps its frequency, but the lengths are no longer those.
    TempDb t("replaced");
    add(t.db, {"ar"}, 10);
    add(t.db, {"en"}, 4);
    t.db.commit();
    naba::store_language_stats(t.db);
    t.db.commit();
    Xapian::Document longer;
    longer.add_boolean_term("Lar");
    for (int i = 0; i < 25; ++i) longer.add_term("w" + std::to_string(i));
    t.db.replace_document(1, longer);
    t.db.commit();
    CHECK_FALSE(naba::language_stats_current(t.db));
    CHECK(naba::one_language_documents(t.db, "ar") == naba::OneLanguageDocuments{1, 25});
}
