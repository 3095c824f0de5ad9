#include <doctest/doctest.h>

#include <xapian.h>

#include "facets.h"
#include "schema.h"

using namespace naba;
using naba::searcher::EntityFacetSpy;

namespace {

Xapian::WritableDatabase facet_fixture() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](std::vector<schema::StoredEntity> entities, const std::string& word) {
        Xapian::Document doc;
        doc.add_term(word);
        doc.add_value(schema::kEntitiesSlot, schema::entities_value(entities));
        db.add_document(doc);
    };
    add({{"person", "p:a", ""}, {"place", "l:x", ""}}, "talks");
    add({{"person", "p:a", ""}, {"person", "p:b", ""}}, "talks");
    add({{"person", "p:b", ""}, {"person", "p:c", ""}}, "talks");
    add({{"person", "p:c", ""}}, "grain");
    add({}, "talks");
    return db;
}

Xapian::doccount count_of(const std::vector<searcher::FacetCount>& top, const std::string& id) {
    for (const auto& f : top)
        if (f.id == id) return f.count;
    return 0;
}

}  // namespace

TEST_CASE("the facet spy counts documents per entity over the whole match set") {
    Xapian::WritableDatabase db = facet_fixture();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("talks"));
    EntityFacetSpy spy({"person", "place"});
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 1, db.get_doccount());  // one hit shown, every match counted
    auto people = spy.top("person", 10);
    CHECK(count_of(people, "p:a") == 2);
    CHECK(count_of(people, "p:b") == 2);
    CHECK(count_of(people, "p:c") == 1);  // the "grain" document does not match
    CHECK(spy.top("place", 10).size() == 1);
}

TEST_CASE("facets come most frequent first, ties by id, cut at the limit") {
    Xapian::WritableDatabase db = facet_fixture();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    EntityFacetSpy spy({"person"});
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    auto top = spy.top("person", 2);
    REQUIRE(top.size() == 2);
    CHECK(top[0].id == "p:a");  // p:a, p:b and p:c all have 2; ties by id
    CHECK(top[1].id == "p:b");
    CHECK(top[0].type == "person");
}

TEST_CASE("the facet spy ignores types it was not asked for") {
    Xapian::WritableDatabase db = facet_fixture();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    EntityFacetSpy spy({"place"});
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    CHECK(spy.top("person", 10).empty());
    CHECK(spy.top("place", 10).size() == 1);
}
