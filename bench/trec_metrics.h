// TREC-style retrieval metrics for the benchmarks in bench/: reads qrels, run and query
// files and computes MRR@10, Recall@10, Recall@100 and nDCG@10 per query and on average.
//
// Conventions (all spelled out because evaluation tools differ on them):
// - qrels lines are `qid iter docid rel` (iter ignored); a document is relevant when
//   rel > 0 (rel 0 and negative grades are judged non-relevant), and its gain in nDCG
//   is rel itself (linear gain, as trec_eval's ndcg_cut), so binary qrels give binary
//   gains. A docid judged twice for one query keeps the later judgment (trec_eval
//   refuses such qrels).
// - run lines are `qid Q0 docid rank score tag`. A query's ranking is its lines ordered
//   by score, highest first, and equal scores by docid in decreasing byte order: what
//   trec_eval does (form_res_rels.c, comp_sim_docno), so a run scores here as there.
//   The rank column is not used. A docid repeated for one query counts once, at its
//   best position (trec_eval refuses such runs); repeats are counted in Evaluation.
// - With percent_ids, a run's docids are read as naba-search -f trec writes them: %XX
//   is the byte XX (a space, tab or '%' in an id is written %20, %09, %25), so they
//   match the qrels' docids as written. The baselines of bench/eval write ids so too.
// - Which queries are averaged: every query with at least one relevant document in the
//   qrels; given the queries file (`qid<TAB>query`), only those of them that it asks
//   (queries it asks without a relevant document, and qrels queries it does not ask,
//   are counted apart, not averaged). A query in that set that the run does not answer
//   scores 0 on every metric (trec_eval -c): the average is over the same queries for
//   every engine, whatever each one failed to answer. Run queries outside it are ignored.
// - nDCG@k = DCG@k / IDCG@k with DCG@k = sum over ranks i = 1..k of gain_i / log2(i + 1);
//   IDCG@k is the DCG of the qrels' gains sorted in decreasing order (relevant documents
//   absent from the corpus count there too, as they do in Recall's denominator).
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <set>
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
// Blank lines and lines starting with '#' are skipped; a UTF-8 byte order mark at the
// start of a line is dropped, and so is a carriage return at its end (CRLF files).
Qrels read_qrels(std::istream& in, const std::string& source = "qrels");
Run read_run(std::istream& in, const std::string& source = "run", bool percent_ids = false);
// The qids of a queries file, `qid<TAB>query` per line (blank lines skipped). A line
// without a tab, an empty qid, a qid with white space (a run cannot hold it) or a qid
// given twice is an error naming the line.
std::set<std::string> read_query_ids(std::istream& in, const std::string& source = "queries");
Qrels read_qrels_file(const std::string& path);
Run read_run_file(const std::string& path, bool percent_ids = false);
std::set<std::string> read_query_ids_file(const std::string& path);

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
    std::size_t queries = 0;                  // evaluated: see the conventions above
    std::size_t queries_without_results = 0;  // of those, not answered by the run
    std::size_t qrels_queries_without_relevant = 0;  // skipped: nothing relevant judged
    std::size_t asked_queries_without_relevant = 0;  // in the queries file, skipped so
    std::size_t qrels_queries_not_asked = 0;  // relevant judged, not in the queries file
    std::size_t unjudged_run_queries = 0;     // run queries not evaluated
    std::size_t repeated_run_docids = 0;      // run lines naming a docid again for a query
};

// `asked`: the queries file's qids, when known (see the conventions above).
Evaluation evaluate(const Qrels& qrels, const Run& run,
                    const std::optional<std::set<std::string>>& asked = std::nullopt);

}  // namespace naba::bench
