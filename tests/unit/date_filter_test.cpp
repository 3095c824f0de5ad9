#include <doctest/doctest.h>

#include "date_filter.h"

using naba::searcher::DateFieldProcessor;

namespace {
std::string describe(const std::string& value) {
    DateFieldProcessor p;
    return p(value).get_description();
}
}  // namespace

TEST_CASE("date: accepts a day, a month, a year and ranges with open ends") {
    CHECK(describe("2025-03-18") == "Query(VALUE_RANGE 0 20250318 20250318)");
    CHECK(describe("2025-03") == "Query(VALUE_RANGE 0 20250301 20250331)");
    CHECK(describe("2025") == "Query(VALUE_RANGE 0 20250101 20251231)");
    CHECK(describe("2025-03-01..2025-03-31") == "Query(VALUE_RANGE 0 20250301 20250331)");
    CHECK(describe("2025-03-01..") == "Query(VALUE_GE 0 20250301)");
    CHECK(describe("..2024") == "Query(VALUE_RANGE 0 0 20241231)");
}

TEST_CASE("date: rejects values that are not dates with a message saying what works") {
    DateFieldProcessor p;
    for (const char* bad : {"yesterday", "2025-13", "2025-02-30", "..", "2025-03-01...2025", "18/03/2025",
                            "1987-03-05Tjunk", "2025-03-05t10:00", "20250305", " 2025-03-05", "2025-03-05 ",
                            "2025-03-05..2025-04-01x"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(p(bad), Xapian::QueryParserError);
    }
}

TEST_CASE("date: a range that ends before it starts is an error that says how to write it") {
    // It was an empty query, reported as "has no words to search, only operators".
    DateFieldProcessor p;
    std::string message;
    try {
        p("2025-05..2025-01");
    } catch (const Xapian::QueryParserError& e) {
        message = e.get_msg();
    }
    CHECK(message == "date:2025-05..2025-01 ends before it starts; write date:2025-01..2025-05");
    CHECK(describe("2025-03..2025-03") == "Query(VALUE_RANGE 0 20250301 20250331)");
}
