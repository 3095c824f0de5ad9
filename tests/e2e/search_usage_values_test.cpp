// Values naba-search is given that it must read exactly as written, or refuse with a
// message that quotes them as written: numeric option values that start with '-',
// date: values in another case, the port of a remote entry of a stub.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::run;
using naba::e2e::search_sample;

TEST_CASE("a date: value that is not a date is quoted in the error as the user typed it, not case-folded") {
    // date:2025-13-01X was echoed as date:2025-13-01x.
    for (const auto& [query, echoed] : std::vector<std::pair<std::string, std::string>>{
             {"date:2025-13-01X", "date:2025-13-01X is not"},
             {"grain date:2025-03-01T10..2025", "date:2025-03-01T10..2025 is not"},
             {"(date:2025-03-05Tjunk OR grain)", "date:2025-03-05Tjunk is not"},
             {"date:2025 OR date:Now", "date:Now is not"}}) {
        CliResult r = search_sample({"--count", query});
        CAPTURE(query);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(echoed) != std::string::npos);
    }
}
