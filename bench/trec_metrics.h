// TREC-style retrieval metrics for the benchmarks in bench/: reads qrels and run files
// and computes MRR@10, Recall@10, Recall@100 and nDCG@10 per query and on average.
//
// Conventions (all spelled out because evaluation tools differ on them):
// - qrels lines are `qid iter docid rel` (iter ignored); a document is relevant when
//   rel > 0, and its gain in nDCG is rel itself (linear gain, as trec_eval's ndcg_cut),
//   so binary qrels give binary gains. A docid judged twice for one query keeps the
//   later judgment.
// - run lines are `qid Q0 docid rank score tag`. A query's ranking is its lines ordered
//   by score, highest first; equal scores keep the run's rank order (then file order).
//   trec_eval breaks score ties by docid instead; we keep the engine's own order so
//   that ties are ranked as the engine showed them. A docid repeated for one query
//   counts once, at its best position.
// - Averages are over every query in the qrels with at least one relevant document; a
//   query absent from the run scores 0 on every metric. Run queries that are not in
//   the qrels are ignored (and counted in Evaluation::unjudged_run_queries).
// - nDCG@k = DCG@k / IDCG@k with DCG@k = sum over ranks i = 1..k of gain_i / log2(i + 1);
//   IDCG@k is the DCG of the qrels' gains sorted in decreasing order.
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <string>
#include <vector>

namespace naba::bench {

// qid -> docid -> relevance grade
using Qrels = std::map<std::string, std::map<std::string, int>>;

struct RunEntry {
    std::string docid;
    long rank = 0;
    double score = 0.0;
};

// qid -> entries in file order (use ranked_docids for the evaluated order)
using Run = std::map<std::string, std::vector<RunEntry>>;

// Parse errors throw std::runtime_error naming `source` and the line number.
// Blank lines and lines starting with '#' are skipped.
Qrels read_qrels(std::istream& in, const std::string& source = "qrels");
Run read_run(std::istream& in, const std::string& source = "run");
Qrels read_qrels_file(const std::string& path);
Run read_run_file(const std::string& path);

// The run's documents for one query in evaluated order (see the conventions above),
// without repeats.
std::vector<std::string> ranked_docids(std::vector<RunEntry> entries);

struct QueryMetrics {
    double mrr10 = 0.0;      // 1 / rank of the first relevant document in the top 10
    double recall10 = 0.0;   // relevant documents in the top 10 / relevant documents
    double recall100 = 0.0;  // the same in the top 100
    double ndcg10 = 0.0;     // see the conventions above
};

// Metrics of one ranking against one query's judgments.
QueryMetrics evaluate_query(const std::map<std::string, int>& judgments,
                            const std::vector<std::string>& ranking);

// DCG of the first `depth` gains of `gains` (gain at index 0 is rank 1).
double dcg(const std::vector<int>& gains, std::size_t depth);

struct Evaluation {
    QueryMetrics mean;                             // averages over `queries`
    std::map<std::string, QueryMetrics> per_query;  // every evaluated query
    std::size_t queries = 0;                  // qrels queries with a relevant document
    std::size_t queries_without_results = 0;  // of those, absent from the run
    std::size_t qrels_queries_without_relevant = 0;  // skipped: nothing relevant judged
    std::size_t unjudged_run_queries = 0;            // run queries not in the qrels
};

Evaluation evaluate(const Qrels& qrels, const Run& run);

}  // namespace naba::bench
