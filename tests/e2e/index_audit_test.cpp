// naba-index as a demanding user runs it on dirty data: edges a hostile audit found
// (more --jobs than cores; ...). Each case names what the user sees.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

TEST_CASE("--jobs above the number of cores walks a folder without a oneTBB warning on stderr") {
    // oneTBB warned "The number of workers is currently limited to ..." through --quiet.
    std::string dir = temp_dir("audit-jobs");
    write_file(dir + "/in/a/one.txt", "alpha report\n");
    write_file(dir + "/in/b/two.txt", "bravo report\n");
    const unsigned jobs = std::min(std::thread::hardware_concurrency() + 2, 256u);
    CliResult r = index(dir + "/db", {"-q", "--jobs", std::to_string(jobs), dir + "/in"});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(committed_documents(dir + "/db") == 2);
    fs::remove_all(dir);
}
