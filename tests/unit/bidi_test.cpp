#include <doctest/doctest.h>

#include "printers/bidi.h"

using naba::searcher::isolate_rtl_runs;
using naba::searcher::without_explicit_directions;

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

TEST_CASE("isolate_rtl_runs drops the text's own embeddings, overrides and isolates, so its isolates balance") {
    // A document's RLI without its PDI (or a snippet cut between them) took the
    // printer's PDI for its own and left the run open; an RLO reversed what followed.
    CHECK(isolate_rtl_runs("talks \u2067غزة") == "talks " + rli + "غزة" + pdi);
    CHECK(isolate_rtl_runs("a \u202Egaza\u202C b \u2066x\u2069 \u2068y \u202Az \u202Bw \u202Dv") == "a gaza b x y z w v");
    CHECK(without_explicit_directions("id\u202E/1\u2069") == "id/1");
    // Marks that change no state (LRM, RLM, ALM) stay: they only nudge neutral characters.
    CHECK(without_explicit_directions("a\u200Eb\u200Fc\u061Cd") == "a\u200Eb\u200Fc\u061Cd");
}
