// naba-index with NABA_ANALYSIS no-stem-synonyms writes what it wrote before stem
// synonyms: each word as written and as its "Z" + stem term. Built into
// naba_stemmed_terms_tests with the ranking cases, which ctest runs with that switch
// (tests/CMakeLists.txt), so naba-search keeps ranking such indexes as it should.
#include <doctest/doctest.h>

#include <set>

#include "analysis_options.h"
#include "stem_synonyms_fixture.h"

using namespace stem_synonyms_test;

TEST_CASE("these cases run with stemmed terms") { REQUIRE(!naba::analysis_options().stem_synonyms); }

TEST_CASE("with stemmed terms a document holds each word as written and stemmed, and no synonyms are listed") {
    naba::Analyzer analyzer;
    TempDatabase t;
    const Xapian::Document doc = text_document(analyzer, "a", "Grain Talks", "The grain corridor reopened.");
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    CHECK(terms.contains("corridor"));
    CHECK(terms.contains("Zcorridor"));
    CHECK(terms.contains("ZStalk"));
    naba::indexer::StemSynonyms recorder;
    CHECK(recorder.record(t.db, doc) == 0);
    t.db.add_document(doc);
    t.db.commit();
    CHECK(found_ids(analyzer, t.db, "corridors") == std::set<std::string>{"a"});
}
