#include <doctest/doctest.h>

#include "printers/bidi.h"

using naba::searcher::isolate_rtl_runs;

namespace {
const std::string rli = "\u2067", pdi = "\u2069";
}

TEST_CASE("isolate_rtl_runs leaves left-to-right text unchanged") {
    CHECK(isolate_rtl_runs("Grain corridor 2025") == "Grain corridor 2025");
    CHECK(isolate_rtl_runs("") == "");
}

TEST_CASE("isolate_rtl_runs wraps each Arabic run, keeping edge punctuation outside") {
    CHECK(isolate_rtl_runs("وقف إطلاق النار") == rli + "وقف إطلاق النار" + pdi);
    CHECK(isolate_rtl_runs("Istanbul talks / مفاوضات إسطنبول.") == "Istanbul talks / " + rli + "مفاوضات إسطنبول" + pdi + ".");
    CHECK(isolate_rtl_runs("قال \"We agree\" ثم غادر") == rli + "قال" + pdi + " \"We agree\" " + rli + "ثم غادر" + pdi);
}

TEST_CASE("isolate_rtl_runs keeps digits and markers inside an Arabic run") {
    CHECK(isolate_rtl_runs("هدنة 30 يوما") == rli + "هدنة 30 يوما" + pdi);
    CHECK(isolate_rtl_runs("\x01وقف\x02 النار") == "\x01" + rli + "وقف\x02 النار" + pdi);
}
