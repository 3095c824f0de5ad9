// best_window_weight: the best window's IDF sum, each word counted once.
#include <doctest/doctest.h>

#include "window_bonus.h"

using naba::searcher::best_window_weight;

TEST_CASE("the best window sums the IDF of the distinct words within it") {
    const std::vector<double> idf = {1.0, 2.0, 4.0};
    // word 0 at 1, word 1 at 3, word 0 again at 10, word 2 at 12.
    const std::vector<std::pair<Xapian::termpos, std::size_t>> occurrences = {{1, 0}, {3, 1}, {10, 0}, {12, 2}};
    CHECK(best_window_weight(occurrences, idf, 2) == doctest::Approx(4.0));   // {12}: word 2 alone
    CHECK(best_window_weight(occurrences, idf, 5) == doctest::Approx(5.0));   // {10, 12}: words 0 and 2
    CHECK(best_window_weight(occurrences, idf, 10) == doctest::Approx(7.0));  // {3, 10, 12}: all three
    CHECK(best_window_weight(occurrences, idf, 20) == doctest::Approx(7.0));  // word 0 twice counts once
}

TEST_CASE("a word repeated within the window counts once") {
    const std::vector<double> idf = {1.0, 2.0};
    const std::vector<std::pair<Xapian::termpos, std::size_t>> occurrences = {{1, 0}, {2, 0}, {3, 0}};
    CHECK(best_window_weight(occurrences, idf, 15) == doctest::Approx(1.0));
    CHECK(best_window_weight({}, idf, 15) == doctest::Approx(0.0));
}

namespace {

// An in-memory index of `texts`, each word at its own position (docids from 1).
Xapian::WritableDatabase positional_index(const std::vector<std::vector<std::string>>& texts) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& words : texts) {
        Xapian::Document doc;
        for (std::size_t i = 0; i < words.size(); ++i) doc.add_posting(words[i], static_cast<Xapian::termpos>(i + 1));
        db.add_document(doc);
    }
    return db;
}

}  // namespace

TEST_CASE("a word the query excludes is not one of the words whose window is measured") {
    const auto db = positional_index({{"grain", "corridor"}, {"ceasefire"}, {"weather"}, {"weather"}});
    const Xapian::Query wanted(Xapian::Query::OP_OR, Xapian::Query("grain"), Xapian::Query("corridor"));
    const Xapian::Query query(Xapian::Query::OP_AND_NOT, wanted, Xapian::Query("ceasefire"));
    const naba::searcher::QueryWords words(db, query);
    CHECK(words.size() == 2);
    CHECK(words.window_shares({1}, 15).at(0) == doctest::Approx(1.0));
    // The exact-form bonus (query_builder.cpp) lists every written word, the excluded too.
    const Xapian::Query bonus(Xapian::Query::OP_OR, Xapian::Query("grain"), Xapian::Query("ceasefire"));
    const naba::searcher::QueryWords with_bonus(db, Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, bonus));
    CHECK(with_bonus.size() == 2);
    // Both wanted words side by side: the whole of the query's weight, as without the NOT.
    CHECK(with_bonus.window_shares({1}, 15).at(0) == doctest::Approx(1.0));
}

TEST_CASE("a word written twice in the query is one word") {
    const auto db = positional_index({{"grain", "corridor"}, {"weather"}});
    const std::vector<Xapian::Query> parts = {Xapian::Query("grain"), Xapian::Query("corridor"), Xapian::Query("grain")};
    const naba::searcher::QueryWords words(db, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
    CHECK(words.size() == 2);
    CHECK(words.window_shares({1}, 15).at(0) == doctest::Approx(1.0));
}
