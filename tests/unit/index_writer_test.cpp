// The single writer's stem listing (indexer/index_writer.h StemSynonyms::note and
// flush): a batch's new forms reach the synonym table only when flushed (before the
// commit), each once, and what the table lists already is not added again.
#include <doctest/doctest.h>

#include "stem_synonyms_fixture.h"

using namespace stem_synonyms_test;

TEST_CASE("noted forms reach the synonym table at flush, each once per writer") {
    naba::Analyzer analyzer;
    TempDatabase t;
    naba::indexer::StemSynonyms writer;
    const Xapian::Document a = text_document(analyzer, "a", "", "talks resumed");
    const Xapian::Document b = text_document(analyzer, "b", "", "talking talks");
    writer.note(a);
    t.db.add_document(a);
    writer.note(b);
    t.db.add_document(b);
    CHECK(synonyms(t.db, "Ztalk").empty());  // nothing listed before the flush
    CHECK(writer.flush(t.db) == 3);          // talks, resumed, talking: talks once
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talking", "talks"});
    CHECK(synonyms(t.db, "Zresum") == std::set<std::string>{"resumed"});
    writer.note(b);
    CHECK(writer.flush(t.db) == 0);
}

TEST_CASE("a flush adds only the forms its key does not list, whoever indexed them") {
    naba::Analyzer analyzer;
    TempDatabase t;
    index_texts(analyzer, t.db, {{"a", "", "talks resumed"}});  // listed by an earlier run
    // A term no run listed (as a stopped re-analysis leaves its new forms): listed now.
    t.db.add_document(text_document(analyzer, "b", "", "talked"));
    naba::indexer::StemSynonyms later_run;
    later_run.note(text_document(analyzer, "c", "", "talks talked talking resumed"));
    CHECK(later_run.flush(t.db) == 2);  // talked, talking
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talked", "talking", "talks"});
    CHECK(synonyms(t.db, "Zresum") == std::set<std::string>{"resumed"});
}

TEST_CASE("a writer's memory of noted forms stays bounded, and forms noted again are not listed twice") {
    naba::Analyzer analyzer;
    TempDatabase t;
    naba::indexer::StemSynonyms writer(4);
    const Xapian::Document a = text_document(analyzer, "a", "", "talks resumed with envoys");
    writer.note(a);
    CHECK(writer.remembered() == 4);
    t.db.add_document(a);
    CHECK(writer.flush(t.db) == 3);  // "with", a stop word, has no stem key
    CHECK(writer.remembered() == 0);  // forgotten at the flush: it had reached the bound
    const Xapian::Document b = text_document(analyzer, "b", "", "envoys talking");
    writer.note(b);
    t.db.add_document(b);
    CHECK(writer.flush(t.db) == 1);  // talking; envoys is listed already
    CHECK(synonyms(t.db, "Ztalk") == std::set<std::string>{"talking", "talks"});
    CHECK(synonyms(t.db, "Zenvoy") == std::set<std::string>{"envoys"});
    CHECK(writer.remembered() == 2);  // under the bound: kept
}
