#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include "entities/gazetteer.h"

using naba::entities::EntityType;
using naba::entities::Gazetteer;
using naba::entities::GazetteerError;

namespace {

std::string error_of(const std::string& tsv) {
    Gazetteer g;
    try {
        g.add_tsv(tsv, "user.tsv");
    } catch (const GazetteerError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the built-in gazetteer loads, has at least 300 entities and unique ids") {
    Gazetteer g = Gazetteer::builtin();
    REQUIRE(g.entities().size() >= 300);
    std::set<std::string> ids;
    std::set<EntityType> types;
    for (const auto& e : g.entities()) {
        CHECK_MESSAGE(ids.insert(e.id).second, "duplicate id " << e.id);
        CHECK_MESSAGE((!e.english.empty() || !e.arabic.empty()), e.id);
        CHECK(e.aliases.size() == e.ambiguous.size());
        types.insert(e.type);
    }
    CHECK(types == std::set<EntityType>{EntityType::person, EntityType::place, EntityType::org});
    const auto* zelensky = g.find("p:volodymyr-zelensky");
    REQUIRE(zelensky != nullptr);
    CHECK(zelensky->english == "Volodymyr Zelensky");
    CHECK(zelensky->arabic == "فولوديمير زيلينسكي");
}

TEST_CASE("gazetteer lines: five fields, comments, blank lines, CRLF and '~' ambiguous aliases") {
    Gazetteer g;
    g.add_tsv("# comment\n\n"
              "p:jane-doe\tperson\tJane Doe\tجين دو\tDoe| ~Jane |J. Doe||\r\n"
              "l:somewhere\tplace\tSomewhere\t\t\n",
              "t.tsv");
    REQUIRE(g.entities().size() == 2);
    const auto* jane = g.find("p:jane-doe");
    REQUIRE(jane != nullptr);
    CHECK(jane->aliases == std::vector<std::string>{"Doe", "Jane", "J. Doe"});
    CHECK(jane->ambiguous == std::vector<bool>{false, true, false});
    CHECK(g.find("l:somewhere")->type == EntityType::place);
    CHECK(g.find("p:nobody") == nullptr);
}

TEST_CASE("malformed gazetteer lines are reported as FILE:LINE: reason") {
    CHECK(error_of("# c\np:x\tperson\tX\n") == "user.tsv:2: expected 5 TAB-separated fields (id, type, english, arabic, aliases), found 3");
    CHECK(error_of("p:x\tpeople\tX\t\t\n") == "user.tsv:1: unknown type 'people' (expected person, place or org)");
    CHECK(error_of("P:X\tperson\tX\t\t\n").starts_with("user.tsv:1: id 'P:X' must be a lowercase ASCII slug"));
    CHECK(error_of("l:x\tperson\tX\t\t\n").starts_with("user.tsv:1: id 'l:x' has the prefix of another type"));
    CHECK(error_of("p:x\tperson\t\t\tX\n") == "user.tsv:1: entity 'p:x' has neither an English nor an Arabic name");
    CHECK(error_of("p:x\tperson\tX\t\t\np:x\tperson\tY\t\t\n") == "user.tsv:2: duplicate id 'p:x' in the same file");
}

TEST_CASE("a later file's entry with an existing id adds aliases, a type clash is an error") {
    Gazetteer g = Gazetteer::builtin();
    std::size_t before = g.entities().size();
    g.add_tsv("p:vladimir-putin\tperson\tV. Putin\t\tPutain|~Vova\nl:atlantis\tplace\tAtlantis\t\t\n", "mine.tsv");
    CHECK(g.entities().size() == before + 1);
    const auto* putin = g.find("p:vladimir-putin");
    CHECK(putin->english == "Vladimir Putin");
    auto has = [&](const std::string& a) {
        return std::find(putin->aliases.begin(), putin->aliases.end(), a) != putin->aliases.end();
    };
    CHECK(has("V. Putin"));
    CHECK(has("Putain"));
    CHECK(has("Vova"));

    g.add_tsv("harbour\tplace\tThe Harbour\t\t\n", "first.tsv");
    std::size_t now = g.entities().size();
    CHECK_THROWS_WITH_AS(g.add_tsv("l:new-place\tplace\tNew\t\t\nharbour\torg\tHarbour Ltd\t\t\n", "bad.tsv"),
                         "bad.tsv:2: id 'harbour' already exists with type 'place'", GazetteerError);
    CHECK(g.entities().size() == now);  // nothing from the bad file was added
}

TEST_CASE("type names round-trip and accept the long spellings of org") {
    using naba::entities::parse_type;
    using naba::entities::type_name;
    for (EntityType t : {EntityType::person, EntityType::place, EntityType::org, EntityType::unknown})
        CHECK(parse_type(type_name(t)) == t);
    CHECK(parse_type("organisation") == EntityType::org);
    CHECK(parse_type("organization") == EntityType::org);
    CHECK_FALSE(parse_type("thing").has_value());
}

TEST_CASE("a gazetteer file may start with a UTF-8 byte order mark") {
    Gazetteer g;
    g.add_tsv("\xEF\xBB\xBFp:amira-haddad\tperson\tAmira Haddad\t\t\n", "bom.tsv");
    CHECK(g.find("p:amira-haddad") != nullptr);
}

TEST_CASE("binary and invalid UTF-8 gazetteer files are refused with the reason") {
    Gazetteer g;
    CHECK_THROWS_WITH_AS(g.add_tsv(std::string("p:x\tperson\tX\0\t\t\n", 17), "bin.tsv"),
                         doctest::Contains("NUL bytes"), naba::entities::GazetteerError);
    CHECK_THROWS_WITH_AS(g.add_tsv("# ok\np:x\tperson\tX\xff\t\t\n", "bad.tsv"), doctest::Contains("bad.tsv:2: invalid UTF-8"),
                         naba::entities::GazetteerError);
    CHECK(g.entities().empty());
}
