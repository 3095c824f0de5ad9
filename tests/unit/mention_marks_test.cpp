// MentionMarks: which mentions a hit's snippet marks when it has none of the query's
// words as written.
#include <doctest/doctest.h>

#include "analyzer.h"
#include "entity_catalog.h"
#include "mention_marks.h"
#include "schema.h"

using naba::searcher::EntityCatalog;
using naba::searcher::MentionMarks;
using Words = std::vector<std::vector<std::string>>;

namespace {

const std::string kZelensky = naba::schema::bounded_term(naba::schema::entity_prefix("person"), "p:volodymyr-zelensky");

// The built-in gazetteer over an empty index.
struct Fixture {
    naba::Analyzer analyzer;
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    EntityCatalog catalog{db, analyzer};
};

}  // namespace

TEST_CASE("a person filter marks the person's mentions as the text spells them") {
    Fixture f;
    const MentionMarks marks(f.catalog, Xapian::Query(kZelensky), "person:zelensky");
    CHECK(marks.in("Talks went on. Voludeimir Zellinski accused the Kremlin.") == Words{{"voludeimir", "zellinski"}});
    CHECK(marks.in("قال زيلنسكي إن الهدنة هشة") == Words{{"زيلنسكي"}});
    // Another person's mention is not marked, and a mention repeated is listed once.
    CHECK(marks.in("Putin met Zelinski; Zelinski left.") == Words{{"zelinski"}});
}

TEST_CASE("a name typed as a word marks the entity's other spellings") {
    Fixture f;
    const MentionMarks marks(f.catalog, Xapian::Query("زيلينسكي"), "زيلينسكي");
    CHECK(marks.in("وأكد زيلنسكي أن المطلوب وقف حقيقي لإطلاق النار") == Words{{"زيلنسكي"}});
    REQUIRE(marks.marking("President Zelenskyy spoke.").has_value());
    CHECK(marks.marking("President Zelenskyy spoke.")->get_description().find("zelenskyy") != std::string::npos);
}

TEST_CASE("a text that does not mention the query's entities gives no marking") {
    Fixture f;
    CHECK_FALSE(MentionMarks(f.catalog, Xapian::Query(kZelensky), "person:zelensky").marking("Grain ships left Odesa.").has_value());
    // A query without names marks nothing.
    CHECK_FALSE(MentionMarks(f.catalog, Xapian::Query("grain"), "grain").marking("Zelensky spoke.").has_value());
}

TEST_CASE("an entity the query excludes marks nothing") {
    Fixture f;
    const Xapian::Query filter_excluded(Xapian::Query::OP_AND_NOT, Xapian::Query("ceasefire"), Xapian::Query(kZelensky));
    CHECK(MentionMarks(f.catalog, filter_excluded, "ceasefire -person:zelensky").in("Zelensky spoke.").empty());
    const Xapian::Query word_excluded(Xapian::Query::OP_AND_NOT, Xapian::Query("ceasefire"), Xapian::Query("zelensky"));
    CHECK(MentionMarks(f.catalog, word_excluded, "ceasefire NOT Zelensky").in("Zelinski spoke.").empty());
}

TEST_CASE("typed_names lists the names typed as words, not those given as filters or excluded") {
    Fixture f;
    const MentionMarks typed(f.catalog, Xapian::Query("zelensky"), "Zelensky");
    REQUIRE(typed.typed_names().size() == 1);
    CHECK(typed.typed_names().front().id == "p:volodymyr-zelensky");
    CHECK(MentionMarks(f.catalog, Xapian::Query(kZelensky), "person:zelensky").typed_names().empty());
    const Xapian::Query excluded(Xapian::Query::OP_AND_NOT, Xapian::Query("ceasefire"), Xapian::Query("zelensky"));
    CHECK(MentionMarks(f.catalog, excluded, "ceasefire NOT Zelensky").typed_names().empty());
}

TEST_CASE("a name no gazetteer lists, found by its name key, is marked as the text spells it") {
    Fixture f;
    const std::string key = f.analyzer.name_key_term("kozlowski");
    REQUIRE(!key.empty());
    const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("kozlowski"), Xapian::Query(key));
    const MentionMarks marks(f.catalog, query, "Kozlowski");
    CHECK(marks.in("The envoy Koslowsky met Kozlovski in Warsaw.") == Words{{"koslowsky"}, {"kozlovski"}});
    // A key the query excludes marks nothing.
    const Xapian::Query excluded(Xapian::Query::OP_AND_NOT, Xapian::Query("talks"), query);
    CHECK(MentionMarks(f.catalog, excluded, "talks NOT Kozlowski").in("Koslowsky spoke.").empty());
}

TEST_CASE("a text with words found by the query's name keys is marked without tagging it") {
    Fixture f;
    const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("zelensky"),
                              Xapian::Query(f.analyzer.name_key_term("zelensky")));
    const MentionMarks marks(f.catalog, query, "Zelensky");
    // "Volodymyr" is the entity's mention too, but the key's word alone is marked.
    CHECK(marks.in("President Volodymyr Zelenskiy spoke.") == Words{{"zelenskiy"}});
    // Without such a word, the entity's mentions are: here its Arabic spelling.
    CHECK(marks.in("قال زيلنسكي إن الهدنة هشة") == Words{{"زيلنسكي"}});
}
