#include <doctest/doctest.h>

#include <stdexcept>

#include "analysis_options.h"

using naba::parse_analysis_options;

TEST_CASE("an empty NABA_ANALYSIS gives the shipped defaults") {
    naba::AnalysisOptions o = parse_analysis_options("");
    CHECK(o.arabic_stemmer == "light10");
    CHECK(o.pronoun_suffixes);
    CHECK(o.clitic_stop_words);
    CHECK(o.phrase_words);
    CHECK(o.exact_forms == doctest::Approx(0.3));
    CHECK(o.arabic_root == doctest::Approx(1.0));
    CHECK(o.root_matches);
    CHECK(o.clitic_alternatives == doctest::Approx(0.5));
    CHECK(o.name_keys == doctest::Approx(0.3));
    CHECK(o.bm25plus_delta == 0);
    CHECK(o.bm25_k1 == doctest::Approx(1.0));
    CHECK(o.bm25_b == doctest::Approx(0.5));
}

TEST_CASE("NABA_ANALYSIS entries override defaults, separated by spaces or commas") {
    naba::AnalysisOptions o = parse_analysis_options("k1=1.2, b=0.75 no-fold-teh-marbuta arabic-stemmer=snowball exact-forms=0 arabic-root=0 no-root-matches clitic-alternatives=0.25 name-keys=0");
    CHECK(o.bm25_k1 == doctest::Approx(1.2));
    CHECK(o.bm25_b == doctest::Approx(0.75));
    CHECK_FALSE(o.fold_teh_marbuta);
    CHECK(o.fold_alef_maqsura);
    CHECK(o.arabic_stemmer == "snowball");
    CHECK(o.exact_forms == 0);
    CHECK(o.arabic_root == 0);
    CHECK_FALSE(o.root_matches);
    CHECK(o.clitic_alternatives == doctest::Approx(0.25));
    CHECK(o.name_keys == 0);
}

TEST_CASE("an unknown or malformed NABA_ANALYSIS entry is an error naming it") {
    for (const char* bad : {"k1=fast", "b=-1", "no-such-thing", "arabic-stemmer=porter", "exact-forms"}) {
        CAPTURE(bad);
        try {
            parse_analysis_options(bad);
            FAIL("no error");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("NABA_ANALYSIS") != std::string::npos);
        }
    }
}

TEST_CASE("a window of no words is an error: the window bonus needs at least one") {
    // best_window_weight (searcher/window_bonus.h) reads past its occurrences with a window of 0.
    CHECK_THROWS_AS(parse_analysis_options("window-words=0"), std::runtime_error);
    CHECK_THROWS_AS(parse_analysis_options("window-words=0.5"), std::runtime_error);
    CHECK(parse_analysis_options("window-words=1").window_words == 1);
}
