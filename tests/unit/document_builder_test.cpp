#include <doctest/doctest.h>

#include <set>

#include "document_builder.h"

using namespace naba::indexer;

namespace {

std::set<std::string> terms(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out.insert(*t);
    return out;
}

}  // namespace

TEST_CASE("detect_language tells Arabic, English and mixed text apart") {
    CHECK(detect_language("The ceasefire talks resumed in Riyadh.") == "en");
    CHECK(detect_language("استؤنفت محادثات وقف إطلاق النار في الرياض") == "ar");
    CHECK(detect_language("قال المبعوث: We are making real progress في الرياض اليوم") == "mixed");
    CHECK(detect_language("2025 - 30") == "");
}

TEST_CASE("a document gets id, language, source and title terms, and a date value") {
    naba::Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    naba::schema::StoredDocument doc{"x.txt", "/x.txt", 0, "Grain Talks", "2025-03-18", "", "Naba Desk", "", "The grain corridor reopened.", {}};
    Xapian::Document xdoc = builder.build(doc);
    auto t = terms(xdoc);
    CHECK(doc.lang == "en");
    CHECK(t.count("Qx.txt"));
    CHECK(t.count("Len"));
    CHECK(t.count("XSnaba desk"));
    CHECK(t.count("Sgrain"));
    CHECK(t.count("ZScorridor") == 0);
    CHECK(t.count("corridor"));  // stems are synonyms of the forms, not terms
    CHECK(t.count("Zcorridor") == 0);
    CHECK(xdoc.get_value(naba::schema::kDateSlot) == "20250318");
}

TEST_CASE("a mixed document is filed under both languages") {
    naba::Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    naba::schema::StoredDocument doc;
    doc.id = "m";
    doc.lang = "mixed";
    doc.text = "text";
    auto t = terms(builder.build(doc));
    CHECK(t.count("Lar"));
    CHECK(t.count("Len"));
}

TEST_CASE("canonical_language maps common spellings to codes") {
    CHECK(canonical_language("Arabic") == "ar");
    CHECK(canonical_language("EN") == "en");
    CHECK(canonical_language("ar,en") == "mixed");
    CHECK(canonical_language("fr") == "fr");
}

TEST_CASE("canonical_language files a language tag with a region (en-US, ar_EG) under its language") {
    CHECK(canonical_language("en-US") == "en");
    CHECK(canonical_language("EN_gb") == "en");
    CHECK(canonical_language("ar-SA") == "ar");
    CHECK(canonical_language("ar_EG") == "ar");
    CHECK(canonical_language("fr-FR") == "fr");
    CHECK(canonical_language("zh-Hant-TW") == "zh");
}

TEST_CASE("with a tagger, each distinct entity becomes a filter term, a facet line and a stored entry") {
    naba::Analyzer analyzer;
    naba::entities::Gazetteer gazetteer = naba::entities::Gazetteer::builtin();
    naba::entities::EntityTagger tagger(gazetteer, analyzer);
    DocumentBuilder builder(analyzer, &tagger);
    naba::schema::StoredDocument doc;
    doc.id = "z";
    doc.title = "Zelensky in Kyiv";
    doc.text = "President Zelenskyy met envoys in Kyiv. قال الرئيس زيلينسكي إن كييف مستعدة.";
    auto xdoc = builder.build(doc);
    auto t = terms(xdoc);
    CHECK(t.count("XPp:volodymyr-zelensky"));
    CHECK(t.count("XGl:kyiv"));
    REQUIRE(doc.entities.size() == 2);  // four mentions of each, stored once
    CHECK(doc.entities[0] == naba::schema::StoredEntity{"person", "p:volodymyr-zelensky", "Volodymyr Zelensky"});
    CHECK(doc.entities[1].id == "l:kyiv");
    CHECK(xdoc.get_value(naba::schema::kEntitiesSlot) == "person\tp:volodymyr-zelensky\nplace\tl:kyiv\n");
    CHECK(naba::schema::deserialize(xdoc.get_data()).entities == doc.entities);
}

TEST_CASE("Latin name keys are the same whether the entity tagger scanned the body or the builder did") {
    naba::Analyzer analyzer;
    naba::entities::Gazetteer gazetteer = naba::entities::Gazetteer::builtin();
    naba::entities::EntityTagger tagger(gazetteer, analyzer);
    DocumentBuilder with_tagger(analyzer, &tagger), without(analyzer);
    auto name_keys = [](const Xapian::Document& xdoc) {
        std::multiset<std::string> keys;
        for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t)
            if ((*t).starts_with("XKl")) keys.insert(*t + ":" + std::to_string(t.get_wdf()));
        return keys;
    };
    naba::schema::StoredDocument doc;
    doc.id = "z";
    doc.title = "Talks";
    doc.text = "Officials said President Zelenskiy met Erdogan. The envoys saw Zelensky, ZELENSKY and Zelinski again.";
    naba::schema::StoredDocument copy = doc;
    const auto tagged = name_keys(with_tagger.build(doc)), scanned = name_keys(without.build(copy));
    CHECK(tagged == scanned);
    CHECK(tagged.size() >= 3);  // Zelenskiy, Erdogan, Zelensky, Zelinski: not the capitals, not "Officials"
}

TEST_CASE("without a tagger a document has no entities") {
    naba::Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    naba::schema::StoredDocument doc;
    doc.id = "z";
    doc.text = "President Zelensky met envoys in Kyiv.";
    auto xdoc = builder.build(doc);
    CHECK(doc.entities.empty());
    CHECK(xdoc.get_value(naba::schema::kEntitiesSlot).empty());
}

TEST_CASE("an Arabic document gets n-gram terms of its long stems, an English one none") {
    naba::Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    naba::schema::StoredDocument ar{"a", "", 0, "", "", "", "", "", "استؤنفت المفاوضات في الرياض", {}};
    auto t = terms(builder.build(ar));
    CHECK(t.count("XCمفاو"));
    CHECK(t.count("XCفاوض"));
    naba::schema::StoredDocument en{"e", "", 0, "", "", "", "", "", "The negotiations resumed in Riyadh.", {}};
    for (const std::string& term : terms(builder.build(en))) CHECK_FALSE(term.starts_with(naba::schema::kArabicNgramPrefix));
}

TEST_CASE("re-tagging entities leaves every other term family in place") {
    naba::Analyzer analyzer;
    naba::entities::Gazetteer gazetteer = naba::entities::Gazetteer::builtin();
    naba::entities::EntityTagger tagger(gazetteer, analyzer);
    DocumentBuilder builder(analyzer, &tagger);
    naba::schema::StoredDocument doc{"a", "", 0, "", "", "", "", "", "استؤنفت المفاوضات في كييف", {}};
    Xapian::Document xdoc = builder.build(doc);
    std::set<std::string> before = terms(xdoc);
    builder.retag(doc, xdoc);
    CHECK(terms(xdoc) == before);  // the same entities: nothing else may go
}
