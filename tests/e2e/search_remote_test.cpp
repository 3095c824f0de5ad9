// naba-search through Xapian's remote backend (xapian-tcpsrv, named in a stub file):
// the way the README says Naba scales out. The remote backend does not serve the
// synonym table where an index keeps its stems' forms, so such an index must still
// find words as written, and say that stems are not searched.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;

namespace {

// Serves `db` with xapian-tcpsrv on a free local port, runs naba-search on a stub
// naming it with `args`, and stops the server — with SIGKILL: on SIGTERM xapian-tcpsrv
// signals its whole process group, which is this test's.
CliResult search_served(const std::string& db, const std::string& stub, const std::vector<std::string>& args) {
    const std::string script =
        "db=$1; stub=$2; shift 2; base=$((20000 + $$ % 20000)); "
        "for port in $(seq $base $((base + 40))); do "
        "  xapian-tcpsrv --quiet --interface 127.0.0.1 --port $port \"$db\" >/dev/null 2>&1 & server=$!; "
        "  sleep 0.3; kill -0 $server 2>/dev/null && break; "
        "done; "
        "echo \"remote 127.0.0.1:$port\" > \"$stub\"; "
        "\"$@\"; status=$?; kill -KILL $server; wait $server 2>/dev/null; exit $status";
    std::vector<std::string> all = {"-c", script, "sh", db, stub, NABA_SEARCH_BIN, "--db", stub};
    all.insert(all.end(), args.begin(), args.end());
    return run("/bin/sh", all);
}

}  // namespace

TEST_CASE("an index served by xapian-tcpsrv finds words as written and says stems are not searched") {
    REQUIRE(std::filesystem::exists("/usr/bin/xapian-tcpsrv"));  // Debian xapian-tools, from scripts/setup
    const std::string stub = std::filesystem::temp_directory_path() / ("naba-remote-" + std::to_string(::getpid()));
    CliResult local = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "ceasefire"});
    REQUIRE(local.exit_code == 0);
    CliResult served = search_served(NABA_SAMPLE_DB, stub, {"-f", "ids", "ceasefire"});
    CHECK(served.exit_code == 0);
    CHECK(lines(served.out) == lines(local.out));  // every sample document with "ceasefire" says it so
    CHECK(served.err.find("words are matched as written") != std::string::npos);
    // A form the index does not hold as written finds nothing there, and says why.
    CliResult stemmed = search_served(NABA_SAMPLE_DB, stub, {"-f", "ids", "ceasefires"});
    CHECK(stemmed.err.find("naba-index --stemmed-terms") != std::string::npos);
    // A local index is searched with stems, without the warning.
    CHECK(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "ceasefires"}).exit_code == 0);
    CHECK(local.err.find("matched as written") == std::string::npos);
    std::filesystem::remove(stub);
}

TEST_CASE("a query through xapian-tcpsrv is weighed with Xapian's BM25, which the server knows, and finds the same documents") {
    // Naba weighs an Arabic or English query over its language's documents with a
    // weighting scheme of its own (searcher/collection_bm25_weight.h), which Xapian's
    // remote server cannot run: the served search falls back to Xapian's BM25 over
    // the whole index, so only the order may differ. (A quoted word: matched as
    // written both ways, since the server does not serve stems either.)
    const std::string stub = std::filesystem::temp_directory_path() / ("naba-remote-ar-" + std::to_string(::getpid()));
    CliResult local = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "-n", "100", "\"وقف\""});
    REQUIRE(local.exit_code == 0);
    CliResult served = search_served(NABA_SAMPLE_DB, stub, {"-f", "ids", "-n", "100", "\"وقف\""});
    CHECK(served.exit_code == 0);
    std::vector<std::string> a = lines(local.out), b = lines(served.out);
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    CHECK(a.size() > 3);
    CHECK(a == b);
    std::filesystem::remove(stub);
}

TEST_CASE("through xapian-tcpsrv a query ranks as a local one over the whole index, the window bonus included") {
    // The fallback weighs with Xapian's BM25 over the whole index; the window bonus
    // that re-ranks English hits must take its IDFs over the same documents, or the
    // served scores are those of neither weighing. Quoted words: matched as written
    // both ways, so the two queries are the same.
    const std::string stub = std::filesystem::temp_directory_path() / ("naba-remote-bonus-" + std::to_string(::getpid()));
    for (const char* query : {"\"black\" \"sea\" \"mines\"", "\"ceasefire\" \"talks\""}) {
        CliResult whole = run("/usr/bin/env", {"NABA_ANALYSIS=no-language-collections", NABA_SEARCH_BIN, "--db",
                                               NABA_SAMPLE_DB, "-f", "tsv", "-n", "10", query});
        REQUIRE(whole.exit_code == 0);
        CliResult served = search_served(NABA_SAMPLE_DB, stub, {"-f", "tsv", "-n", "10", query});
        CHECK(served.exit_code == 0);
        CHECK(lines(whole.out).size() > 3);
        CHECK(lines(served.out) == lines(whole.out));
    }
    std::filesystem::remove(stub);
}
