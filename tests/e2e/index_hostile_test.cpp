// naba-index on hostile trees and dumps: unreadable folders, broken links, the same
// input named twice, lines that fail in a JSONL file that was indexed before. What
// cannot be read is reported, and nothing already indexed is lost because of it.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

// Runs naba-index with `args`; as root (who reads every file) as the user nobody, so
// that permissions apply. `dir`, which holds the inputs and the index, is opened to
// everyone for that.
CliResult index_unprivileged(const std::string& dir, std::vector<std::string> args) {
    if (::geteuid() != 0) return run(NABA_INDEX_BIN, args);
    REQUIRE(fs::exists("/usr/bin/setpriv"));
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_directory() && (fs::status(entry).permissions() & fs::perms::owner_read) != fs::perms::none)
            fs::permissions(entry, fs::perms::all);
    fs::permissions(dir, fs::perms::all);
    args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", NABA_INDEX_BIN});
    return run("/usr/bin/setpriv", args);
}

}  // namespace

TEST_CASE("an unreadable folder is reported, the rest indexed, and no document under it removed") {
    const std::string dir = temp_dir("unreadable-folder");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a/1.txt", "alpha\n");
    write_file(in + "/b/2.txt", "bravo\n");
    write_file(in + "/c/3.txt", "charlie\n");
    REQUIRE(index_unprivileged(dir, {"--db", db, in}).exit_code == 0);

    fs::permissions(in + "/b", fs::perms::none);
    CliResult again = index_unprivileged(dir, {"--db", db, "--jobs", "1", in});
    CHECK(again.exit_code == 1);
    CHECK(has(again.err, "skipped " + in + "/b: cannot read directory"));
    CHECK(has(again.err, "2 unchanged, 0 removed"));

    // A fresh build (parallel) takes the readable folders too.
    CliResult fresh = index_unprivileged(dir, {"--db", dir + "/db2", "--jobs", "2", in});
    fs::permissions(in + "/b", fs::perms::all);
    CHECK(fresh.exit_code == 1);
    CHECK(search_ids(db, "*") == Ids{"a/1.txt", "b/2.txt", "c/3.txt"});
    CHECK(search_ids(dir + "/db2", "*") == Ids{"a/1.txt", "c/3.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a broken or looping symbolic link named like an input is reported, not dropped silently") {
    const std::string dir = temp_dir("broken-links");
    const std::string in = dir + "/in";
    write_file(in + "/good.txt", "good words\n");
    fs::create_symlink(in + "/nowhere.txt", in + "/dangling.txt");
    fs::create_symlink(in + "/self.jsonl", in + "/self.jsonl");
    fs::create_symlink(in + "/nowhere", in + "/other.bin");  // not an input: ignored
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", in});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "skipped " + in + "/dangling.txt: broken symbolic link"));
    CHECK(has(r.err, "skipped " + in + "/self.jsonl: broken symbolic link"));
    CHECK(!has(r.err, "other.bin"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"good.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a changed JSONL file with lines that cannot be read removes none of its documents") {
    const std::string dir = temp_dir("prune-bad-lines");
    const std::string db = dir + "/db", dump = dir + "/dump.jsonl";
    write_file(dump, "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"r2\",\"text\":\"two\"}\n{\"id\":\"r3\",\"text\":\"three\"}\n");
    REQUIRE(run(NABA_INDEX_BIN, {"--db", db, dump}).exit_code == 0);
    // r2's line was cut short in transit and r3 is gone: r2 is not taken for deleted,
    // and with a line unread the file cannot say which ids are gone.
    write_file(dump, "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"r2\",\"text\":\"tw\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", db, dump});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "dump.jsonl:2: not valid JSON"));
    CHECK(has(r.err, "1 unchanged, 0 removed"));
    CHECK(has(r.err, "no document of this file is removed"));
    CHECK(search_ids(db, "*") == Ids{"r1", "r2", "r3"});
    // Repaired: now the file says what is gone.
    write_file(dump, "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"r2\",\"text\":\"two\"}\n");
    CliResult fixed = run(NABA_INDEX_BIN, {"--db", db, dump});
    CHECK(fixed.exit_code == 0);
    CHECK(has(fixed.err, "2 unchanged, 1 removed"));
    CHECK(search_ids(db, "*") == Ids{"r1", "r2"});
    fs::remove_all(dir);
}

TEST_CASE("a file or folder named twice is indexed once, and a re-run finds it unchanged") {
    const std::string dir = temp_dir("named-twice");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a b ü.txt", "alpha\n");
    write_file(dir + "/d.jsonl", "{\"id\":\"j1\",\"text\":\"json\"}\n");
    const std::vector<std::string> args = {"--db", db, in, in + "/", dir + "/d.jsonl", dir + "/./d.jsonl"};
    CliResult first = run(NABA_INDEX_BIN, args);
    CHECK(first.exit_code == 0);
    CHECK(has(first.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged"));
    CHECK(!has(first.err, "already appeared"));
    CliResult again = run(NABA_INDEX_BIN, args);
    CHECK(has(again.err, "0 documents indexed into " + db + " (0 new, 0 replaced), 2 unchanged, 0 removed"));
    CHECK(search_ids(db, "*") == Ids{"a b ü.txt", "j1"});
    fs::remove_all(dir);
}

TEST_CASE("sizes too large to count in bytes are usage errors, not a limit of 0") {
    const std::string dir = temp_dir("huge-sizes");
    write_file(dir + "/in/a.txt", "alpha\n");
    for (const char* option : {"--max-size", "--max-memory"}) {
        CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", option, "17592186044416", dir + "/in"});
        CHECK(r.exit_code == 2);
        CHECK(has(r.err, std::string(option) + " must be between 1 and"));
    }
    fs::remove_all(dir);
}

TEST_CASE("a NUL byte in one JSONL line skips that line, a UTF-16 JSONL file is skipped whole") {
    const std::string dir = temp_dir("jsonl-nul");
    const char dump[] = "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"r2\",\"text\":\"t\0o\"}\n{\"id\":\"r3\",\"text\":\"three\"}\n";
    const char wide[] = "{\0\"\0i\0d\0\"\0:\0\"\0w\0\"\0}\0\n\0";  // UTF-16LE
    write_file(dir + "/in/dump.jsonl", std::string(dump, sizeof dump - 1));
    write_file(dir + "/in/wide.jsonl", std::string(wide, sizeof wide - 1));
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "dump.jsonl:2: a NUL byte"));
    CHECK(has(r.err, "wide.jsonl: the file contains NUL bytes"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"r1", "r3"});
    fs::remove_all(dir);
}

TEST_CASE("an unchanged JSONL file still reports the lines it had to skip, and exits 1") {
    const std::string dir = temp_dir("unchanged-bad-lines");
    const std::string db = dir + "/db", dump = dir + "/dump.jsonl";
    write_file(dump, "{\"id\":\"r1\",\"text\":\"one\"}\n{broken\n{\"text\":\"no id\"}\n");
    REQUIRE(run(NABA_INDEX_BIN, {"--db", db, dump}).exit_code == 1);
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, dump});
    CHECK(again.exit_code == 1);
    CHECK(has(again.err, "dump.jsonl: 2 lines were skipped when it was indexed (unchanged since"));
    CHECK(has(again.err, "1 unchanged, 0 removed"));
    CHECK(has(again.err, "JSONL line skipped before 2;"));
    fs::last_write_time(dump, fs::last_write_time(dump) + std::chrono::seconds(10));  // touched only
    CHECK(run(NABA_INDEX_BIN, {"--db", db, dump}).exit_code == 1);
    fs::remove_all(dir);
}

TEST_CASE("a JSONL line over --max-size is skipped with its line number, and the records around it are indexed") {
    const std::string dir = temp_dir("jsonl-long-line");
    const std::string db = dir + "/db", dump = dir + "/dump.jsonl";
    const std::string huge = "{\"id\":\"big\",\"text\":\"" + std::string((1u << 20) + 10, 'x') + "\"}\n";
    write_file(dump, "{\"id\":\"r1\",\"text\":\"one\"}\n" + huge + "{\"id\":\"r3\",\"text\":\"three\"}\n");
    for (const char* jobs : {"1", "2"}) {  // the single writer and the parallel build
        fs::remove_all(db);
        CliResult r = run(NABA_INDEX_BIN, {"--db", db, "--jobs", jobs, "--max-size", "1", dump});
        CHECK(r.exit_code == 1);
        CHECK(has(r.err, "dump.jsonl:2: the line is longer than 1 MiB (raise the limit with --max-size)"));
        CHECK(has(r.err, "skipped 1: too large 1;"));
        // The progress counts the skipped line's bytes as done too.
        CliResult shown = run(NABA_INDEX_BIN, {"--db", db + "-progress", "--jobs", jobs, "--max-size", "1",
                                               "--progress", dump});
        CHECK(has(shown.err, "files 1/1, 1.0/1.0 MB"));
        fs::remove_all(db + "-progress");
        CHECK(search_ids(db, "*") == Ids{"r1", "r3"});
    }
    // With a higher limit the unchanged file is read again: the long record is added,
    // the two already there are unchanged.
    CliResult raised = run(NABA_INDEX_BIN, {"--db", db, "--max-size", "2", dump});
    CHECK(raised.exit_code == 0);
    CHECK(search_ids(db, "*") == Ids{"big", "r1", "r3"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL record with empty text and no title is skipped, a headline with empty text is kept") {
    const std::string dir = temp_dir("jsonl-empty-text");
    write_file(dir + "/dump.jsonl",
               "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"blank\",\"text\":\"  \\n \"}\n"
               "{\"id\":\"headline\",\"title\":\"Talks resume\",\"text\":\"\"}\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/dump.jsonl"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "dump.jsonl:2: \"text\" is empty and there is no title; line skipped"));
    CHECK(has(r.err, "skipped 1: empty 1;"));  // not "malformed": the line was valid JSON
    CHECK(search_ids(dir + "/db", "*") == Ids{"headline", "r1"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL record with empty text does not keep the records gone from the file in the index") {
    // Its id was read, so it cannot be one of the removed records (an unreadable line could).
    const std::string dir = temp_dir("jsonl-empty-text-prune");
    const std::string db = dir + "/db", dump = dir + "/dump.jsonl";
    write_file(dump, "{\"id\":\"r1\",\"text\":\"one\"}\n{\"id\":\"r2\",\"text\":\"two\"}\n{\"id\":\"e\",\"text\":\"\"}\n");
    REQUIRE(run(NABA_INDEX_BIN, {"--db", db, dump}).exit_code == 1);
    write_file(dump, "{\"id\":\"r2\",\"text\":\"two\"}\n{\"id\":\"e\",\"text\":\"\"}\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", db, dump});
    CHECK(r.exit_code == 1);
    CHECK(!has(r.err, "no document of this file is removed"));
    CHECK(has(r.err, "1 unchanged, 1 removed"));
    CHECK(search_ids(db, "*") == Ids{"r2"});
    fs::remove_all(dir);
}

TEST_CASE("a text file whose name has a line break is skipped with the reason, not indexed under a broken id") {
    const std::string dir = temp_dir("newline-name");
    write_file(dir + "/in/good.txt", "alpha\n");
    write_file(dir + "/in/bad\nname.txt", "bravo\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "the file name has a tab or line break"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"good.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a text file with no words (a byte order mark, or a header alone) is skipped as empty, a headline kept") {
    const std::string dir = temp_dir("wordless-text");
    write_file(dir + "/in/good.txt", "alpha\n");
    write_file(dir + "/in/bom.txt", "\xEF\xBB\xBF");
    write_file(dir + "/in/bom-blank.txt", "\xEF\xBB\xBF\n \n\r\n");
    write_file(dir + "/in/header-only.txt", "Title: \nSource: Naba desk\n\n  \n");
    write_file(dir + "/in/headline.txt", "Title: Talks resume\n\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "skipped " + dir + "/in/bom.txt: the file is empty"));
    CHECK(has(r.err, "skipped " + dir + "/in/bom-blank.txt: the file is empty"));
    CHECK(has(r.err, "skipped " + dir + "/in/header-only.txt: the file has no text and no title"));
    CHECK(has(r.err, "skipped 3: empty 3;"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"good.txt", "headline.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file of a byte order mark and blank lines is skipped as empty, like one of blank lines") {
    const std::string dir = temp_dir("jsonl-bom-blank");
    write_file(dir + "/in/good.jsonl", "{\"id\":\"r1\",\"text\":\"one\"}\n");
    write_file(dir + "/in/bom.jsonl", "\xEF\xBB\xBF\n\r\n  \n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "skipped " + dir + "/in/bom.jsonl: the file is empty"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"r1"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file whose only line is over --max-size is not called empty, and a re-run does not read it again") {
    const std::string dir = temp_dir("jsonl-only-long-line");
    const std::string db = dir + "/db", dump = dir + "/dump.jsonl";
    write_file(dump, "{\"id\":\"big\",\"text\":\"" + std::string((1u << 20) + 10, 'x') + "\"}\n");
    CliResult r = run(NABA_INDEX_BIN, {"--db", db, "--max-size", "1", dump});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "dump.jsonl:1: the line is longer than 1 MiB"));
    CHECK_FALSE(has(r.err, "empty"));
    CHECK(has(r.err, "skipped 1: too large 1;"));
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, "--max-size", "1", dump});
    CHECK(again.exit_code == 1);
    CHECK(has(again.err, "1 line was skipped when it was indexed (unchanged since"));
    CHECK(!has(again.err, "malformed"));  // the reason is not known any more: none is made up
    CHECK(run(NABA_INDEX_BIN, {"--db", db, "--max-size", "2", dump}).exit_code == 0);
    CHECK(search_ids(db, "*") == Ids{"big"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file named itself and through its folder is read once, and stays under its folder") {
    const std::string dir = temp_dir("jsonl-named-and-walked");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/sub/d.jsonl", "{\"id\":\"j1\",\"text\":\"json\"}\n");
    CliResult first = run(NABA_INDEX_BIN, {"--db", db, in + "/sub/d.jsonl", in});
    CHECK(first.exit_code == 0);
    CHECK(!has(first.err, "already appeared"));
    CHECK(has(first.err, "1 document indexed into " + db + " (1 new, 0 replaced), 0 unchanged"));
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, in, in + "/sub/d.jsonl"});
    CHECK(has(again.err, "0 documents indexed into " + db + " (0 new, 0 replaced), 1 unchanged, 0 removed"));
    // Its documents belong to the folder: the file gone from it, they go too.
    fs::remove(in + "/sub/d.jsonl");
    CliResult gone = run(NABA_INDEX_BIN, {"--db", db, in});
    CHECK(has(gone.err, "1 removed"));
    CHECK(search_ids(db, "*").empty());
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file and a symbolic link to it in the same folder (latest.jsonl) are read once, as the file") {
    // Otherwise every record is read twice and warned about as a repeated id, on
    // every run the dump changes.
    const std::string dir = temp_dir("jsonl-latest-link");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/2025-03-18.jsonl", "{\"id\":\"j1\",\"text\":\"json\"}\n{\"id\":\"j2\",\"text\":\"more\"}\n");
    fs::create_symlink("2025-03-18.jsonl", in + "/latest.jsonl");
    fs::create_symlink("2025-03-18.jsonl", in + "/0-first.jsonl");  // sorts before the file
    CliResult first = run(NABA_INDEX_BIN, {"--db", db, in});
    CHECK(first.exit_code == 0);
    CHECK(!has(first.err, "already appeared"));
    CHECK(has(first.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged"));
    CHECK(run(NABA_SEARCH_BIN, {"--db", db, "--format", "paths", "json"}).out == in + "/2025-03-18.jsonl\n");
    CliResult again = run(NABA_INDEX_BIN, {"--db", db, in});
    CHECK(has(again.err, "0 documents indexed into " + db + " (0 new, 0 replaced), 2 unchanged, 0 removed"));
    fs::remove_all(dir);
}

TEST_CASE("a stray NUL byte in the first JSONL record skips that line, not the whole dump") {
    const std::string dir = temp_dir("jsonl-nul-first");
    const char dump[] = "{\"id\":\"r1\",\"text\":\"o\0ne\"}\n{\"id\":\"r2\",\"text\":\"two\"}\n{\"id\":\"r3\",\"text\":\"three\"}\n";
    const char wide_be[] = "\0{\0\"\0i\0d\0\"\0:\0\"\0w\0\"\0}\0\n";  // UTF-16BE
    write_file(dir + "/in/dump.jsonl", std::string(dump, sizeof dump - 1));
    write_file(dir + "/in/wide.jsonl", std::string(wide_be, sizeof wide_be - 1));
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "dump.jsonl:1: a NUL byte"));
    CHECK(has(r.err, "wide.jsonl: the file contains NUL bytes"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"r2", "r3"});
    fs::remove_all(dir);
}

TEST_CASE("a pipe or socket named like an input is reported, not read (no hang) and not dropped silently") {
    const std::string dir = temp_dir("special-files");
    write_file(dir + "/in/good.txt", "alpha\n");
    REQUIRE(::mkfifo((dir + "/in/pipe.txt").c_str(), 0644) == 0);
    REQUIRE(::mkfifo((dir + "/in/pipe.jsonl").c_str(), 0644) == 0);
    REQUIRE(::mkfifo((dir + "/in/other-pipe").c_str(), 0644) == 0);  // not named like an input: ignored
    CliResult r = run(NABA_INDEX_BIN, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "skipped " + dir + "/in/pipe.txt: not a regular file"));
    CHECK(has(r.err, "skipped " + dir + "/in/pipe.jsonl: not a regular file"));
    CHECK(!has(r.err, "other-pipe"));
    CHECK(search_ids(dir + "/db", "*") == Ids{"good.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a text or JSONL file that may not be read is reported with the system's reason") {
    // The reason given is the system's, not a guess: it is not always permissions
    // (too many open files, an I/O error).
    const std::string dir = temp_dir("unreadable-files");
    write_file(dir + "/in/good.txt", "alpha\n");
    write_file(dir + "/in/locked.txt", "bravo\n");
    write_file(dir + "/in/locked.jsonl", "{\"id\":\"j1\",\"text\":\"json\"}\n");
    fs::permissions(dir + "/in/locked.txt", fs::perms::none);
    fs::permissions(dir + "/in/locked.jsonl", fs::perms::none);
    CliResult r = index_unprivileged(dir, {"--db", dir + "/db", dir + "/in"});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "locked.txt: cannot read the file: Permission denied"));
    CHECK(has(r.err, "locked.jsonl: cannot read the file: Permission denied"));
    CHECK(has(r.err, "skipped 2: unreadable 2;"));
    // A JSONL file indexed before, touched: the read that hashes it fails alike.
    fs::permissions(dir + "/in/locked.jsonl", fs::perms::owner_read | fs::perms::others_read);
    REQUIRE(index_unprivileged(dir, {"--db", dir + "/db2", dir + "/in/locked.jsonl"}).exit_code == 0);
    fs::permissions(dir + "/in/locked.jsonl", fs::perms::none);
    fs::last_write_time(dir + "/in/locked.jsonl", fs::last_write_time(dir + "/in/locked.jsonl") + std::chrono::seconds(10));
    CliResult again = index_unprivileged(dir, {"--db", dir + "/db2", dir + "/in/locked.jsonl"});
    CHECK(again.exit_code == 1);
    CHECK(has(again.err, "locked.jsonl: cannot read the file: Permission denied"));
    fs::remove_all(dir);
}

TEST_CASE("a file name or record value with control characters is quoted escaped, not sent raw to the terminal") {
    std::string dir = temp_dir("control-names");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/clear\x1b[2J.txt", std::string("binary\0data", 11));                  // skipped: named in the message
    // A date that is not one: warned about, quoted.
    write_file(in + "/d.jsonl", "{\"id\":\"r\",\"text\":\"one\",\"date\":\"\\u001b]0;owned\\u0007\"}\n");
    CliResult r = index(db, {"--verbose", in});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(has(r.err, "clear\\x1B[2J.txt"));
    CHECK(has(r.err, "'\\x1B]0;owned\\x07' is not an ISO 8601 date"));
    fs::remove_all(dir);
}
