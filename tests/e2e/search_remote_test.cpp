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

#include <xapian.h>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;

namespace {

// Serves `db` with xapian-tcpsrv on a free local port, runs naba-search on a stub
// naming it (after the lines `before`) with `args`, and stops the server — with
// SIGKILL: on SIGTERM xapian-tcpsrv signals its whole process group, which is this test's.
CliResult search_served(const std::string& db, const std::string& stub, const std::vector<std::string>& args,
                        const std::string& before = "") {
    const std::string script =
        "db=$1; stub=$2; before=$3; shift 3; base=$((20000 + $$ % 20000)); "
        "for port in $(seq $base $((base + 40))); do "
        "  xapian-tcpsrv --quiet --interface 127.0.0.1 --port $port \"$db\" >/dev/null 2>&1 & server=$!; "
        "  sleep 0.3; kill -0 $server 2>/dev/null && break; "
        "done; "
        "{ printf '%s' \"$before\"; echo \"remote 127.0.0.1:$port\"; } > \"$stub\"; "
        "\"$@\"; status=$?; kill -KILL $server; wait $server 2>/dev/null; exit $status";
    std::vector<std::string> all = {"-c", script, "sh", db, stub, before, NABA_SEARCH_BIN, "--db", stub};
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

TEST_CASE("a foreign Xapian database served remotely and listed after a Naba index is an error") {
    // A combined database reads its metadata from its first database only, and only
    // local entries were checked one by one: another tool's database served by
    // xapian-tcpsrv (or xapian-progsrv) after an index was searched as part of it.
    const std::string dir = naba::e2e::temp_dir("remote-foreign");
    {
        Xapian::WritableDatabase omega(dir + "/omega", Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::Document doc;
        doc.set_data("url=/doc1\ncaption=Grain report\n");
        doc.add_term("grain");
        omega.add_document(doc);
        omega.commit();
    }
    const std::string sample = NABA_SAMPLE_DB, stub = dir + "/mixed.stub";
    const std::string foreign = ", which is a Xapian database but not a Naba index (naba-index did not write it)";
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--count", "grain"}, std::vector<std::string>{"-f", "ids", "grain"}}) {
        CliResult tcp = search_served(dir + "/omega", stub, args, "auto " + sample + "\n");
        CAPTURE(args[0]);
        CHECK(tcp.exit_code == 2);
        CHECK(tcp.out.empty());
        CHECK(tcp.err.starts_with("naba-search: " + stub + " lists remote 127.0.0.1:"));
        CHECK(tcp.err.find(foreign) != std::string::npos);
    }
    std::ofstream(dir + "/prog.stub") << "auto " << sample << "\nremote :xapian-progsrv " << dir << "/omega\n";
    CliResult prog = run(NABA_SEARCH_BIN, {"--db", dir + "/prog.stub", "--count", "grain"});
    CHECK(prog.exit_code == 2);
    CHECK(prog.err == "naba-search: " + dir + "/prog.stub lists remote :xapian-progsrv " + dir + "/omega" + foreign +
                          "; list only directories made by naba-index\n");
    // A server that is not there is named too (it was Xapian's NetworkError alone).
    std::ofstream(dir + "/down.stub") << "auto " << sample << "\nremote 127.0.0.1:1\n";
    CliResult down = run(NABA_SEARCH_BIN, {"--db", dir + "/down.stub", "--count", "grain"});
    CHECK(down.exit_code == 2);
    CHECK(down.err.starts_with("naba-search: " + dir + "/down.stub lists remote 127.0.0.1:1, which cannot be reached ("));
    // A Naba index served the same way is searched with the local one.
    const long local = std::stol(run(NABA_SEARCH_BIN, {"--db", sample, "--count", "\"grain\""}).out);
    CliResult both = search_served(sample, stub, {"--count", "\"grain\""}, "auto " + sample + "\n");
    CHECK(both.exit_code == 0);
    CHECK(both.out == std::to_string(2 * local) + "\n");
    std::ofstream(dir + "/prog-naba.stub") << "auto " << sample << "\nremote :xapian-progsrv " << sample << "\n";
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/prog-naba.stub", "--count", "\"grain\""}).out ==
          std::to_string(2 * local) + "\n");
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
