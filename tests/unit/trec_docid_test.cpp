// A document id as one field of a TREC run (common/trec_docid.h): white space and '%'
// are written %XX so the id stays one field, and read back exactly.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "trec_docid.h"

using naba::trec_docid_field;
using naba::trec_docid_from_field;

TEST_CASE("trec_docid_field writes white space and '%' as %XX and leaves the rest") {
    CHECK(trec_docid_field("plain-id.x/y:z") == "plain-id.x/y:z");
    CHECK(trec_docid_field("my docs/a b.txt") == "my%20docs/a%20b.txt");
    CHECK(trec_docid_field("100%") == "100%25");
    CHECK(trec_docid_field("a\tb\rc\vd\fe") == "a%09b%0Dc%0Bd%0Ce");
    CHECK(trec_docid_field("غزة 1") == "غزة%201");
}

TEST_CASE("trec_docid_from_field reads back what trec_docid_field wrote") {
    for (const std::string id : {"plain", "a b", "100%", "a%20b", "%", "\t\r", "غزة %25"})
        CHECK(trec_docid_from_field(trec_docid_field(id)) == id);
    CHECK(trec_docid_from_field("doc%203") == "doc 3");
    CHECK(trec_docid_from_field("a%2520b") == "a%20b");  // a literal %20 in an id
}

TEST_CASE("trec_docid_from_field refuses a '%' without two hex digits") {
    CHECK_THROWS_AS(trec_docid_from_field("50%"), std::invalid_argument);
    CHECK_THROWS_AS(trec_docid_from_field("a%4"), std::invalid_argument);
    CHECK_THROWS_AS(trec_docid_from_field("a%zz"), std::invalid_argument);
}
