// BM25 over the documents of the query's language (searcher/query_collection.h,
// collection_bm25_weight.h): documents written only in the other language change
// nothing in how a query's documents are weighed.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "analysis_options.h"
#include "collection_bm25_weight.h"
#include "stem_synonyms_fixture.h"

using stem_synonyms_test::index_texts;
using stem_synonyms_test::Text;
using naba::searcher::QueryLanguage;

namespace {

struct Index {
    std::filesystem::path dir;
    Xapian::WritableDatabase db;
    Index(const std::string& name, const std::vector<Text>& texts) {
        dir = std::filesystem::temp_directory_path() / ("naba-collections-" + name + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        index_texts(naba::Analyzer(), db, texts);
    }
    ~Index() {
        db.close();
        std::filesystem::remove_all(dir);
    }
};

const std::vector<Text> kArabic = {
    {"ar-1", "هدنة في غزة", "أعلنت الأطراف هدنة في غزة بعد أسابيع من المفاوضات في القاهرة."},
    {"ar-2", "", "قال الوسطاء إن الهدنة قد تمتد أسبوعا آخر إذا أفرج عن الأسرى، وإن المفاوضات مستمرة في الدوحة."},
    {"ar-3", "", "قصف على رفح وخان يونس رغم الحديث عن هدنة، وسقط عشرات القتلى في غزة خلال يوم واحد."},
    {"ar-4", "", "وصلت شاحنات المساعدات إلى شمال غزة عبر معبر كرم أبو سالم."},
};

std::vector<Text> english_news(int count) {
    std::vector<Text> texts;
    for (int i = 0; i < count; ++i)
        texts.push_back({"en-" + std::to_string(i), "Talks in Cairo",
                         "Negotiators met again on day " + std::to_string(i) +
                             " to discuss a ceasefire, hostages and aid convoys; officials said talks would go on."});
    return texts;
}

std::vector<Text> with(std::vector<Text> a, const std::vector<Text>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::map<std::string, double> scores(const Xapian::Database& db, const std::string& query) {
    std::map<std::string, double> by_id;
    naba::searcher::SearchRequest request;
    request.limit = 100;
    for (const auto& hit : stem_synonyms_test::search(naba::Analyzer(), db, query, request).hits)
        by_id[hit.doc.id] = hit.score;
    return by_id;
}

void check_same_scores(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
    REQUIRE(a.size() == b.size());
    for (const auto& [id, score] : a) {
        REQUIRE(b.contains(id));
        CHECK(b.at(id) == doctest::Approx(score).epsilon(1e-9));
    }
}

}  // namespace

TEST_CASE("an Arabic query weighs its documents the same with or without English documents in the index") {
    if (!naba::analysis_options().language_collections) return;  // the ablation switch turns this off
    Index arabic("ar", kArabic), mixed("mixed", with(kArabic, english_news(40)));
    const std::string query = "هدنة في غزة والمفاوضات";
    const auto alone = scores(arabic.db, query);
    CHECK(alone.size() == 4);
    check_same_scores(alone, scores(mixed.db, query));
    // Without the language's statistics, the English documents would change them:
    // BM25's N and average length over the whole index.
    Xapian::Enquire whole_a(arabic.db), whole_m(mixed.db);
    whole_a.set_query(Xapian::Query("غزه"));
    whole_m.set_query(Xapian::Query("غزه"));
    CHECK(whole_a.get_mset(0, 1).begin().get_weight() !=
          doctest::Approx(whole_m.get_mset(0, 1).begin().get_weight()).epsilon(1e-6));
}

TEST_CASE("an English query weighs its documents the same with or without Arabic documents in the index") {
    if (!naba::analysis_options().language_collections) return;
    const std::vector<Text> english = with(english_news(3), {{"en-x", "", "A ceasefire in Gaza held overnight."}});
    Index alone("en", english), mixed("mixed2", with(english, kArabic));
    check_same_scores(scores(alone.db, "gaza ceasefire talks"), scores(mixed.db, "gaza ceasefire talks"));
}

TEST_CASE("over the whole index Naba's BM25 weighs exactly as Xapian's BM25Weight") {
    Index index("whole", with(kArabic, english_news(5)));
    const naba::searcher::Collection whole{static_cast<double>(index.db.get_doccount()), index.db.get_avlength()};
    for (const char* term : {"غزه", "talks", "ceasefire"}) {
        Xapian::Enquire xapian(index.db), naba(index.db);
        const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query(term), Xapian::Query("hostages"));
        xapian.set_query(query);
        naba.set_query(query);
        xapian.set_weighting_scheme(Xapian::BM25Weight(1, 0, 1, 0.5, 0.5));
        naba.set_weighting_scheme(naba::searcher::CollectionBM25Weight(1, 1, 0.5, 0.5, whole));
        const Xapian::MSet a = xapian.get_mset(0, 20), b = naba.get_mset(0, 20);
        REQUIRE(a.size() == b.size());
        for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
            CHECK(*i == *j);
            CHECK(i.get_weight() == doctest::Approx(j.get_weight()).epsilon(1e-12));
        }
    }
}

TEST_CASE("Naba's BM25 takes a length normalization b above 1 as Xapian's BM25Weight does, as 1") {
    // NABA_ANALYSIS accepts any b >= 0; Xapian's BM25Weight clamps it to [0, 1].
    Index index("clamp", with(kArabic, english_news(30)));
    const naba::searcher::Collection whole{static_cast<double>(index.db.get_doccount()), index.db.get_avlength()};
    for (double b : {1.5, 3.0}) {
        Xapian::Enquire xapian(index.db), naba(index.db);
        const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("talks"), Xapian::Query("ceasefire"));
        xapian.set_query(query);
        naba.set_query(query);
        xapian.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, b, 0.5));
        naba.set_weighting_scheme(naba::searcher::CollectionBM25Weight(1.2, 1, b, 0.5, whole));
        const Xapian::MSet a = xapian.get_mset(0, 10), c = naba.get_mset(0, 10);
        REQUIRE(a.size() == c.size());
        for (auto i = a.begin(), j = c.begin(); i != a.end(); ++i, ++j)
            CHECK(i.get_weight() == doctest::Approx(j.get_weight()).epsilon(1e-12));
    }
}

TEST_CASE("with b above 1 Naba's BM25 still finds the first page a full ranking finds") {
    // Above 1, a document that is the word alone weighs more than one that repeats it
    // (b x length outgrows the wdf), so the bound get_maxpart gives Xapian's matcher,
    // taken at the largest wdf, would not hold and the first page would miss hits.
    std::vector<Text> texts;
    for (int i = 0; i < 12; ++i) texts.push_back({"long-" + std::to_string(i), "", "talks talks talks talks talks talks"});
    for (int i = 0; i < 12; ++i) texts.push_back({"short-" + std::to_string(i), "", "talks"});
    Index index("prune", texts);
    const naba::searcher::Collection whole{static_cast<double>(index.db.get_doccount()), index.db.get_avlength()};
    Xapian::Enquire naba(index.db);
    naba.set_query(Xapian::Query("talks"));
    naba.set_weighting_scheme(naba::searcher::CollectionBM25Weight(1.2, 1, 1.5, 0.5, whole));
    const Xapian::MSet first = naba.get_mset(0, 10), all = naba.get_mset(0, 10, index.db.get_doccount());
    REQUIRE(first.size() == all.size());
    for (auto i = first.begin(), j = all.begin(); i != first.end(); ++i, ++j)
        CHECK(i.get_weight() == doctest::Approx(j.get_weight()).epsilon(1e-12));
}

TEST_CASE("an index served by Xapian's remote backend is weighed over the whole index, its languages not counted") {
    // The remote server cannot run Naba's scheme (collection_bm25_weight.h), so the
    // counts would go unused; walking its language terms' posting lists over the
    // network took 1.7 s per naba-search call on the news corpora.
    REQUIRE(std::filesystem::exists("/usr/bin/xapian-progsrv"));  // Debian xapian-tools, from scripts/setup
    Index index("remote", with(kArabic, english_news(5)));
    const Xapian::Database served = Xapian::Remote::open("xapian-progsrv", index.dir.string());
    CHECK_FALSE(naba::searcher::runs_collection_bm25(served));
    const naba::searcher::Collection whole = naba::searcher::QueryCollections(served).of(QueryLanguage::arabic);
    CHECK(whole.documents == doctest::Approx(9));
    CHECK(whole.average_length == doctest::Approx(served.get_avlength()));
    // A local index is weighed over the Arabic documents.
    CHECK(naba::searcher::runs_collection_bm25(index.db));
    CHECK(naba::searcher::QueryCollections(index.db).of(QueryLanguage::arabic).documents == doctest::Approx(4));
}

TEST_CASE("a word found in more documents than the query's collection holds is weighed over the whole index") {
    if (!naba::analysis_options().language_collections) return;
    // Three English documents among twenty Arabic ones, twelve of which write NATO in
    // Latin letters: over the three English documents alone "nato" (13 documents)
    // would weigh nothing, and the shorter document without it would rank first.
    std::vector<Text> texts = {{"en-both", "", "NATO summit opens in Vilnius"},
                               {"en-summit", "", "Summit talks"},
                               {"en-other", "", "Weather report for the coast"}};
    for (int i = 0; i < 20; ++i)
        texts.push_back({"ar-" + std::to_string(i), "",
                         std::string(i < 12 ? "قال مسؤول في حلف NATO " : "قال مسؤول ") +
                             "إن الاجتماع المقبل سيبحث الأوضاع في المنطقة والتطورات الأخيرة"});
    Index index("minority", texts);
    naba::searcher::SearchRequest request;
    const auto page = stem_synonyms_test::search(naba::Analyzer(), index.db, "nato summit", request);
    REQUIRE(!page.hits.empty());
    CHECK(page.hits.front().doc.id == "en-both");
}
