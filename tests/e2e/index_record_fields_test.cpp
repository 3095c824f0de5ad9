// naba-index on JSONL record fields that news dumps write in more than one way: dates
// with a month or a year only, and ids that are JSON numbers.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli_runner.h"
#include "index_fixtures.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

// naba-search's output for `args` on the index at `db`.
std::string search(const std::string& db, const std::vector<std::string>& args) {
    std::vector<std::string> all = {"--db", db};
    all.insert(all.end(), args.begin(), args.end());
    return run(NABA_SEARCH_BIN, all).out;
}

}  // namespace

TEST_CASE("a record dated with a month or a year only is dated its first day, and date filters find it") {
    const std::string dir = temp_dir("record-dates"), db = dir + "/db", in = dir + "/d.jsonl";
    write_file(in,
               "{\"id\":\"month\",\"text\":\"grain talks\",\"date\":\"2025-03\"}\n"
               "{\"id\":\"year\",\"text\":\"grain talks\",\"date\":\"2024\"}\n"
               "{\"id\":\"day\",\"text\":\"grain talks\",\"date\":\"2025-03-18\"}\n"
               "{\"id\":\"bad\",\"text\":\"grain talks\",\"date\":\"2025-13\"}\n");
    const CliResult r = index(db, {in});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "date '2025-13' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY); stored without a date"));
    CHECK_FALSE(has(r.err, "'2025-03'"));
    CHECK(search_ids(db, "grain date:2025-03") == Ids{"day", "month"});
    CHECK(search_ids(db, "grain date:2024") == Ids{"year"});
    CHECK(search_ids(db, "grain date:2024-01-01") == Ids{"year"});
    CHECK(search_ids(db, "grain date:2025-03-02..") == Ids{"day"});
    CHECK(search(db, {"-f", "tsv", "--fields", "id,date", "--sort", "date", "grain"}) ==
          "bad\t\nyear\t2024-01-01\nmonth\t2025-03-01\nday\t2025-03-18\n");
    fs::remove_all(dir);
}

TEST_CASE("a number id is one document however the number is written, the same as its string") {
    const std::string dir = temp_dir("number-ids"), db = dir + "/db", in = dir + "/n.jsonl";
    write_file(in,
               "{\"id\":1,\"text\":\"plain\"}\n"
               "{\"id\":1.0,\"text\":\"point\"}\n"
               "{\"id\":1e0,\"text\":\"exponent\"}\n"
               "{\"id\":\"1\",\"text\":\"string\"}\n"
               "{\"id\":2.50,\"text\":\"fraction\"}\n"
               "{\"id\":12345678901234567890,\"text\":\"wide\"}\n"
               "{\"id\":12345678901234567891,\"text\":\"wider\"}\n");
    const CliResult r = index(db, {in});
    CHECK(r.exit_code == 0);
    CHECK(has(r.err, "n.jsonl:3: id '1' already appeared in this run"));
    CHECK(search_ids(db, "*") == Ids{"1", "12345678901234567890", "12345678901234567891", "2.5"});
    CHECK(search_ids(db, "id:1") == Ids{"1"});
    CHECK(search_ids(db, "string") == Ids{"1"});  // the last of the four
    CHECK(search_ids(db, "id:2.5") == Ids{"2.5"});

    // Unchanged on a re-run; and the same record written 1.0 in a later dump is still id 1.
    CHECK(has(index(db, {in}).err, "0 documents indexed"));
    write_file(in, "{\"id\":1.0,\"text\":\"again\"}\n");
    CHECK(index(db, {in}).exit_code == 0);
    CHECK(search_ids(db, "*") == Ids{"1"});
    CHECK(search_ids(db, "again") == Ids{"1"});
    fs::remove_all(dir);
}
