#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "trec_metrics.h"

using namespace naba::bench;

namespace {

Qrels qrels_of(const std::string& text) {
    std::istringstream in(text);
    return read_qrels(in);
}

Run run_of(const std::string& text) {
    std::istringstream in(text);
    return read_run(in);
}

// log2 values used below: log2(2) = 1, log2(3) = 1.5849625, log2(4) = 2, log2(5) = 2.3219281
constexpr double kInvLog2_3 = 0.6309297535714575;  // 1 / log2(3)
constexpr double kInvLog2_5 = 0.4306765580733931;  // 1 / log2(5)

// The hand-computed case.
//
// q1, binary: relevant a, b, c. The run ranks x a y b n1..n7 c (c at rank 12; the run
// is written out of order on purpose, it is ranked by score).
//   MRR@10  = 1/2 (a at rank 2)                                    = 0.5
//   R@10    = |{a, b}| / 3                                          = 0.6666667
//   R@100   = |{a, b, c}| / 3                                       = 1
//   DCG@10  = 1/log2(2+1) + 1/log2(4+1) = 0.6309298 + 0.4306766     = 1.0616064
//   IDCG@10 = 1/log2(2) + 1/log2(3) + 1/log2(4) = 1 + 0.6309298 + 0.5 = 2.1309298
//   nDCG@10 = 1.0616064 / 2.1309298                                 = 0.4981893
//
// q2, graded: d rel 2, e rel 1, f judged 0. The run ranks e f d.
//   MRR@10  = 1/1                                                  = 1
//   R@10    = R@100 = 2/2                                           = 1
//   DCG@10  = 1/log2(2) + 0/log2(3) + 2/log2(4) = 1 + 0 + 1          = 2
//   IDCG@10 = 2/log2(2) + 1/log2(3) = 2 + 0.6309298                 = 2.6309298
//   nDCG@10 = 2 / 2.6309298                                         = 0.7601875
//
// q3: relevant g, absent from the run: 0 on every metric, but still averaged in.
// q4: only judged non-relevant: not evaluated (nothing to find).
// q9: in the run, not in the qrels: ignored.
//
// Means over q1, q2, q3 (3 queries):
//   MRR@10  = (0.5 + 1 + 0) / 3                        = 0.5
//   R@10    = (2/3 + 1 + 0) / 3 = 5/9                  = 0.5555556
//   R@100   = (1 + 1 + 0) / 3                          = 0.6666667
//   nDCG@10 = (0.4981893 + 0.7601875 + 0) / 3          = 0.4194589
const char* kQrels =
    "q1 0 a 1\n"
    "q1 0 b 1\n"
    "q1 0 c 1\n"
    "q1 0 z 0\n"
    "q2 0 d 2\n"
    "q2 0 e 1\n"
    "q2 0 f 0\n"
    "q3 0 g 1\n"
    "q4 0 h 0\n";

const char* kRun =
    "q1 Q0 a 2 11.0 t\n"
    "q1 Q0 x 1 12.0 t\n"
    "q1 Q0 y 3 10.0 t\n"
    "q1 Q0 b 4 9.0 t\n"
    "q1 Q0 n1 5 8.0 t\n"
    "q1 Q0 n2 6 7.0 t\n"
    "q1 Q0 n3 7 6.0 t\n"
    "q1 Q0 n4 8 5.0 t\n"
    "q1 Q0 n5 9 4.0 t\n"
    "q1 Q0 n6 10 3.0 t\n"
    "q1 Q0 n7 11 2.0 t\n"
    "q1 Q0 c 12 1.0 t\n"
    "q2\tQ0\te\t1\t3.5\tt\n"
    "q2\tQ0\tf\t2\t2.5\tt\n"
    "q2\tQ0\td\t3\t1.5\tt\n"
    "q9 Q0 a 1 1.0 t\n";

}  // namespace

TEST_CASE("trec metrics: per-query values of the hand-computed case") {
    Qrels qrels = qrels_of(kQrels);
    Run run = run_of(kRun);

    QueryMetrics q1 = evaluate_query(qrels.at("q1"), ranked_docids(run.at("q1")));
    CHECK(q1.mrr10 == doctest::Approx(0.5));
    CHECK(q1.recall10 == doctest::Approx(2.0 / 3.0));
    CHECK(q1.recall100 == doctest::Approx(1.0));
    CHECK(q1.ndcg10 == doctest::Approx((kInvLog2_3 + kInvLog2_5) / (1.0 + kInvLog2_3 + 0.5)));
    CHECK(q1.ndcg10 == doctest::Approx(0.4981893).epsilon(1e-6));

    QueryMetrics q2 = evaluate_query(qrels.at("q2"), ranked_docids(run.at("q2")));
    CHECK(q2.mrr10 == doctest::Approx(1.0));
    CHECK(q2.recall10 == doctest::Approx(1.0));
    CHECK(q2.recall100 == doctest::Approx(1.0));
    CHECK(q2.ndcg10 == doctest::Approx(2.0 / (2.0 + kInvLog2_3)));
    CHECK(q2.ndcg10 == doctest::Approx(0.7601875).epsilon(1e-6));
}

TEST_CASE("trec metrics: averages count queries without results as 0") {
    Evaluation e = evaluate(qrels_of(kQrels), run_of(kRun));
    CHECK(e.queries == 3);                        // q1 q2 q3
    CHECK(e.queries_without_results == 1);        // q3
    CHECK(e.qrels_queries_without_relevant == 1); // q4
    CHECK(e.unjudged_run_queries == 1);           // q9
    CHECK(e.per_query.count("q3") == 1);
    CHECK(e.per_query.at("q3").mrr10 == 0.0);
    CHECK(e.mean.mrr10 == doctest::Approx(0.5));
    CHECK(e.mean.recall10 == doctest::Approx(5.0 / 9.0));
    CHECK(e.mean.recall100 == doctest::Approx(2.0 / 3.0));
    CHECK(e.mean.ndcg10 == doctest::Approx(0.4194589).epsilon(1e-6));
}

TEST_CASE("trec metrics: cut-offs at 10 and 100") {
    std::map<std::string, int> judged{{"r", 1}};
    std::vector<std::string> ranking;
    for (int i = 1; i <= 10; ++i) ranking.push_back("n" + std::to_string(i));
    ranking.push_back("r");  // rank 11: outside every @10 metric, inside @100
    QueryMetrics at11 = evaluate_query(judged, ranking);
    CHECK(at11.mrr10 == 0.0);
    CHECK(at11.recall10 == 0.0);
    CHECK(at11.ndcg10 == 0.0);
    CHECK(at11.recall100 == 1.0);

    ranking.pop_back();
    for (int i = 11; i <= 100; ++i) ranking.push_back("n" + std::to_string(i));
    ranking.push_back("r");  // rank 101: outside R@100
    CHECK(evaluate_query(judged, ranking).recall100 == 0.0);

    // rank 10 is inside: 1/10, and nDCG = (1/log2(11)) / (1/log2(2)) = 0.2890648
    std::vector<std::string> at10(ranking.begin(), ranking.begin() + 9);
    at10.push_back("r");
    QueryMetrics m10 = evaluate_query(judged, at10);
    CHECK(m10.mrr10 == doctest::Approx(0.1));
    CHECK(m10.recall10 == 1.0);
    CHECK(m10.ndcg10 == doctest::Approx(0.2890648).epsilon(1e-6));
}

TEST_CASE("trec metrics: ranking by score, ties by docid in decreasing byte order as trec_eval, repeats once") {
    // trec_eval (form_res_rels.c, comp_sim_docno) sorts by score, then strcmp(docid) from
    // the highest: the rank column is not read. Hand-computed order: d (6.0), then the
    // 5.0 ties c, b, a, whatever their ranks say.
    Run run = run_of(
        "q Q0 b 1 5.0 t\n"
        "q Q0 a 2 5.0 t\n"
        "q Q0 c 3 5.0 t\n"
        "q Q0 d 4 6.0 t\n"
        "q Q0 a 5 3.0 t\n");  // a repeated: counts at its best position only
    CHECK(ranked_docids(run.at("q")) == std::vector<std::string>{"d", "c", "b", "a"});

    // relevant a at rank 4: MRR 1/4, nDCG 1/log2(5) = 0.4306766
    QueryMetrics m = evaluate_query({{"a", 1}}, ranked_docids(run.at("q")));
    CHECK(m.mrr10 == doctest::Approx(0.25));
    CHECK(m.ndcg10 == doctest::Approx(kInvLog2_5));
    CHECK(evaluate(qrels_of("q 0 a 1\n"), run).repeated_run_docids == 1);

    // bytes compare unsigned, as strcmp: a non-ASCII docid sorts above every ASCII one
    Run bytes = run_of("q Q0 z 1 1.0 t\nq Q0 \xC3\xA9 2 1.0 t\n");
    CHECK(ranked_docids(bytes.at("q")) == std::vector<std::string>{"\xC3\xA9", "z"});
}

TEST_CASE("trec metrics: graded qrels with several relevant documents, one absent from the corpus") {
    // a rel 3, b rel 2, m rel 1 (no such document: no run can find it), x judged 0.
    // The run ranks b x a.
    //   MRR@10  = 1 (b, rel 2 > 0)
    //   R@10    = 2/3 (m counts as relevant)
    //   DCG@10  = 2/log2(2) + 0/log2(3) + 3/log2(4) = 2 + 0 + 1.5      = 3.5
    //   IDCG@10 = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5 = 4.7618595
    //   nDCG@10 = 3.5 / 4.7618595                                      = 0.7350070
    std::map<std::string, int> judged{{"a", 3}, {"b", 2}, {"m", 1}, {"x", 0}};
    QueryMetrics m = evaluate_query(judged, {"b", "x", "a"});
    CHECK(m.mrr10 == doctest::Approx(1.0));
    CHECK(m.recall10 == doctest::Approx(2.0 / 3.0));
    CHECK(m.recall100 == doctest::Approx(2.0 / 3.0));
    CHECK(m.ndcg10 == doctest::Approx(0.7350070).epsilon(1e-6));

    // rel 0 and negative grades are not relevant: ranked above a, x (0) and y (-1) only
    // push it to rank 3
    QueryMetrics judged_first = evaluate_query({{"a", 1}, {"x", 0}, {"y", -1}}, {"x", "y", "a"});
    CHECK(judged_first.mrr10 == doctest::Approx(1.0 / 3.0));
    CHECK(judged_first.ndcg10 == doctest::Approx(0.5));  // 1/log2(4) over 1/log2(2)
}

TEST_CASE("trec metrics: the queries file sets which queries are averaged, the same for every run") {
    // q1 q2: asked and judged relevant -> averaged. q3: asked, only judged 0. q4: asked,
    // no qrels. q5: judged relevant, not asked. The run answers q1 (relevant first) and
    // q4; not q2 (an engine that failed on it), which scores 0.
    Qrels qrels = qrels_of("q1 0 a 1\nq2 0 b 2\nq3 0 c 0\nq5 0 d 1\n");
    Run run = run_of("q1 Q0 a 1 2.0 t\nq4 Q0 a 1 2.0 t\n");
    std::istringstream queries("q1\tw\nq2\tw\nq3\tw\nq4\tw\n");
    Evaluation e = evaluate(qrels, run, read_query_ids(queries));
    CHECK(e.queries == 2);
    CHECK(e.mean.mrr10 == doctest::Approx(0.5));
    CHECK(e.mean.ndcg10 == doctest::Approx(0.5));
    CHECK(e.queries_without_results == 1);         // q2
    CHECK(e.asked_queries_without_relevant == 2);  // q3 q4
    CHECK(e.qrels_queries_not_asked == 1);         // q5
    CHECK(e.qrels_queries_without_relevant == 1);  // q3
    CHECK(e.unjudged_run_queries == 1);            // q4

    // without the queries file q5 is averaged in too, unanswered: 1/3
    CHECK(evaluate(qrels, run).mean.mrr10 == doctest::Approx(1.0 / 3.0));
}

TEST_CASE("trec metrics: queries files with a byte order mark, CRLF, odd qids and errors naming the line") {
    std::istringstream good(
        "\xEF\xBB\xBFq1\tfirst\r\n\r\n"
        "q.2/x:y-\xD8\xB3\t\r\n"   // a qid of '.', '/', ':', '-' and Arabic; empty query text
        "q3\tlast line, no newline");
    CHECK(read_query_ids(good) == std::set<std::string>{"q1", "q.2/x:y-\xD8\xB3", "q3"});

    auto ids_of = [](const std::string& text) {
        std::istringstream in(text);
        return read_query_ids(in, "queries.tsv");
    };
    CHECK_THROWS_WITH_AS(ids_of("q1\ta\nq2 b\n"), "queries.tsv:2: no tab: expected 'qid<TAB>query'",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(ids_of("\tquery\n"), "queries.tsv:1: empty qid before the tab", std::runtime_error);
    CHECK_THROWS_WITH_AS(ids_of("q 1\tquery\n"),
                         "queries.tsv:1: the qid 'q 1' has white space, which a TREC run cannot hold",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(ids_of("q1\ta\nq2\tb\nq1\tc\n"),
                         "queries.tsv:3: the qid 'q1' was given on line 1 too: the runs would merge the two "
                         "queries' results",
                         std::runtime_error);
}

TEST_CASE("trec metrics: qrels and runs with a byte order mark and CRLF line ends") {
    Qrels qrels = qrels_of("\xEF\xBB\xBFq1 0 a 2\r\nq1 0 b 0\r\nq2 0 c 1");
    CHECK(qrels.at("q1").at("a") == 2);
    CHECK(qrels.at("q1").at("b") == 0);
    CHECK(qrels.at("q2").at("c") == 1);
    Run run = run_of("\xEF\xBB\xBFq1 Q0 a 1 1.5 t\r\nq1 Q0 b 2 1.0 t\r\n");
    CHECK(ranked_docids(run.at("q1")) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("trec metrics: percent-escaped run docids, as naba-search writes them, match the qrels") {
    std::istringstream in("q Q0 100%25 1 2.0 t\nq Q0 x%2 2 1.0 t\n");
    CHECK_THROWS_WITH_AS(read_run(in, "naba.run", true),
                         "naba.run:2: the docid 'x%2' has a '%' without two hex digits after it, as naba-search "
                         "-f trec never writes (is this run from another tool?)",
                         std::runtime_error);
    Qrels qrels = qrels_of("q 0 100% 1\n");
    std::istringstream escaped("q Q0 other 1 3.0 t\nq Q0 100%25 2 2.0 t\n");
    CHECK(evaluate(qrels, read_run(escaped, "run", true)).mean.mrr10 == doctest::Approx(0.5));
    std::istringstream raw("q Q0 other 1 3.0 t\nq Q0 100%25 2 2.0 t\n");
    CHECK(evaluate(qrels, read_run(raw)).mean.mrr10 == 0.0);  // undecoded, it is another id
}

TEST_CASE("trec metrics: nDCG is 1 for the ideal ranking, graded or binary") {
    // gains 3 2 1 in order: DCG = 3 + 2/log2(3) + 1/2 = 4.7618595 = IDCG
    CHECK(dcg({3, 2, 1}, 10) == doctest::Approx(3.0 + 2.0 * kInvLog2_3 + 0.5));
    std::map<std::string, int> judged{{"a", 3}, {"b", 2}, {"c", 1}};
    CHECK(evaluate_query(judged, {"a", "b", "c"}).ndcg10 == doctest::Approx(1.0));
    // swapping a and c: DCG = 1 + 2/log2(3) + 3/2 = 3.7618595; / 4.7618595 = 0.7899983
    CHECK(evaluate_query(judged, {"c", "b", "a"}).ndcg10 == doctest::Approx(0.7899983).epsilon(1e-6));
}

TEST_CASE("trec metrics: malformed lines are errors naming the line") {
    CHECK_THROWS_WITH_AS(qrels_of("q1 0 a 1\nq1 0 b\n"), "qrels:2: expected 'qid iter docid rel', found 3 fields",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(qrels_of("q1 0 a yes\n"), "qrels:1: the relevance grade 'yes' is not a whole number",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(run_of("q Q0 a 1 high t\n"), "run:1: the score 'high' is not a number",
                         std::runtime_error);
    CHECK_THROWS_AS(run_of("q Q0 a 1 1.0\n"), std::runtime_error);
    CHECK_THROWS_WITH_AS(qrels_of("q1 0 a 1.0\n"), "qrels:1: the relevance grade '1.0' is not a whole number",
                         std::runtime_error);
    // blank lines and comments are fine
    CHECK(qrels_of("\n# comment\nq 0 a 1\n").at("q").at("a") == 1);
}
