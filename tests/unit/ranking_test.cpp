// Ranking additions of QueryBuilder (exact-form bonus, words of quoted phrases, Arabic
// root terms, proclitic alternatives, the spelling of unknown words) on a
// small in-memory index: each case puts the document that should win second in
// docid order, so a tie (no bonus) would rank it second and fail the test.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "document_builder.h"
#include "index_writer.h"
#include "query_builder.h"
#include "search.h"
#include "spelling_data.h"

namespace {

std::vector<std::string> ranked_ids(const std::vector<std::pair<std::string, std::string>>& docs,
                                    const std::string& query, long offset = 0, long limit = 10) {
    naba::Analyzer analyzer;
    // On disk: Xapian's in-memory backend has no synonym table, which holds the stems.
    const auto dir = std::filesystem::temp_directory_path() / ("naba-ranking-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    naba::indexer::DocumentBuilder builder(analyzer);
    naba::indexer::StemSynonyms synonyms;
    for (const auto& [id, text] : docs) {
        naba::schema::StoredDocument doc;
        doc.id = id;
        doc.text = text;
        const Xapian::Document xdoc = builder.build(doc);
        synonyms.record(db, xdoc);
        db.add_document(xdoc);
    }
    naba::indexer::refresh_spelling(db, analyzer);  // as naba-index does at the end of a run
    db.commit();
    naba::searcher::EntityCatalog catalog(db, analyzer);
    naba::searcher::QueryBuilder queries(analyzer, db, catalog);
    naba::searcher::SearchRequest request;
    request.offset = offset;
    request.limit = limit;
    const naba::searcher::ParsedQuery parsed = queries.build(query, naba::searcher::DefaultOp::op_or);
    request.question = parsed.question;  // as QueryRunner does
    auto page = naba::searcher::run_search(db, analyzer, parsed.query, parsed.collection, request);
    std::vector<std::string> ids;
    for (const auto& hit : page.hits) ids.push_back(hit.doc.id);
    db.close();
    std::filesystem::remove_all(dir);
    return ids;
}

}  // namespace

TEST_CASE("a word in the form the query uses ranks above another form of its stem") {
    // Both stem to مفاوض; only the second has the query's own form.
    CHECK(ranked_ids({{"other-form", "بدأت المفاوضون اليوم"}, {"same-form", "بدأت المفاوضات اليوم"}}, "المفاوضات") ==
          std::vector<std::string>{"same-form", "other-form"});
    CHECK(ranked_ids({{"other-form", "the talks resumed"}, {"same-form", "the talk resumed"}}, "talk") ==
          std::vector<std::string>{"same-form", "other-form"});
}

TEST_CASE("the words of a quoted phrase still rank documents that lack the phrase") {
    // Neither has the phrase "الدكتور هو"; both match المرضى; the second also has الدكتور.
    const std::vector<std::pair<std::string, std::string>> docs = {{"nurse", "الممرضة تعالج المرضى"},
                                                                   {"doctor", "الطبيب الدكتور يعالج المرضى"}};
    CHECK(ranked_ids(docs, "\"الدكتور هو\" المرضى") == std::vector<std::string>{"doctor", "nurse"});
}

TEST_CASE("a quoted phrase still matches only documents with the phrase") {
    const std::vector<std::pair<std::string, std::string>> docs = {{"apart", "humanitarian aid through a corridor"},
                                                                   {"phrase", "a humanitarian corridor opened"}};
    CHECK(ranked_ids(docs, "\"humanitarian corridor\"") == std::vector<std::string>{"phrase"});
    CHECK(ranked_ids(docs, "\"الدكتور هو\"").empty());
}

TEST_CASE("an Arabic query word also finds other derived forms of its root") {
    // يسافر (he travels) and بالسفر (by travelling) share no Light10 stem, only the root سفر.
    CHECK(ranked_ids({{"unrelated", "غادر الوفد اليوم"}, {"derived", "قام الوفد بالسفر اليوم"}}, "يسافر") ==
          std::vector<std::string>{"derived"});
}

TEST_CASE("words after a quoted phrase still find other derived forms of their root") {
    // QueryParser puts two or more words after a phrase in an OR of their own; the
    // root of بالسفر must still find يسافر there, as it does without the phrase.
    const std::vector<std::pair<std::string, std::string>> docs = {{"unrelated", "غادر الوفد اليوم"},
                                                                   {"derived", "يسافر الوفد اليوم"}};
    CHECK(ranked_ids(docs, "\"الدكتور هو\" بالسفر وحيدا") == std::vector<std::string>{"derived"});
    CHECK(ranked_ids(docs, "وحيدا \"الدكتور هو\" بالسفر وحيدا") == std::vector<std::string>{"derived"});
}

TEST_CASE("a number written onto و, بـ or the article is found by the number alone") {
    const std::vector<std::pair<std::string, std::string>> docs = {{"other", "بين 2013 و2014 ارتفع العدد"},
                                                                   {"glued", "بين 2014 و2015 ارتفع العدد الـ24 بـ3"}};
    CHECK(ranked_ids(docs, "2015") == std::vector<std::string>{"glued"});
    CHECK(ranked_ids(docs, "24") == std::vector<std::string>{"glued"});
    CHECK(ranked_ids(docs, "و2015") == std::vector<std::string>{"glued"});  // the query's و is no word
    CHECK(ranked_ids(docs, "بـ3") == std::vector<std::string>{"glued"});
}

TEST_CASE("a proclitic on a word without article is also searched without it when the index knows that word") {
    CHECK(ranked_ids({{"other", "زار الوفد نيفادا"}, {"plain", "زار الوفد كاليفورنيا"}}, "لكاليفورنيا") ==
          std::vector<std::string>{"plain"});
    // بلدان: the stem of لدان is no more frequent than بلد, so ب stays a root letter.
    CHECK(ranked_ids({{"country", "بلدان عديده"}, {"rest", "لدان"}}, "بلدان") == std::vector<std::string>{"country"});
}

TEST_CASE("a long Arabic name also finds its other transliteration when the index holds one") {
    // رودوفيت and روديوفيت (one name, with and without a written long vowel) share the
    // consonant skeleton R D F T and no stem.
    CHECK(ranked_ids({{"other", "سلالة الطحالب الحمراء"}, {"variant", "سلالة الروديوفيت"}}, "رودوفيت") ==
          std::vector<std::string>{"variant"});
    // A word whose skeleton no other indexed spelling shares adds nothing: بكتيريا alone.
    CHECK(ranked_ids({{"other", "سلالة الطحالب"}, {"same", "البكتيريا الزرقاء"}}, "بكتيريا") ==
          std::vector<std::string>{"same"});
}

TEST_CASE("a query Xapian cannot parse still finds the other forms of its words") {
    // A stray ")" makes QueryParser parse again as plain words, without its synonym
    // flag: the stemmed words came back as bare stem keys and matched nothing.
    CHECK(ranked_ids({{"other", "the weather was fine"}, {"form", "the talk resumed"}}, "talks)") ==
          std::vector<std::string>{"form"});
    CHECK(ranked_ids({{"other", "the weather was fine"}, {"form", "بدأت المفاوضون اليوم"}}, "المفاوضات )") ==
          std::vector<std::string>{"form"});
}

namespace {

// Two documents with the same words, one with the query's words side by side, one with
// them at its two ends: BM25 cannot tell them apart. Documents without the words give
// the words an IDF.
std::vector<std::pair<std::string, std::string>> near_and_far(const std::string& a, const std::string& b,
                                                              const std::string& filler) {
    std::string middle;
    for (int i = 0; i < 20; ++i) middle += filler + " ";
    return {{"far", a + " " + middle + b}, {"near", a + " " + b + " " + middle}, {"other1", filler},
            {"other2", filler + " " + filler}, {"other3", filler}, {"other4", filler}};
}

}  // namespace

TEST_CASE("an English query's words close together rank a document above one with them far apart") {
    CHECK(ranked_ids(near_and_far("grain", "corridor", "weather"), "grain corridor", 0, 2) ==
          std::vector<std::string>{"near", "far"});
}

TEST_CASE("pages within the re-ranked first hits follow the re-ranked order") {
    const auto docs = near_and_far("grain", "corridor", "weather");
    CHECK(ranked_ids(docs, "grain corridor", 0, 1) == std::vector<std::string>{"near"});
    CHECK(ranked_ids(docs, "grain corridor", 1, 1) == std::vector<std::string>{"far"});
}

TEST_CASE("an Arabic query keeps BM25's order: the window bonus lost on Arabic news") {
    CHECK(ranked_ids(near_and_far("الممر", "الحبوب", "الطقس"), "الممر الحبوب", 0, 2) ==
          std::vector<std::string>{"far", "near"});
}

TEST_CASE("an Arabic question's words close together rank a passage above one with them far apart") {
    const auto docs = near_and_far("الممر", "الحبوب", "الطقس");
    CHECK(ranked_ids(docs, "أين الممر الحبوب", 0, 2) == std::vector<std::string>{"near", "far"});
    CHECK(ranked_ids(docs, "الممر الحبوب؟", 0, 2) == std::vector<std::string>{"near", "far"});
}

namespace {

// Two documents of equal length; only the second has ceasefire, which the queries
// below misspell as ceasfire (in no document). A tie keeps docid order: other first.
std::vector<std::pair<std::string, std::string>> typing_slip_docs() {
    return {{"other", "talks in the capital today"}, {"respelt", "ceasefire talks in the capital"}};
}

}  // namespace

TEST_CASE("a word no document holds ranks by its indexed spelling one letter away") {
    // للثر is in no document; لوثر, one letter away, is in the second. Both match رسالة.
    const std::vector<std::pair<std::string, std::string>> docs = {{"other", "كتب القس رسالة طويلة"},
                                                                   {"respelt", "كتب لوثر رسالة طويلة"}};
    CHECK(ranked_ids(docs, "رسالة للثر") == std::vector<std::string>{"respelt", "other"});
    // A verb of the other person (يحيط / تحيط), and an English typing slip.
    CHECK(ranked_ids({{"other", "الأسوار القديمة بالمدينة"}, {"respelt", "الأسوار تحيط بالمدينة"}},
                     "يحيط بالمدينة") == std::vector<std::string>{"respelt", "other"});
    CHECK(ranked_ids(typing_slip_docs(), "ceasfire talks") == std::vector<std::string>{"respelt", "other"});
}

TEST_CASE("the spelling of an unknown word only ranks: alone it finds nothing") {
    const std::vector<std::pair<std::string, std::string>> docs = {{"respelt", "كتب لوثر رسالة طويلة"}};
    CHECK(ranked_ids(docs, "للثر").empty());
    CHECK(ranked_ids({{"respelt", "ceasefire talks"}}, "ceasfire").empty());
}

TEST_CASE("a three-letter word no document holds is not replaced by one a letter away") {
    // فاز (won) is not غاز (gas): one letter is a third of the word.
    const std::vector<std::pair<std::string, std::string>> docs = {{"other", "ارتفع سعر النفط اليوم"},
                                                                   {"gas", "ارتفع سعر غاز الطهي"}};
    CHECK(ranked_ids(docs, "فاز سعر") == std::vector<std::string>{"other", "gas"});
}

TEST_CASE("a word the query excludes ranks nothing by its spelling") {
    // ceasfire is in no document, so excluding it excludes nothing; the document with
    // ceasefire, one letter away, must not rank first for it: a tie keeps docid order.
    const auto docs = typing_slip_docs();
    CHECK(ranked_ids(docs, "talks -ceasfire") == std::vector<std::string>{"other", "respelt"});
    CHECK(ranked_ids(docs, "talks NOT ceasfire") == std::vector<std::string>{"other", "respelt"});
}

TEST_CASE("the words of an excluded phrase rank nothing") {
    // Neither has the phrase "ceasefire monitors"; the second has ceasefire, which must
    // not rank it first for a phrase the query excludes: a tie keeps docid order.
    const std::vector<std::pair<std::string, std::string>> docs = {{"other", "talks in the capital today"},
                                                                   {"word", "ceasefire talks in the capital"}};
    CHECK(ranked_ids(docs, "talks -\"ceasefire monitors\"") == std::vector<std::string>{"other", "word"});
}

TEST_CASE("the spellings of at most eight unknown words are looked up per query") {
    // Each look-up walks the spelling data; a query of many unknown words (pasted
    // noise, another language) would take seconds. They are taken in byte order: the
    // eight bqxz words come before ceasfire, whose spelling then goes unranked.
    const auto docs = typing_slip_docs();
    const std::string seven = "bqxza bqxzb bqxzc bqxzd bqxze bqxzf bqxzg ";
    CHECK(ranked_ids(docs, seven + "ceasfire talks") == std::vector<std::string>{"respelt", "other"});
    CHECK(ranked_ids(docs, seven + "bqxzh ceasfire talks") == std::vector<std::string>{"other", "respelt"});
}
