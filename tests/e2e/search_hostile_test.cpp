// naba-search given what a careless script or a hostile user gives it: numbers past
// what the index can hold, huge queries, batch files that are not files, indexes it
// may not read. Each must get a right answer or a clear error, never a wrong page.
#include <doctest/doctest.h>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;

namespace {

CliResult search(const std::vector<std::string>& args, const std::string& input = "") {
    std::vector<std::string> all = {"--db", NABA_SAMPLE_DB};
    all.insert(all.end(), args.begin(), args.end());
    return run(NABA_SEARCH_BIN, all, input);
}

}  // namespace

TEST_CASE("a limit or offset beyond 32 bits pages like any large number") {
    // Xapian counts in 32 bits: -n 4294967297 showed 1 hit, --offset 4294967296 the
    // first hits again (ranked 4294967297...).
    const std::vector<std::string> all = lines(search({"-f", "ids", "-n", "1000", "*"}).out);
    REQUIRE(all.size() > 10);
    CHECK(lines(search({"-f", "ids", "-n", "4294967297", "*"}).out) == all);
    const std::vector<std::string> rest(all.begin() + 4, all.end());
    CHECK(lines(search({"-f", "ids", "--offset", "4", "-n", "4294967295", "*"}).out) == rest);
    CliResult past = search({"-f", "ids", "--offset", "4294967296", "-n", "2", "*"});
    CHECK(past.exit_code == 0);
    CHECK(past.out.empty());
}

TEST_CASE("a batch file that is a folder is an error, not a batch with no matches") {
    // An ifstream opens a folder and then reads nothing: exit 1, silently.
    const std::string folder = naba::e2e::temp_dir("batch-folder");
    CliResult r = search({"--batch", folder});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a folder") != std::string::npos);
    CliResult missing = search({"--batch", folder + "/none.tsv"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("No such file") != std::string::npos);
}
