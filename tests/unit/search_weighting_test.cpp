#include <doctest/doctest.h>

#include <xapian.h>

#include "analysis_options.h"
#include "search.h"

using naba::searcher::length_normalization;

TEST_CASE("English queries get BM25's usual length normalization, Arabic and mixed ones Xapian's") {
    const naba::AnalysisOptions& options = naba::analysis_options();
    auto words = [](std::initializer_list<std::string> terms) {
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    };
    CHECK(length_normalization(words({"Zceasefir", "ceasefire", "talks"})) == options.bm25_b_latin);
    CHECK(length_normalization(words({"Zهدن", "هدنه"})) == options.bm25_b);
    CHECK(length_normalization(words({"gaza", "هدنه"})) == options.bm25_b);
    // An Arabic root term alone (prefix XA) makes the query Arabic too.
    CHECK(length_normalization(words({"talks", "XAهدن"})) == options.bm25_b);
    CHECK(length_normalization(Xapian::Query(Xapian::Query::MatchAll)) == options.bm25_b_latin);
}

TEST_CASE("an Arabic wildcard makes the query Arabic: its pattern is not among the query's terms") {
    const naba::AnalysisOptions& options = naba::analysis_options();
    const Xapian::Query arabic_prefix(Xapian::Query::OP_WILDCARD, "مفاوض");
    CHECK(length_normalization(arabic_prefix) == options.bm25_b);
    CHECK(length_normalization(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("talks"), arabic_prefix)) ==
          options.bm25_b);
    CHECK(length_normalization(Xapian::Query(Xapian::Query::OP_WILDCARD, "negotiat")) == options.bm25_b_latin);
}

TEST_CASE("the default length normalization differs by language: 0.75 English, 0.5 Arabic") {
    if (std::getenv("NABA_ANALYSIS")) return;  // an ablation run changes them on purpose
    CHECK(naba::analysis_options().bm25_b_latin == doctest::Approx(0.75));
    CHECK(naba::analysis_options().bm25_b == doctest::Approx(0.5));
}
