// JSONL number ids: one canonical text per value (number_id.h).
#include <doctest/doctest.h>

#include "number_id.h"

using naba::indexer::canonical_number_id;

TEST_CASE("a whole number id is its decimal digits however it is written") {
    for (const char* one : {"1", "1.0", "1e0", "1E0", "1e+0", "10e-1", "0.1e1", "1.000"})
        CHECK(canonical_number_id(one) == "1");
    CHECK(canonical_number_id("1e3") == "1000");
    CHECK(canonical_number_id("-42") == "-42");
    CHECK(canonical_number_id("-4.2e1") == "-42");
    CHECK(canonical_number_id("9223372036854775807") == "9223372036854775807");
    CHECK(canonical_number_id("-9223372036854775808") == "-9223372036854775808");
    for (const char* zero : {"0", "-0", "0.0", "0e5", "-0.000e-3"}) CHECK(canonical_number_id(zero) == "0");
}

TEST_CASE("distinct number ids stay distinct, past int64 and double precision too") {
    CHECK(canonical_number_id("12345678901234567890") == "12345678901234567890");
    CHECK(canonical_number_id("12345678901234567891") == "12345678901234567891");
    CHECK(canonical_number_id("0.1") == "0.1");
    CHECK(canonical_number_id("0.10000000000000000001") == "0.10000000000000000001");
}

TEST_CASE("a fractional number id is its plain decimal value, a very large or small one scientific") {
    CHECK(canonical_number_id("1.50") == "1.5");
    CHECK(canonical_number_id("15e-1") == "1.5");
    CHECK(canonical_number_id("-0.0025") == "-0.0025");
    CHECK(canonical_number_id("2.5e-3") == "0.0025");
    CHECK(canonical_number_id("1e100") == "1e100");
    CHECK(canonical_number_id("-125e-62") == "-1.25e-60");
    CHECK(canonical_number_id("1e39") == std::string("1") + std::string(39, '0'));  // 40 characters: plain
    CHECK(canonical_number_id("1e40") == "1e40");
}

TEST_CASE("a token that is not a JSON number gets no number id") {
    for (const char* bad : {"", "-", "01", "1.", ".5", "1e", "1e+", "+1", "1.2.3", "0x10", "1e1234567890", "1 "})
        CHECK_FALSE(canonical_number_id(bad));
}
