// The single writer's stem listing (indexer/index_writer.h StemSynonyms::note and
// flush): a batch's new forms reach the synonym table only when flushed (before the
// commit), each once, and a form the index already holds as a term is not listed
// again unless the index may hold unlisted terms (a stopped re-analysis).
#include <doctest/doctest.h>

#include "stem_synonyms_fixture.h"

using namespace stem_synonyms_test;

TEST_CASE("noted forms reach the synonym table at flush, each once per writer") {
    naba::Analyzer analyzer;
    TempDatabase t;
    naba::indexer::StemSynonyms writer;
    const Xapian::Document a = text_document(analyzer, "a", "", "talks resumed");
    const Xapian::Document b = text_document(analyzer, "b", "", "talking talks");
    writer.note(t.db, a);
    t.db.add_document(a);
    writer.note(t.db, b);
    t.db.add_document(b);
    CHECK(synonyms(t.db, "Ztalk").empty());  // nothing listed before the flush
    CHECK(writer.flush(t.db) == 3);          // talks, resumed, talking: talks once
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talking", "talks"});
    CHECK(synonyms(t.db, "Zresum") == std::set<std::string>{"resumed"});
    writer.note(t.db, b);
    CHECK(writer.flush(t.db) == 0);
}

TEST_CASE("a form the index holds as a term is listed already, except after a stopped re-analysis") {
    naba::Analyzer analyzer;
    TempDatabase t;
    // A term no run listed, as a stopped re-analysis leaves its new forms.
    t.db.add_document(text_document(analyzer, "a", "", "talks"));
    const Xapian::Document b = text_document(analyzer, "b", "", "talks");
    naba::indexer::StemSynonyms trusting;
    trusting.note(t.db, b);
    CHECK(trusting.flush(t.db) == 0);
    naba::indexer::StemSynonyms after_stopped_reanalysis;
    after_stopped_reanalysis.trust_terms(false);
    after_stopped_reanalysis.note(t.db, b);
    CHECK(after_stopped_reanalysis.flush(t.db) == 1);
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talks"});
}
