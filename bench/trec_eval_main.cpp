// naba-trec-eval: MRR@10, Recall@10, Recall@100 and nDCG@10 of a TREC run against
// TREC qrels (conventions in trec_metrics.h).
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>

#include "trec_metrics.h"

namespace {

constexpr const char* kUsage =
    "usage: naba-trec-eval [--per-query] [--format text|tsv] QRELS RUN\n"
    "\n"
    "Scores a TREC run (qid Q0 docid rank score tag) against TREC qrels\n"
    "(qid 0 docid rel): MRR@10, R@10, R@100, nDCG@10, averaged over every qrels\n"
    "query with a relevant document (a query missing from the run scores 0).\n"
    "\n"
    "  --per-query   also print one line per query (qid and the four metrics)\n"
    "  --format F    text (default, aligned) or tsv (one 'name<TAB>value' per line,\n"
    "                for scripts)\n"
    "Exit status: 0 done, 2 bad usage or unreadable input.\n";

std::string fixed4(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

}  // namespace

int main(int argc, char** argv) {
    bool per_query = false;
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
        naba::bench::Run run = naba::bench::read_run_file(files[1]);
        e = naba::bench::evaluate(qrels, run);
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
    if (e.qrels_queries_without_relevant)
        row("qrels_queries_without_relevant", std::to_string(e.qrels_queries_without_relevant));
    if (e.unjudged_run_queries) row("unjudged_run_queries", std::to_string(e.unjudged_run_queries));
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
