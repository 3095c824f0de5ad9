// What scripts that evaluate runs rely on: a trec run whose order trec_eval keeps
// (it orders by the score column, not by rank), and a warning when a --batch file
// gives a qid twice (trec_eval and joins by qid merge their results).
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

using naba::e2e::CliResult;
using naba::e2e::lines;
using naba::e2e::search_sample;

namespace {

struct RunLine {
    std::string id;
    long rank = 0;
    double score = 0;
};

std::vector<RunLine> run_lines(const std::string& out) {
    std::vector<RunLine> run;
    for (const std::string& line : lines(out)) {
        std::istringstream in(line);
        std::string qid, q0, tag;
        RunLine r;
        in >> qid >> q0 >> r.id >> r.rank >> r.score >> tag;
        run.push_back(r);
    }
    return run;
}

}  // namespace

TEST_CASE("a trec run's scores decrease with its ranks under every sort, so trec_eval keeps its order") {
    // With --sort date the scores were BM25's, and trec_eval put the run back in BM25 order.
    for (const std::string sort : {"relevance", "date", "-date"}) {
        CAPTURE(sort);
        const std::string query = "grain OR odesa OR ceasefire OR talks";
        const std::vector<RunLine> run = run_lines(search_sample({"-f", "trec", "--sort", sort, "-n", "20", query}).out);
        REQUIRE(run.size() > 5);
        for (std::size_t i = 1; i < run.size(); ++i) {
            CHECK(run[i].rank == run[i - 1].rank + 1);
            if (sort == "relevance") CHECK(run[i].score <= run[i - 1].score);
            else CHECK(run[i].score < run[i - 1].score);
        }
    }
    // The date order itself is kept: the same ids as -f ids prints, in its order.
    const std::vector<RunLine> run =
        run_lines(search_sample({"-f", "trec", "--sort", "date", "--offset", "2", "grain"}).out);
    const std::vector<std::string> ids =
        lines(search_sample({"-f", "ids", "--sort", "date", "--offset", "2", "grain"}).out);
    REQUIRE(run.size() == ids.size());
    for (std::size_t i = 0; i < run.size(); ++i) {
        CHECK(run[i].id == ids[i]);
        CHECK(run[i].score == -static_cast<double>(run[i].rank));
    }
}

TEST_CASE("a qid given twice in --batch is a warning that names both lines, and changes no exit status") {
    const std::string queries = "q1\tgrain\nq2\todesa\n\nq1\tceasefire\n3\tgrain\nzzzzqqq\n";
    CliResult r = search_sample({"--batch", "-", "-f", "ids", "-n", "1"}, queries);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("line 4: warning: qid q1 was given on line 1 too") != std::string::npos);
    // A plain query's qid is its line number: line 6's is 6, not the 3 given on line 5.
    CHECK(r.err.find("line 6:") == std::string::npos);
    CHECK(lines(r.out).size() == 4);
    CliResult none = search_sample({"--batch", "-", "-f", "ids"}, "a\tzzzzqqq\na\tqqqqzzzz\n");
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("line 2: warning: qid a was given on line 1 too") != std::string::npos);
    CliResult distinct = search_sample({"--batch", "-", "-f", "ids"}, "a\tgrain\nb\tgrain\n");
    CHECK(distinct.err.find("warning") == std::string::npos);
}
