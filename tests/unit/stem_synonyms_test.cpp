// Stem keys and the searcher's stem synonyms with Naba's defaults (stemmed terms in
// the index). With NABA_ANALYSIS stem-synonyms: stem_synonyms_on_test.cpp.
#include <doctest/doctest.h>

#include "stem_synonyms_fixture.h"

using namespace stem_synonyms_test;

TEST_CASE("a stem key lists the written forms of body and title words, not stop words, numbers or prefixed terms") {
    naba::Analyzer analyzer;
    CHECK(analyzer.stem_key("talks") == "Ztalk");
    CHECK(analyzer.stem_key("Stalks") == "ZStalk");  // title word
    CHECK(analyzer.stem_key("المفاوضات") == "Z" + analyzer.stemmer()("المفاوضات"));
    CHECK(analyzer.stem_key("the").empty());
    CHECK(analyzer.stem_key("2025").empty());
    CHECK(analyzer.stem_key("XAfoo").empty());
    CHECK(analyzer.stem_key("Qid").empty());
}

TEST_CASE("a stemmed query word finds the forms of its stem in an index of stemmed terms, which has no synonyms") {
    naba::Analyzer analyzer;
    TempDatabase t;
    Xapian::TermGenerator generator;  // stemmed terms, as naba-index writes by default
    generator.set_stemmer(analyzer.stemmer());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto& [id, text] : std::vector<std::pair<std::string, std::string>>{{"a", "the talks resumed"},
                                                                                   {"b", "grain prices"}}) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        doc.add_boolean_term(naba::schema::id_term(id));
        naba::schema::StoredDocument stored;
        stored.id = id, stored.text = text;
        doc.set_data(naba::schema::serialize(stored));
        t.db.add_document(doc);
    }
    t.db.commit();
    CHECK(found_ids(analyzer, t.db, "talking") == std::set<std::string>{"a"});
}
