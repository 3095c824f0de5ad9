// naba-search given what a careless script or a hostile user gives it: numbers past
// what the index can hold, huge queries, batch files that are not files, indexes it
// may not read. Each must get a right answer or a clear error, never a wrong page.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::search_sample;
using naba::e2e::lines;
using naba::e2e::run;

TEST_CASE("a limit or offset beyond 32 bits pages like any large number") {
    // Xapian counts in 32 bits: -n 4294967297 showed 1 hit, --offset 4294967296 the
    // first hits again (ranked 4294967297...).
    const std::vector<std::string> all = lines(search_sample({"-f", "ids", "-n", "1000", "*"}).out);
    REQUIRE(all.size() > 10);
    CHECK(lines(search_sample({"-f", "ids", "-n", "4294967297", "*"}).out) == all);
    const std::vector<std::string> rest(all.begin() + 4, all.end());
    CHECK(lines(search_sample({"-f", "ids", "--offset", "4", "-n", "4294967295", "*"}).out) == rest);
    CliResult past = search_sample({"-f", "ids", "--offset", "4294967296", "-n", "2", "*"});
    CHECK(past.exit_code == 0);
    CHECK(past.out.empty());
}

TEST_CASE("a batch file that is a folder is an error, not a batch with no matches") {
    // An ifstream opens a folder and then reads nothing: exit 1, silently.
    const std::string folder = naba::e2e::temp_dir("batch-folder");
    CliResult r = search_sample({"--batch", folder});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a folder") != std::string::npos);
    CliResult missing = search_sample({"--batch", folder + "/none.tsv"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("No such file") != std::string::npos);
}

TEST_CASE("an index that cannot be read is reported as such, not as another tool's") {
    // Xapian cannot tell an unreadable folder from one that holds no index: naba-search
    // said "is not a Naba index". Root reads everything, so the search runs as nobody.
    const std::string db = naba::e2e::temp_dir("unreadable-index") + "/db";
    std::filesystem::copy(NABA_SAMPLE_DB, db);
    auto search_as_user = [&](const std::string& query) {
        std::vector<std::string> args = {"--db", db, "-f", "ids", query};
        if (::geteuid() != 0) return run(NABA_SEARCH_BIN, args);
        args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", NABA_SEARCH_BIN});
        return run("setpriv", args);
    };
    REQUIRE(search_as_user("ceasefire").exit_code == 0);
    std::filesystem::permissions(db, std::filesystem::perms::none);
    CliResult folder = search_as_user("ceasefire");
    std::filesystem::permissions(db, std::filesystem::perms::owner_all);
    CHECK(folder.exit_code == 2);
    CHECK(folder.err.find("Permission denied") != std::string::npos);
    CHECK(folder.err.find("not a Naba index") == std::string::npos);
    std::filesystem::permissions(db + "/postlist.glass", std::filesystem::perms::none);
    CliResult file = search_as_user("ceasefire");
    CHECK(file.exit_code == 2);
    CHECK(file.err.find("Permission denied") != std::string::npos);
    CHECK(file.err.find("not a Naba index") == std::string::npos);
    // A parent folder that may not be searched: the index's existence is unknown.
    const std::string parent = std::filesystem::path(db).parent_path().string();
    std::filesystem::permissions(parent, std::filesystem::perms::owner_all);
    CliResult above = search_as_user("ceasefire");
    std::filesystem::permissions(parent, std::filesystem::perms::all);
    CHECK(above.exit_code == 2);
    CHECK(above.err.find("cannot read the index at " + db + ": Permission denied") != std::string::npos);
}

TEST_CASE("a query of more than 1000 words is an error for that query alone") {
    // Xapian's matcher takes time quadratic in the words of a query: 50,000 words took
    // over a minute, and a script's runaway line could hold millions. At the old cap of
    // 10,000, a query of 10,000 distinct English words took 19 s (350 MB) on the news
    // corpora, and 10,000 words no document has 10 s in Xapian's recursion over its
    // tree of ORs; 1000 distinct Arabic words take under a second.
    auto words = [](int n, const std::string& word) {
        std::string q;
        for (int i = 0; i < n; ++i) q += (i ? " " : "") + word;
        return q;
    };
    std::string distinct;
    for (int i = 0; i < 10000; ++i) distinct += (i ? " w" : "w") + std::to_string(i);
    const std::string input = "long\t" + words(50000, "grain") + "\nlimit\t" + words(1000, "grain") +
                              "\ndistinct\t" + distinct + "\nshort\tgrain\n";
    CliResult r = search_sample({"--batch", "-", "-f", "ids", "-n", "1"}, input);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("query long: 50000 words; a query may have at most 1000,") != std::string::npos);
    CHECK(r.err.find("query distinct: 10000 words; a query may have at most 1000,") != std::string::npos);
    CHECK(r.err.find("query limit:") == std::string::npos);
    const std::vector<std::string> out = lines(r.out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].starts_with("limit\t"));
    CHECK(out[1].starts_with("short\t"));
    // Runs of letters are words, however they are joined (Xapian reads this as a phrase).
    std::string joined = words(1001, "grain");
    std::replace(joined.begin(), joined.end(), ' ', '-');
    CliResult one_chunk = search_sample({"-f", "ids", joined});
    CHECK(one_chunk.exit_code == 2);
    CHECK(one_chunk.err.find("naba-search: 1001 words; a query may have") != std::string::npos);
}

TEST_CASE("a word longer than any term gets no spelling look-up, which never ended") {
    // Xapian's spelling look-up is quadratic in a word's length: 100,000 letters took
    // 24 s and 600 MB, 200,000 over a minute. No term is that long, so there is nothing
    // to correct. The limit is wide: this takes milliseconds now.
    std::string word;
    for (int i = 0; i < 200000; ++i) word += "ب";
    CliResult r = run("timeout", {"20", NABA_SEARCH_BIN, "--db", NABA_SAMPLE_DB, "--batch", "-", "-f", "ids"},
                      "q1\t" + word + "\n");
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
}

TEST_CASE("text output shows a document's control characters as nothing a terminal obeys") {
    // An indexed title or text may hold escape sequences (one clears the screen),
    // line breaks, or the bytes the text printer marked matched words with.
    const std::string dir = naba::e2e::temp_dir("control-chars");
    std::ofstream(dir + "/in.jsonl")
        << R"({"id":"c1","title":"\u001b[31mRed\u001b[0m title\nsecond line","text":)"
        << R"("Truce text \u0001 between \u0002 marks \u001b[2J and a ceasefire here.","lang":"en"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--color", "never", "ceasefire"});
    REQUIRE(r.exit_code == 0);
    for (char c : r.out) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
    CHECK(r.out.find("1. [31mRed[0m title second line\n") != std::string::npos);
    CHECK(r.out.find("Truce text between marks [2J and a **ceasefire** here.") != std::string::npos);
    // The machine formats keep the stored text as it is (json escapes it).
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "json", "ceasefire"}).out.find(R"(\u001b[31mRed)") !=
          std::string::npos);
}

TEST_CASE("an empty --db is a usage error that says so") {
    // It was "no index at ; build one with: naba-index --db  PATH...".
    CliResult r = run(NABA_SEARCH_BIN, {"--db", "", "ceasefire"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--db needs a directory") != std::string::npos);
}

TEST_CASE("a snippet cut inside a matched hyphenated name still closes its mark") {
    // Xapian's snippet opens the mark for a hyphenated name and, when the snippet's
    // length ends inside it, never closes it: json had "**Knight-…", and text on a
    // terminal left bold on for every line that followed.
    const std::string dir = naba::e2e::temp_dir("cut-mark");
    std::string text = "Knight-Ridder-Tribune said sales rose.";
    for (int i = 0; i < 30; ++i) text += " fill" + std::to_string(10 + i);
    text += " Knight-Ridder-Tribune again.";
    for (int i = 0; i < 40; ++i) text += " tail" + std::to_string(i);
    std::ofstream(dir + "/in.jsonl") << R"({"id":"k1","title":"t","lang":"en","text":")" << text << "\"}\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    const std::string json = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "-f", "json", "Knight-Ridder-Tribune"}).out;
    CHECK(json.find("**…\"") != std::string::npos);
    std::size_t marks = 0;
    for (std::size_t at = json.find("**"); at != std::string::npos; at = json.find("**", at + 2)) ++marks;
    CHECK(marks % 2 == 0);
    const std::string bold =
        run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--color", "always", "Knight-Ridder-Tribune"}).out;
    std::size_t on = 0, off = 0;
    for (std::size_t at = bold.find("\x1b[1m"); at != std::string::npos; at = bold.find("\x1b[1m", at + 1)) ++on;
    for (std::size_t at = bold.find("\x1b[0m"); at != std::string::npos; at = bold.find("\x1b[0m", at + 1)) ++off;
    CHECK(on > 0);
    CHECK(on == off);
}

TEST_CASE("text output in batch mode echoes each query without its control characters") {
    // A batch file made from stored titles may hold escape sequences; the "# QID:
    // QUERY" line wrote them to the terminal as they were (one clears the screen).
    CliResult r = search_sample({"--batch", "-", "--color", "never"}, "q1\tsunflower \x1b[2J\n");
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("# q1: sunflower [2J\n"));
    CHECK(r.out.find('\x1b') == std::string::npos);
}

TEST_CASE("a query of more than 50 wildcards is an error for that query alone") {
    // Each wildcard expands to up to 1000 terms, and the matcher's time grows faster
    // than its terms: 3000 copies of a* took 46 s on the sample index (900 here: more
    // words than that are refused as such).
    auto wildcards = [](int n) {
        std::string q;
        for (int i = 0; i < n; ++i) q += (i ? " " : "") + std::string("a*");
        return q;
    };
    CliResult r = run("timeout", {"20", NABA_SEARCH_BIN, "--db", NABA_SAMPLE_DB, "--batch", "-", "--count"},
                      "many\t" + wildcards(900) + "\nfifty\t" + wildcards(50) + "\n");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "naba-search: query many: 900 wildcards; a query may have at most 50 (each matches up to 1000 "
                   "words), so shorten it\n");
    const std::vector<std::string> out = lines(r.out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].starts_with("fifty\t"));
}

TEST_CASE("results that cannot be written are an error, not a success") {
    // With stdout on a full disk (or closed) the results were lost and the exit status
    // was 0, as if they had been written; grep says so and exits 2.
    const std::string sample = NABA_SAMPLE_DB;
    CliResult full = run("/bin/sh", {"-c", "\"$0\" --db \"$1\" grain > /dev/full", NABA_SEARCH_BIN, sample});
    CHECK(full.exit_code == 2);
    CHECK(full.err == "naba-search: cannot write the results to stdout: No space left on device\n");
    CliResult closed = run("/bin/sh", {"-c", "\"$0\" --db \"$1\" --count grain >&-", NABA_SEARCH_BIN, sample});
    CHECK(closed.exit_code == 2);
    CHECK(closed.err.starts_with("naba-search: cannot write the results to stdout"));
    // A batch stops at the first query whose results cannot be written.
    std::string queries;
    for (int i = 0; i < 200; ++i) queries += "q" + std::to_string(i) + "\t*\n";
    CliResult batch = run("/bin/sh", {"-c", "\"$0\" --db \"$1\" --batch - -f json -n 100 > /dev/full", NABA_SEARCH_BIN,
                                      sample}, queries);
    CHECK(batch.exit_code == 2);
    CHECK(batch.err.starts_with("naba-search: cannot write the results to stdout"));
}

TEST_CASE("results that cannot be written are an error that always gives the system's reason") {
    // The reason was given only when the last flush was the write that failed: results
    // bigger than the output buffer on a full disk, or a pipe closed early while
    // SIGPIPE is ignored, said "cannot write the results to stdout" and no more.
    const std::string sample = NABA_SAMPLE_DB;
    const std::string full = "naba-search: cannot write the results to stdout: No space left on device\n";
    CliResult many = run("/bin/sh", {"-c", "\"$0\" --db \"$1\" -f json -n 100 '*' > /dev/full", NABA_SEARCH_BIN, sample});
    CHECK(many.exit_code == 2);
    CHECK(many.err == full);
    std::string queries;
    for (int i = 0; i < 200; ++i) queries += "q" + std::to_string(i) + "\t*\n";
    CliResult batch = run("/bin/sh", {"-c", "\"$0\" --db \"$1\" --batch - -f json -n 100 > /dev/full", NABA_SEARCH_BIN,
                                      sample}, queries);
    CHECK(batch.exit_code == 2);
    CHECK(batch.err == full);
    // SIGPIPE ignored (as some service managers start programs): the write fails with
    // EPIPE once head has gone (the batch writes megabytes, far more than a pipe holds).
    CliResult pipe = run("/bin/sh", {"-c", "trap '' PIPE; { \"$0\" --db \"$1\" --batch - -f json -n 100; echo $? >&2; } | "
                                     "head -c 1 > /dev/null", NABA_SEARCH_BIN, sample}, queries);
    CHECK(pipe.err == "naba-search: cannot write the results to stdout: Broken pipe\n2\n");
    // --help and --version that cannot be written are errors too (they exited 0).
    for (const char* option : {"--help", "--version"}) {
        CliResult r = run("/bin/sh", {"-c", "\"$0\" \"$1\" > /dev/full", NABA_SEARCH_BIN, option});
        CAPTURE(option);
        CHECK(r.exit_code == 2);
        CHECK(r.err == "naba-search: cannot write to stdout: No space left on device\n");
    }
}

TEST_CASE("text output shows a record's language code without its control characters") {
    // A JSONL record's "lang" is any short string; the text format wrote it to the
    // terminal as it was, escape sequences included.
    const std::string dir = naba::e2e::temp_dir("control-lang");
    std::ofstream(dir + "/in.jsonl") << R"({"id":"l1","title":"t","text":"grain here","lang":"e\u001b[2Jn"})" << "\n";
    REQUIRE(run(NABA_INDEX_BIN, {"--quiet", "--db", dir + "/db", dir + "/in.jsonl"}).exit_code == 0);
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/db", "--color", "never", "grain"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("   l1 | e[2jn | score ") != std::string::npos);
}
