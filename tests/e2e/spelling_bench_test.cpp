// bench/spelling_bench on bad input: it must stop with exit status 2 and say why,
// not print a table of blank rows (or a shell's own message) and exit 0 or 1.
// The cases that get past the argument checks need the bench's tools (jq,
// /usr/bin/time, xapian-check: bench/setup-bench); CMake builds them only where
// those are installed (NABA_BENCH_TOOLS).
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::run;

namespace {

CliResult bench(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"NABA_INDEX=" NABA_INDEX_BIN, NABA_SPELLING_BENCH};
    all.insert(all.end(), args.begin(), args.end());
    return run("env", all);
}

[[maybe_unused]] std::string write_corpus(const std::string& name, const std::string& text) {
    const std::string path = naba::e2e::temp_dir(name) + "/corpus.jsonl";
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_CASE("spelling_bench refuses an option given without its value, naming it, with exit 2") {
    for (const std::string option : {"--bin", "--repeat", "--words"}) {
        CAPTURE(option);
        const CliResult r = bench({option});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("spelling_bench: " + option + " needs a value") != std::string::npos);
        CHECK(r.err.find("unbound variable") == std::string::npos);
    }
}

#if NABA_BENCH_TOOLS
TEST_CASE("spelling_bench stops with exit 2 on a corpus that is not JSONL, naming the file") {
    const std::string corpus = write_corpus("bench-not-jsonl", "title: not json\n");
    const CliResult r = bench({"--words", "10", corpus});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("spelling_bench: " + corpus + " is not JSONL") != std::string::npos);
    CHECK(r.out.find("wall_s") == std::string::npos);  // no table begun
}

TEST_CASE("spelling_bench stops with exit 2 on corpora without a word to build from") {
    const std::string corpus = write_corpus("bench-no-words", "{\"id\": \"1\", \"text\": \"12 ab 34\"}\n");
    const CliResult r = bench({"--words", "10", corpus});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("spelling_bench: no words of three letters or more") != std::string::npos);
    CHECK(r.out.find("wall_s") == std::string::npos);
}

TEST_CASE("spelling_bench stops with exit 2 when a build it measures fails, and says which") {
    const std::string corpus =
        write_corpus("bench-failing-build", "{\"id\": \"1\", \"text\": \"ceasefire talks resumed\"}\n");
    const CliResult r = bench({"--bin", "/bin/false", "--words", "10", corpus});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("spelling_bench: /bin/false -j 1 exited with status 1") != std::string::npos);
    CHECK(r.out.find("default threads") == std::string::npos);  // stopped at the first build
}
#endif
