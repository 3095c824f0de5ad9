// Stems as synonyms: the indexer lists each written form under its stem key
// (indexer/index_writer.h StemSynonyms), and a stemmed query word searches all of
// them as one term (searcher/query_builder.h, FLAG_AUTO_SYNONYMS). Indexes of stemmed
// terms, which naba-index wrote before, are still searched (the second case here,
// and stemmed_terms_test.cpp).
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

TEST_CASE("a stemmed query word finds the forms of its stem in an index of stemmed terms (written before stem synonyms)") {
    naba::Analyzer analyzer;
    TempDatabase t;
    Xapian::TermGenerator generator;
    generator.set_stemmer(analyzer.stemmer());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);  // the old kind
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

TEST_CASE("a document's free-text terms are only its written forms") {
    naba::Analyzer analyzer;
    const Xapian::Document doc = text_document(analyzer, "a", "Grain Talks", "The grain corridor reopened.");
    std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
    CHECK(terms.contains("corridor"));
    CHECK(terms.contains("Stalks"));
    CHECK(!terms.contains("Zcorridor"));
    CHECK(!terms.contains("ZStalk"));
}

TEST_CASE("a stemmed query word finds every written form of its stem, through the synonym table") {
    naba::Analyzer analyzer;
    TempDatabase t;
    index_texts(analyzer, t.db,
                {{"a", "", "the talks resumed"}, {"b", "", "a talk in Geneva"}, {"c", "", "they were talking"},
                 {"d", "", "grain prices"}});
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talk", "talking", "talks"});
    CHECK(t.db.get_termfreq("Ztalk") == 0);  // no stemmed posting lists
    CHECK(found_ids(analyzer, t.db, "talked") == std::set<std::string>{"a", "b", "c"});
    CHECK(found_ids(analyzer, t.db, "talks").size() == 3);
}

TEST_CASE("a form is added to the synonym table once per run, and a later run adds only new forms") {
    naba::Analyzer analyzer;
    TempDatabase t;
    const Xapian::Document first = text_document(analyzer, "a", "Talks", "talks resumed");
    {
        naba::indexer::StemSynonyms run;
        CHECK(run.record(t.db, first) == 3);  // talks, resumed, title Stalks
        CHECK(run.record(t.db, first) == 0);
        t.db.add_document(first);
        t.db.commit();
    }
    CHECK(synonyms(t.db, "ZStalk") == std::set<std::string>{"Stalks"});
    naba::indexer::StemSynonyms later_run;
    CHECK(later_run.record(t.db, first) == 0);  // already listed by the first run
    CHECK(later_run.record(t.db, text_document(analyzer, "b", "", "talking resumed")) == 1);
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talking", "talks"});
}


TEST_CASE("NOT, filters, AND and title: keep their meaning over synonym groups") {
    naba::Analyzer analyzer;
    TempDatabase t;
    index_texts(analyzer, t.db,
                {{"a", "Talks resume", "the talks resumed"},
                 {"b", "", "a talk in Geneva about grain"},
                 {"c", "", "they were talking about grain prices"}});
    CHECK(found_ids(analyzer, t.db, "talked -grain") == std::set<std::string>{"a"});
    CHECK(found_ids(analyzer, t.db, "talked NOT prices") == std::set<std::string>{"a", "b"});
    CHECK(found_ids(analyzer, t.db, "title:talking") == std::set<std::string>{"a"});
    CHECK(found_ids(analyzer, t.db, "talked AND grain") == std::set<std::string>{"b", "c"});
    CHECK(found_ids(analyzer, t.db, "id:c talks") == std::set<std::string>{"c"});
}

TEST_CASE("a snippet marks an Arabic word written unnormalized in the text when the query gives another form") {
    naba::Analyzer analyzer;
    TempDatabase t;
    index_texts(analyzer, t.db, {{"a", "", "أعلنت الأطراف الهدنة في المدينة"}});
    naba::searcher::SearchRequest request;
    request.snippets = naba::searcher::SnippetStyle{};
    const auto page = search(analyzer, t.db, "هدنة", request);
    REQUIRE(page.hits.size() == 1);
    CHECK(page.hits[0].snippet.find("**الهدنة**") != std::string::npos);  // ة in the text, ه in the index
}
