// The list of other files that held a document's id (indexer/shared_ids.h): its
// order, its bound, and its encoding in a value slot.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "shared_ids.h"

using namespace naba::indexer;
using Paths = std::vector<std::string>;

TEST_CASE("add_holder lists a path once, as the most recent, and never the document's own file or an empty path") {
    Paths holders;
    add_holder(holders, "/d/a.jsonl", "/d/own.jsonl");
    add_holder(holders, "/d/b.jsonl", "/d/own.jsonl");
    add_holder(holders, "/d/a.jsonl", "/d/own.jsonl");  // again: now the most recent
    add_holder(holders, "/d/own.jsonl", "/d/own.jsonl");
    add_holder(holders, "", "/d/own.jsonl");
    CHECK(holders == Paths{"/d/b.jsonl", "/d/a.jsonl"});
}

TEST_CASE("add_holder keeps only the most recent holders, however many files held the id") {
    Paths holders;
    for (std::size_t i = 0; i < kMaxOtherHolders + 8; ++i) add_holder(holders, "/d/" + std::to_string(i), "");
    REQUIRE(holders.size() == kMaxOtherHolders);
    CHECK(holders.front() == "/d/8");
    CHECK(holders.back() == "/d/" + std::to_string(kMaxOtherHolders + 7));
}

TEST_CASE("holders decode as they were encoded, paths with tabs, line breaks and non-UTF-8 bytes included") {
    const Paths paths{"/d/a b.jsonl", "/d/tab\there.jsonl", "/d/line\nbreak.jsonl", "/d/\xff\xfe.jsonl"};
    CHECK(decode_holders(encode_holders(paths)) == paths);
    CHECK(decode_holders(encode_holders({})).empty());
}
