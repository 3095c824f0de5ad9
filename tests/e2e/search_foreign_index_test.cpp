// naba-search pointed at a Xapian database that naba-index did not write: it must say
// so when it opens it, whatever the query, and keep searching every kind of Naba
// index (older ones without its metadata, stubs of several). The foreign databases
// are written here with Xapian, as another tool (Omega, a script) would.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include <xapian.h>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::run;

namespace {

// A database of another tool: Omega-style "field=value" data, a few words.
void write_foreign_db(const std::string& dir, int documents) {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = 0; i < documents; ++i) {
        Xapian::Document doc;
        doc.set_data("url=/doc" + std::to_string(i) + "\ncaption=Grain report\n");
        doc.add_term("grain");
        doc.add_term("Q" + std::to_string(i));
        db.add_document(doc);
    }
    db.set_metadata("omega:version", "1");
    db.commit();
}

}  // namespace

TEST_CASE("a Xapian database that naba-index did not write is an error when opened, whatever the query") {
    // It was noticed only when a hit was printed: --count and a query that matched
    // nothing answered from it (exit 0 and 1) as if it were an index.
    const std::string dir = naba::e2e::temp_dir("foreign-db");
    write_foreign_db(dir + "/omega", 3);
    write_foreign_db(dir + "/empty", 0);
    for (const std::string& db : {dir + "/omega", dir + "/empty"}) {
        for (const std::vector<std::string>& args : {std::vector<std::string>{"--count", "*"},
                                                     std::vector<std::string>{"nothingmatchesthis"},
                                                     std::vector<std::string>{"-f", "ids", "grain"}}) {
            std::vector<std::string> all = {"--db", db};
            all.insert(all.end(), args.begin(), args.end());
            CliResult r = run(NABA_SEARCH_BIN, all);
            CAPTURE(db);
            CAPTURE(args[0]);
            CHECK(r.exit_code == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find("naba-search: " + db + " is a Xapian database, but not a Naba index") != std::string::npos);
            CHECK(r.err.find("point --db at a directory made by naba-index") != std::string::npos);
        }
    }
    // A stub whose first database is foreign is refused too.
    std::ofstream(dir + "/mixed.stub") << "auto " << dir << "/omega\nauto " << NABA_SAMPLE_DB << "\n";
    CliResult stub = run(NABA_SEARCH_BIN, {"--db", dir + "/mixed.stub", "--count", "*"});
    CHECK(stub.exit_code == 2);
    CHECK(stub.err.find("not a Naba index") != std::string::npos);
}

TEST_CASE("every database a stub lists is checked, not only the first, and the bad entry is named") {
    // Xapian reads a combined database's metadata from its first database only: a
    // foreign database listed after an index was searched as part of it (exit 0), and
    // a missing one was "cannot read ... check its permissions".
    const std::string dir = naba::e2e::temp_dir("stub-entries");
    write_foreign_db(dir + "/omega", 3);
    const std::string sample = NABA_SAMPLE_DB;
    std::ofstream(dir + "/then-foreign.stub") << "auto " << sample << "\nauto " << dir << "/omega\n";
    std::ofstream(dir + "/then-missing.stub") << "auto " << sample << "\nauto " << dir << "/missing\n";
    std::ofstream(dir + "/missing-first.stub") << "auto " << dir << "/missing\nauto " << sample << "\n";
    std::ofstream(dir + "/no-path.stub") << "auto " << sample << "\nauto\n";
    std::ofstream(dir + "/inner.stub") << "auto omega\n";  // relative to the stub's folder
    std::ofstream(dir + "/nested.stub") << "auto " << sample << "\nauto inner.stub\n";
    const std::string foreign = ", which is a Xapian database but not a Naba index (naba-index did not write it)";
    const std::string missing = ", which does not exist; correct or remove that line";
    const std::pair<std::string, std::string> cases[] = {
        {"then-foreign.stub", "lists " + dir + "/omega" + foreign},
        {"nested.stub", "lists " + dir + "/omega" + foreign},
        {"then-missing.stub", "lists " + dir + "/missing" + missing},
        {"missing-first.stub", "lists " + dir + "/missing" + missing},
        {"no-path.stub", ": line 2 is 'auto' with no path; write the index's directory"},
    };
    for (const auto& [stub, message] : cases) {
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"--count", "grain"}, std::vector<std::string>{"-f", "ids", "grain"}}) {
            std::vector<std::string> all = {"--db", dir + "/" + stub};
            all.insert(all.end(), args.begin(), args.end());
            CliResult r = run(NABA_SEARCH_BIN, all);
            CAPTURE(stub);
            CHECK(r.exit_code == 2);
            CHECK(r.out.empty());
            CHECK(r.err.find("naba-search: " + dir + "/" + stub + (message[0] == ':' ? "" : " ") + message) !=
                  std::string::npos);
        }
    }
}

TEST_CASE("an empty stub file is an error that says it names no database") {
    // It was "InvalidArgumentError: Can't make an Enquire object from an uninitialised
    // Database object."
    const std::string dir = naba::e2e::temp_dir("empty-stub");
    std::ofstream(dir + "/empty.stub") << "";
    CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/empty.stub", "grain"});
    CHECK(r.exit_code == 2);
    CHECK(r.err == "naba-search: " + dir + "/empty.stub is a stub file that names no database; list indexes in it "
                   "(auto DIR), or point --db at a directory made by naba-index\n");
}

TEST_CASE("Naba indexes without naba-index's metadata, and stubs of several, are still searched") {
    // An index from before naba-index recorded its kind of stems is known by its records.
    const std::string dir = naba::e2e::temp_dir("naba-kinds");
    std::filesystem::copy(NABA_SAMPLE_DB, dir + "/old");
    {
        Xapian::WritableDatabase old(dir + "/old");
        for (const char* key : {"naba:stemming", "naba:entities:fingerprint", "naba:building"}) old.set_metadata(key, "");
        old.commit();
    }
    const std::vector<std::string> sample =
        lines(run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "-f", "ids", "-n", "100", "grain"}).out);
    REQUIRE(sample.size() > 2);
    CliResult old = run(NABA_SEARCH_BIN, {"--db", dir + "/old", "-f", "ids", "-n", "100", "grain"});
    CHECK(old.exit_code == 0);
    CHECK(lines(old.out) == sample);
    std::ofstream(dir + "/both.stub") << "auto " << NABA_SAMPLE_DB << "\nauto " << dir << "/old\n";
    CliResult both = run(NABA_SEARCH_BIN, {"--db", dir + "/both.stub", "--count", "grain"});
    CHECK(both.exit_code == 0);
    CHECK(both.out == std::to_string(2 * sample.size()) + "\n");
    // A shard of a build in progress, listed by a stub: marked as being built.
    std::filesystem::copy(dir + "/old", dir + "/shard");
    {
        Xapian::WritableDatabase shard(dir + "/shard");
        shard.set_metadata("naba:building", "1");
        shard.commit();
    }
    std::ofstream(dir + "/building.stub") << "auto " << dir << "/shard\n";
    CliResult building = run(NABA_SEARCH_BIN, {"--db", dir + "/building.stub", "-f", "ids", "-n", "100", "grain"});
    CHECK(building.exit_code == 0);
    CHECK(lines(building.out) == sample);
    CHECK(building.err.find("is still being built") != std::string::npos);
}

TEST_CASE("a stub that leads back to itself is an error, not a crash") {
    // Xapian followed it until its stack overflowed: a segfault.
    const std::string dir = naba::e2e::temp_dir("stub-circle");
    std::ofstream(dir + "/self.stub") << "auto " << dir << "/self.stub\n";
    std::filesystem::create_directories(dir + "/folder");
    std::ofstream(dir + "/folder/XAPIANDB") << "auto ../outer.stub\n";
    std::ofstream(dir + "/outer.stub") << "auto " << NABA_SAMPLE_DB << "\nauto folder\n";
    for (const std::string stub : {"/self.stub", "/outer.stub", "/folder"}) {
        CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + stub, "grain"});
        CAPTURE(stub);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(dir + stub + " is a stub that leads back to itself (") != std::string::npos);
    }
    // The same index twice is no circle.
    std::ofstream(dir + "/twice.stub") << "auto " << NABA_SAMPLE_DB << "\nauto " << NABA_SAMPLE_DB << "\n";
    CHECK(run(NABA_SEARCH_BIN, {"--db", dir + "/twice.stub", "--count", "grain"}).exit_code == 0);
}

TEST_CASE("a stub line that Xapian cannot read is named as such, not as a database that is not an index") {
    // Xapian's "Bad line" was reported as "<stub> is not a Naba index (...: Bad line)".
    const std::string dir = naba::e2e::temp_dir("stub-bad-lines");
    const std::string sample = NABA_SAMPLE_DB;
    const std::string bad_lines[] = {"remote ", "remote 127.0.0.1", "bogus x", " auto " + sample, "inmemory x"};
    for (const std::string& bad : bad_lines) {
        std::ofstream(dir + "/bad.stub") << "# a comment\nauto " << sample << "\n" << bad << "\n";
        CliResult r = run(NABA_SEARCH_BIN, {"--db", dir + "/bad.stub", "--count", "grain"});
        CAPTURE(bad);
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "naba-search: " + dir + "/bad.stub: line 3 is not a line of a Xapian stub; write 'auto DIR' for "
                       "an index here, 'remote HOST:PORT' for one served by xapian-tcpsrv\n");
    }
    // In a stub the stub names, the line is named with its file.
    std::ofstream(dir + "/inner.stub") << "bogus\n";
    std::ofstream(dir + "/outer.stub") << "auto " << sample << "\nauto inner.stub\n";
    CliResult nested = run(NABA_SEARCH_BIN, {"--db", dir + "/outer.stub", "--count", "grain"});
    CHECK(nested.err.starts_with("naba-search: " + dir + "/outer.stub: line 1 of " + dir + "/inner.stub is not a line"));
}

TEST_CASE("a single-file index (xapian-compact --single-file) is searched, directly and listed in a stub") {
    // Under 1 MiB such a file was read as a stub, line by line.
    const std::string dir = naba::e2e::temp_dir("single-file");
    REQUIRE(run("xapian-compact", {"--single-file", NABA_SAMPLE_DB, dir + "/single.glass"}).exit_code == 0);
    REQUIRE(std::filesystem::file_size(dir + "/single.glass") < (1 << 20));
    const std::string count = run(NABA_SEARCH_BIN, {"--db", NABA_SAMPLE_DB, "--count", "grain"}).out;
    CliResult direct = run(NABA_SEARCH_BIN, {"--db", dir + "/single.glass", "--count", "grain"});
    CHECK(direct.err.empty());
    CHECK(direct.out == count);
    std::ofstream(dir + "/single.stub") << "auto single.glass\n";
    CliResult listed = run(NABA_SEARCH_BIN, {"--db", dir + "/single.stub", "--count", "grain"});
    CHECK(listed.err.empty());
    CHECK(listed.out == count);
}
