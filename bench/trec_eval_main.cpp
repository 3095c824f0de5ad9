// naba-trec-eval: MRR@10, Recall@10, Recall@100 and nDCG@10 of a TREC run against
// TREC qrels (conventions in trec_metrics.h).
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "trec_metrics.h"

namespace {

constexpr const char* kUsage =
    "usage: naba-trec-eval [--per-query] [--format text|tsv] [--queries FILE]\n"
    "                      [--percent-ids] QRELS RUN\n"
    "\n"
    "Scores a TREC run (qid Q0 docid rank score tag) against TREC qrels\n"
    "(qid 0 docid rel): MRR@10, R@10, R@100, nDCG@10 (gain = rel, linear; relevant\n"
    "means rel > 0), averaged over every qrels query with a relevant document (a\n"
    "query missing from the run scores 0, as with trec_eval -c). A run is ranked by\n"
    "score, ties by docid in decreasing byte order, as trec_eval ranks it.\n"
    "\n"
    "  --per-query     also print one line per query (qid and the four metrics)\n"
    "  --format F      text (default, aligned) or tsv (one 'name<TAB>value' per line,\n"
    "                  for scripts)\n"
    "  --queries FILE  the queries file (qid<TAB>query): average only over the queries\n"
    "                  it asks (the others are counted apart); checks it too\n"
    "  --percent-ids   the run's docids are %XX-escaped, as naba-search -f trec writes\n"
    "                  them (%20 space, %09 tab, %25 '%'): decode them\n"
    "Exit status: 0 done, 2 bad usage or unreadable input.\n";

std::string fixed4(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    bool per_query = false, percent_ids = false;
    std::string queries_path;
    std::string format = "text";
    std::string files[2];
    int nfiles = 0;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        } else if (arg == "--per-query") {
            per_query = true;
        } else if (arg == "--percent-ids") {
            percent_ids = true;
        } else if (arg == "--queries" && i + 1 < argc) {
            queries_path = argv[++i];
        } else if (arg == "--format" && i + 1 < argc) {
            format = argv[++i];
        } else if (arg.rfind("--format=", 0) == 0) {
            format = arg.substr(std::strlen("--format="));
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            std::cerr << "naba-trec-eval: unknown option " << arg << "; see --help\n";
            return 2;
        } else if (nfiles < 2) {
            files[nfiles++] = arg;
        } else {
            std::cerr << "naba-trec-eval: too many arguments; see --help\n";
            return 2;
        }
    }
    if (nfiles != 2 || (format != "text" && format != "tsv")) {
        std::cerr << "naba-trec-eval: expected QRELS and RUN (--format text or tsv); see --help\n";
        return 2;
    }

    naba::bench::Evaluation e;
    try {
        naba::bench::Qrels qrels = naba::bench::read_qrels_file(files[0]);
        naba::bench::Run run = naba::bench::read_run_file(files[1], percent_ids);
        std::optional<std::set<std::string>> asked;
        if (!queries_path.empty()) asked = naba::bench::read_query_ids_file(queries_path);
        e = naba::bench::evaluate(qrels, run, asked);
    } catch (const std::exception& ex) {
        std::cerr << "naba-trec-eval: " << ex.what() << "\n";
        return 2;
    }

    const char* sep = format == "tsv" ? "\t" : "  ";
    auto row = [&](const std::string& name, const std::string& value) {
        if (format == "tsv")
            std::cout << name << sep << value << "\n";
        else
            std::cout << name << std::string(name.size() < 24 ? 24 - name.size() : 1, ' ') << value << "\n";
    };
    row("queries", std::to_string(e.queries));
    row("queries_without_results", std::to_string(e.queries_without_results));
    // Counted apart, not averaged: printed whenever there are any (bench/eval reports them).
    auto count_row = [&](const char* name, std::size_t n) {
        if (n) row(name, std::to_string(n));
    };
    count_row("qrels_queries_without_relevant", e.qrels_queries_without_relevant);
    count_row("asked_queries_without_relevant", e.asked_queries_without_relevant);
    count_row("qrels_queries_not_asked", e.qrels_queries_not_asked);
    count_row("unjudged_run_queries", e.unjudged_run_queries);
    count_row("repeated_run_docids", e.repeated_run_docids);
    row("MRR@10", fixed4(e.mean.mrr10));
    row("R@10", fixed4(e.mean.recall10));
    row("R@100", fixed4(e.mean.recall100));
    row("nDCG@10", fixed4(e.mean.ndcg10));
    if (per_query) {
        std::cout << "qid" << sep << "MRR@10" << sep << "R@10" << sep << "R@100" << sep << "nDCG@10\n";
        for (const auto& [qid, m] : e.per_query)
            std::cout << qid << sep << fixed4(m.mrr10) << sep << fixed4(m.recall10) << sep
                      << fixed4(m.recall100) << sep << fixed4(m.ndcg10) << "\n";
    }
    return 0;
}
