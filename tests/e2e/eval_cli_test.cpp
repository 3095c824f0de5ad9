// bench/eval and naba-trec-eval on a small hostile test set written by the test: a
// byte order mark, CRLF line ends, a last line without a newline, ids with '%', '/',
// ':' and a number id, a replaced duplicate id, graded qrels, a relevant document
// absent from the corpus, an empty query, a query without qrels and qrels for a query
// not asked. Each query finds exactly one document, so the figures are hand-computed
// and the same for every engine run (Naba, and SQLite FTS5 when it is built; the
// Lucene run needs a JDK and is left to bench/eval itself).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::run;

namespace {

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The set; its figures:
//   averaged: q1 q.2/x q3 q4 q5 q6 (asked, with a relevant document); not q7 (no qrels),
//   not q-unasked (not in queries.tsv).
//   q1, q.2/x, q4: the one relevant document first: 1 on every metric.
//   q3: '7' (rel 2, id 7.0 in the corpus) first, 'absent' (rel 1) in no corpus:
//       MRR 1, R 1/2, nDCG 2 / (2 + 1/log2(3)) = 0.7601875.
//   q5: its relevant 'dup' was replaced by a later 'dup' about something else: 0.
//   q6: empty query text: 0.
//   MRR@10 = 4/6 = 0.6667; R@10 = R@100 = 3.5/6 = 0.5833;
//   nDCG@10 = (3 + 0.7601875)/6 = 0.6267.
std::string make_set(const std::string& name) {
    const std::string dir = naba::e2e::temp_dir(name);
    write(dir + "/corpus.jsonl",
          "\xEF\xBB\xBF{\"id\": \"id-1%\", \"title\": \"Zanzibar\", \"text\": \"zanzibar ferry schedule\"}\r\n"
          "{\"id\": \"d/2:x\", \"text\": \"quokka habitat survey\", \"date\": \"2024-01-02\", \"url\": \"http://q\"}\r\n"
          "{\"id\": 7.0, \"text\": \"narwhal tusk study\", \"lang\": \"en\"}\r\n"
          "{\"id\": \"dup\", \"text\": \"old text about pelicans\"}\r\n"
          "{\"id\": \"doc 5\", \"text\": \"an id with a space, which no qrels line can name\"}\r\n"
          "{\"id\": \"dup\", \"text\": \"axolotl regeneration\"}");
    write(dir + "/queries.tsv",
          "\xEF\xBB\xBFq1\tzanzibar\r\nq.2/x\tquokka\r\nq3\tnarwhal\r\nq4\taxolotl\r\nq5\tpelicans\r\n"
          "q6\t\r\nq7\tzanzibar");
    write(dir + "/qrels.txt",
          "q1 0 id-1% 1\r\nq1 0 d/2:x 0\r\nq.2/x 0 d/2:x 3\r\nq3 0 7 2\r\nq3 0 absent 1\r\nq4 0 dup 1\r\n"
          "q5 0 dup 1\r\nq6 0 d/2:x 1\r\nq-unasked 0 id-1% 1");
    return dir;
}

CliResult eval(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"NABA_BUILD_DIR=" NABA_BUILD_DIR, NABA_EVAL_SCRIPT, "--no-build", "--no-lucene"};
    if (!std::filesystem::exists(NABA_BUILD_DIR "/bench/naba-fts5-baseline")) all.push_back("--no-fts5");
    all.insert(all.end(), args.begin(), args.end());
    return run("env", all);
}

// The aligned table's row of a set: its words.
std::vector<std::string> row_of(const std::string& out, const std::string& name) {
    for (const auto& line : naba::e2e::lines(out))
        if (line.rfind(name + " ", 0) == 0) {
            std::vector<std::string> words;
            std::istringstream in(line);
            for (std::string w; in >> w;)
                if (w != "|") words.push_back(w);
            return words;
        }
    return {};
}

}  // namespace

TEST_CASE("bench/eval scores a hostile set as computed by hand, every engine over the same queries") {
    const std::string dir = make_set("eval-hostile");
    CliResult r = eval({dir});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string name = std::filesystem::path(dir).filename().string();
    std::vector<std::string> row = row_of(r.out, name);
    REQUIRE(row.size() == 14);  // name, queries, 4 figures for each of three engines
    CHECK(row[1] == "6");
    const std::vector<std::string> expected{"0.6667", "0.5833", "0.5833", "0.6267"};
    CHECK(std::vector<std::string>(row.begin() + 2, row.begin() + 6) == expected);  // Naba
    if (std::filesystem::exists(NABA_BUILD_DIR "/bench/naba-fts5-baseline"))
        CHECK(std::vector<std::string>(row.begin() + 10, row.begin() + 14) == expected);  // FTS5
    CHECK(r.err.find("averages over 6 queries of queries.tsv with a relevant document; 1 queries without one "
                     "are not averaged; 1 judged queries not in queries.tsv are not averaged") != std::string::npos);
    CHECK(r.err.find("without results (scored 0): naba 2") != std::string::npos);  // q5 q6
    CHECK(r.err.find("1 of 8 relevant judgments in qrels.txt name a document the corpus does not have (e.g. "
                     "absent)") != std::string::npos);
}

TEST_CASE("bench/eval stops before indexing on a set missing a file or with a malformed line, naming it") {
    const std::string dir = make_set("eval-broken");
    std::filesystem::remove(dir + "/qrels.txt");
    CliResult missing = eval({dir});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find(dir + "/qrels.txt is missing") != std::string::npos);

    write(dir + "/qrels.txt", "q1 0 id-1% 1\nq1 0 d/2:x\n");
    CliResult bad_qrels = eval({dir});
    CHECK(bad_qrels.exit_code == 2);
    CHECK(bad_qrels.err.find(dir + "/qrels.txt:2: expected 'qid iter docid rel', found 3 fields") !=
          std::string::npos);
    CHECK(bad_qrels.err.find("indexing") == std::string::npos);

    write(dir + "/qrels.txt", "q1 0 id-1% 1\n");
    write(dir + "/queries.tsv", "q1\tzanzibar\nq2 quokka\n");
    CliResult bad_queries = eval({dir});
    CHECK(bad_queries.exit_code == 2);
    CHECK(bad_queries.err.find(dir + "/queries.tsv:2: no tab: expected 'qid<TAB>query'") != std::string::npos);
}

TEST_CASE("naba-trec-eval decodes naba-search's escaped ids and averages over the queries file's queries") {
    const std::string dir = naba::e2e::temp_dir("trec-eval");
    write(dir + "/qrels", "q1 0 100% 1\nq2 0 x 1\nq3 0 y 1\n");
    write(dir + "/queries", "q1\ta\nq2\tb\n");
    write(dir + "/run", "q1 Q0 other 1 2.0 t\nq1 Q0 100%25 2 1.0 t\n");
    CliResult r = run(NABA_TREC_EVAL_BIN, {"--format", "tsv", "--percent-ids", "--queries", dir + "/queries",
                                           dir + "/qrels", dir + "/run"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("queries\t2\n") != std::string::npos);                  // q1 q2, not q3
    CHECK(r.out.find("qrels_queries_not_asked\t1\n") != std::string::npos);  // q3
    CHECK(r.out.find("MRR@10\t0.2500\n") != std::string::npos);              // (1/2 + 0) / 2
}
