// SynonymWeights: a stem searched as a synonym group of its forms is weighed with its
// exact document frequency, not Xapian's independent-OR estimate.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "stem_synonyms_fixture.h"
#include "synonym_weights.h"

using namespace stem_synonyms_test;

namespace {

// Indexes the texts (ids d1, d2, ...) with Naba's defaults and returns the score of the
// first hit for `query`.
double top_score(const std::vector<std::string>& texts, const std::string& query) {
    naba::Analyzer analyzer;
    TempDatabase t;
    std::vector<Text> docs;
    for (std::size_t i = 0; i < texts.size(); ++i) docs.push_back({"d" + std::to_string(i + 1), "", texts[i]});
    index_texts(analyzer, t.db, docs);
    naba::searcher::SearchRequest request;
    request.limit = 1;
    const auto page = search(analyzer, t.db, query, request);
    REQUIRE(page.hits.size() == 1);
    return page.hits[0].score;
}

}  // namespace

TEST_CASE("documents_with_any counts each document once, however many of the terms it holds") {
    TempDatabase t;
    for (const std::vector<std::string>& terms : std::vector<std::vector<std::string>>{
             {"a", "b"}, {"a"}, {"b", "c"}, {"d"}, {"c"}, {"a", "b", "c"}, {"d"}}) {
        Xapian::Document doc;
        for (const std::string& term : terms) doc.add_term(term);
        t.db.add_document(doc);
    }
    t.db.commit();
    CHECK(naba::searcher::documents_with_any(t.db, {"a", "b"}) == 4);       // docs 1, 2, 3, 6
    CHECK(naba::searcher::documents_with_any(t.db, {"c", "b", "a"}) == 5);  // all but doc 4
    CHECK(naba::searcher::documents_with_any(t.db, {"d", "zzz"}) == 2);
    CHECK(naba::searcher::documents_with_any(t.db, {}) == 0);
    // The most frequent list (a: 1, 2, 6) ends before the other (d: 4, 7).
    CHECK(naba::searcher::documents_with_any(t.db, {"a", "d"}) == 5);
    // Xapian's estimate for a, b: 3 + 3 - 3 * 3 / 7 = 4.71, rounded: 5 (the truth is 4).
    CHECK(naba::searcher::independent_or_estimate(t.db, {"a", "b"}) == 5);
    // a, b, c, d: d (2) with a (3) first: 5 - 6/7 -> 4; b (3) with c (3): 6 - 9/7 -> 5;
    // then 4 with 5: 9 - 20/7 -> 6. One sum in query order, rounded once, gives 7.
    CHECK(naba::searcher::independent_or_estimate(t.db, {"a", "b", "c", "d"}) == 6);
}

TEST_CASE("a stem in most documents, its forms overlapping, weighs as one form would") {
    // Xapian alone: stator in 3, stators in 6 of 10 documents -> 6 + 3 - 1.8 = 7.2;
    // the truth is 6, in both collections (an IDF below BM25's guard, too).
    std::vector<std::string> one_form(3, "stator stator rotor spins"), two_forms(3, "stator stators rotor spins");
    for (int i = 0; i < 3; ++i) one_form.push_back("stator rotor spins today"), two_forms.push_back("stators rotor spins today");
    for (int i = 0; i < 4; ++i) one_form.push_back("the rotor spins slowly"), two_forms.push_back("the rotor spins slowly");
    CHECK(top_score(two_forms, "statoring") == doctest::Approx(top_score(one_form, "statoring")));
}

TEST_CASE("three forms of a stem sharing documents weigh as one form would") {
    // stator in 2, stators in 4, statored in 3 of 12 documents, 5 in all; Xapian alone
    // would estimate 2 + 3 - 0.5 -> 5, then 5 + 4 - 1.67 -> 7.
    std::vector<std::string> one_form, three_forms;
    const std::vector<std::string> mixes{"stator stators statored", "stator stators rotor", "stators statored rotor",
                                         "stators spins rotor", "statored spins rotor"};
    for (const std::string& mix : mixes) {
        three_forms.push_back(mix);
        std::string same = mix;  // the same length, each form written as stator
        for (const char* form : {"statored", "stators"})
            for (std::size_t at; (at = same.find(form)) != std::string::npos;) same.replace(at, std::strlen(form), "stator");
        one_form.push_back(same);
    }
    for (int i = 0; i < 7; ++i) one_form.push_back("the rotor spins slowly"), three_forms.push_back("the rotor spins slowly");
    CHECK(top_score(three_forms, "statoring") == doctest::Approx(top_score(one_form, "statoring")));
}

TEST_CASE("bm25_idf is Xapian's: log((N - n + 0.5) / (n + 0.5)), and never below log 1.5 for common terms") {
    CHECK(naba::searcher::bm25_idf(100, 1) == doctest::Approx(std::log(99.5 / 1.5)));
    CHECK(naba::searcher::bm25_idf(100, 99) == doctest::Approx(std::log((1.5 / 99.5) / 2 + 1)));
}

TEST_CASE("collection_idf is over the collection, and over the whole index for a term in more documents than it") {
    using naba::searcher::bm25_idf;
    using naba::searcher::collection_idf;
    CHECK(collection_idf(240, 21000, 5) == doctest::Approx(bm25_idf(240, 5)));
    CHECK(collection_idf(240, 21000, 240) == doctest::Approx(bm25_idf(240, 240)));
    CHECK(collection_idf(240, 21000, 241) == doctest::Approx(bm25_idf(21000, 241)));
}

TEST_CASE("two forms of a stem in one document weigh as one term of the same frequency would") {
    // In both collections the stem is in d1 only, twice, in documents of equal length:
    // as "stator stator" (one form) and as "stator stators" (two forms, one document,
    // which Xapian alone would count as two).
    const std::vector<std::string> filler(9, "the rotor spins slowly today");
    std::vector<std::string> one_form{"stator stator rotor spins"}, two_forms{"stator stators rotor spins"};
    one_form.insert(one_form.end(), filler.begin(), filler.end());
    two_forms.insert(two_forms.end(), filler.begin(), filler.end());
    // A third form as the query, so that the exact-form bonus adds nothing to either.
    const double one = top_score(one_form, "statoring");
    CHECK(top_score(two_forms, "statoring") == doctest::Approx(one));
    // The same under a filter, a NOT and an AND_MAYBE (the correction reaches the
    // group through them).
    CHECK(top_score(two_forms, "statoring lang:en") == doctest::Approx(one));
    CHECK(top_score(two_forms, "statoring -zebra") == doctest::Approx(one));
    CHECK(top_score(two_forms, "+statoring zebra") == doctest::Approx(one));
}

TEST_CASE("a stem's forms in an index of both languages weigh as one form would, under the scheme in use") {
    // The exact frequency's IDF must be taken over the documents the weighting scheme
    // counts: the English documents under Naba's BM25, the whole index under BM25+
    // (NABA_ANALYSIS bm25plus, which ctest runs this under too).
    std::vector<std::string> one_form(3, "stator stator rotor spins"), two_forms(3, "stator stators rotor spins");
    for (int i = 0; i < 3; ++i) one_form.push_back("stator rotor spins today"), two_forms.push_back("stators rotor spins today");
    for (int i = 0; i < 4; ++i) one_form.push_back("the rotor spins slowly"), two_forms.push_back("the rotor spins slowly");
    for (int i = 0; i < 30; ++i) {
        one_form.push_back("أعلنت الأطراف هدنة في غزة بعد أسابيع من المفاوضات");
        two_forms.push_back("أعلنت الأطراف هدنة في غزة بعد أسابيع من المفاوضات");
    }
    CHECK(top_score(two_forms, "statoring") == doctest::Approx(top_score(one_form, "statoring")));
}
