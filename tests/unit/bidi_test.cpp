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
    CHECK(isolate_rtl_runs("وقف\x01 \x02النار") == rli + "وقف\x01 \x02النار" + pdi);
}

TEST_CASE("isolate_rtl_runs keeps the marks around a matched word at a run's edge inside the run") {
    // With the opening mark outside the isolate and the closing one inside, a plain
    // "**" pair was drawn on the same side of the word ("**[النار **وقف]").
    CHECK(isolate_rtl_runs("\x01وقف\x02 النار", '\x01', '\x02') == rli + "\x01وقف\x02 النار" + pdi);
    CHECK(isolate_rtl_runs("in \x01غزة\x02.", '\x01', '\x02') == "in " + rli + "\x01غزة\x02" + pdi + ".");
    CHECK(isolate_rtl_runs("\x01Gaza\x02 \x01غزة\x02 \x01Gaza\x02", '\x01', '\x02') ==
          "\x01Gaza\x02 " + rli + "\x01غزة\x02" + pdi + " \x01Gaza\x02");
    // Without marks given, such characters are neutral like any other.
    CHECK(isolate_rtl_runs("\x01وقف\x02") == "\x01" + rli + "وقف" + pdi + "\x02");
}
