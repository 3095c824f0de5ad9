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
