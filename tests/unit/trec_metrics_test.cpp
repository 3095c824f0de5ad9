#include <doctest/doctest.h>

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

TEST_CASE("trec metrics: ranking by score, ties in run order, repeats counted once") {
    Run run = run_of(
        "q Q0 b 2 5.0 t\n"
        "q Q0 a 1 5.0 t\n"   // same score as b, better rank: first
        "q Q0 c 3 4.0 t\n"
        "q Q0 a 4 3.0 t\n"); // a repeated: counts at its first position only
    CHECK(ranked_docids(run.at("q")) == std::vector<std::string>{"a", "b", "c"});

    // relevant c at rank 3 (not 4): MRR 1/3
    CHECK(evaluate_query({{"c", 1}}, ranked_docids(run.at("q"))).mrr10 == doctest::Approx(1.0 / 3.0));
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
    CHECK_THROWS_WITH_AS(qrels_of("q1 0 a yes\n"), "qrels:1: the relevance 'yes' is not a number",
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(run_of("q Q0 a 1 high t\n"), "run:1: the score 'high' is not a number",
                         std::runtime_error);
    CHECK_THROWS_AS(run_of("q Q0 a 1 1.0\n"), std::runtime_error);
    // blank lines and comments are fine
    CHECK(qrels_of("\n# comment\nq 0 a 1\n").at("q").at("a") == 1);
}
