// naba-search on the sample corpus with control characters in a query (pasted from a
// terminal or a file with stray bytes). They are no word characters, so a query reads
// them as white space: wherever a space would change what a query means (after a
// field's colon, around NOT, before a '-'), they change it the same way.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::search_sample;
using naba::e2e::run;
using naba::e2e::sample_ids;

TEST_CASE("a control character right after a field's colon is nothing after it, as a space is") {
    // 'lang:\x01ar' searched the words lang and ar, and the spelling suggestion then
    // "corrected" the field name (did you mean: long:\x01far); 'lang:\tar' was refused.
    for (const std::string query : {"lang:\x01" "ar", "title:\x01" "sunflower", "lang:\tar", "person:\x7f" "putin",
                                    "source:\xc2\x85" "x", "grain title:\x1b"}) {
        CAPTURE(query);
        for (const char* op : {"or", "and"}) {
            CliResult r = search_sample({"-f", "ids", "--default-op", op, query});
            CHECK(r.exit_code == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find("nothing right after the colon") != std::string::npos);
            CHECK(r.err.find("did you mean") == std::string::npos);
        }
    }
}

TEST_CASE("a control character between words separates them as a space does, operators included") {
    // 'grain\x01NOT\x01corridor' searched grain OR corridor, and '\x01-sunflower'
    // found the documents with sunflower.
    const auto all = sample_ids("*");
    REQUIRE(sample_ids("grain NOT corridor") != sample_ids("grain OR corridor"));
    CHECK(sample_ids("grain\x01NOT\x01" "corridor") == sample_ids("grain NOT corridor"));
    CHECK(sample_ids("grain\x1f" "AND\x1f" "corridor") == sample_ids("grain AND corridor"));
    REQUIRE(sample_ids("-sunflower", {"--"}).size() < all.size());
    CHECK(sample_ids("\x01-sunflower") == sample_ids("-sunflower", {"--"}));
    CHECK(sample_ids("sunflower\x02oil") == sample_ids("sunflower oil"));
}

TEST_CASE("text output in batch mode echoes a query's control characters as the spaces it searched") {
    CliResult r = search_sample({"--batch", "-", "--color", "never", "-n", "0"}, "q1\tsunflower\x01oil\n");
    CHECK(r.out.starts_with("# q1: sunflower oil\n"));  // not "sunfloweroil", which it did not search
}
