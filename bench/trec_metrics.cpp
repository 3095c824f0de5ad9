#include "trec_metrics.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>

namespace naba::bench {

namespace {

// Splits a line on runs of spaces and tabs.
std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream in(line);
    std::string field;
    while (in >> field) fields.push_back(field);
    return fields;
}

bool skippable(const std::vector<std::string>& fields) {
    return fields.empty() || fields.front().front() == '#';
}

[[noreturn]] void parse_error(const std::string& source, std::size_t line_no, const std::string& what) {
    throw std::runtime_error(source + ":" + std::to_string(line_no) + ": " + what);
}

template <typename T>
T parse_number(const std::string& text, const std::string& source, std::size_t line_no, const char* name) {
    std::istringstream in(text);
    T value{};
    in >> value;
    if (!in || in.peek() != std::char_traits<char>::eof())
        parse_error(source, line_no, std::string("the ") + name + " '" + text + "' is not a number");
    return value;
}

std::ifstream open_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return in;
}

}  // namespace

Qrels read_qrels(std::istream& in, const std::string& source) {
    Qrels qrels;
    std::string line;
    for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
        auto fields = fields_of(line);
        if (skippable(fields)) continue;
        if (fields.size() != 4)
            parse_error(source, line_no, "expected 'qid iter docid rel', found " +
                                             std::to_string(fields.size()) + " fields");
        qrels[fields[0]][fields[2]] = parse_number<int>(fields[3], source, line_no, "relevance");
    }
    return qrels;
}

Run read_run(std::istream& in, const std::string& source) {
    Run run;
    std::string line;
    for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
        auto fields = fields_of(line);
        if (skippable(fields)) continue;
        if (fields.size() != 6)
            parse_error(source, line_no, "expected 'qid Q0 docid rank score tag', found " +
                                             std::to_string(fields.size()) + " fields");
        RunEntry entry;
        entry.docid = fields[2];
        entry.rank = parse_number<long>(fields[3], source, line_no, "rank");
        entry.score = parse_number<double>(fields[4], source, line_no, "score");
        run[fields[0]].push_back(std::move(entry));
    }
    return run;
}

Qrels read_qrels_file(const std::string& path) {
    auto in = open_file(path);
    return read_qrels(in, path);
}

Run read_run_file(const std::string& path) {
    auto in = open_file(path);
    return read_run(in, path);
}

std::vector<std::string> ranked_docids(std::vector<RunEntry> entries) {
    // stable: equal (score, rank) keep file order
    std::stable_sort(entries.begin(), entries.end(), [](const RunEntry& a, const RunEntry& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.rank < b.rank;
    });
    std::vector<std::string> ranking;
    std::set<std::string> seen;
    for (auto& entry : entries)
        if (seen.insert(entry.docid).second) ranking.push_back(std::move(entry.docid));
    return ranking;
}

double dcg(const std::vector<int>& gains, std::size_t depth) {
    double sum = 0.0;
    for (std::size_t i = 0; i < std::min(depth, gains.size()); ++i)
        sum += gains[i] / std::log2(static_cast<double>(i) + 2.0);  // rank i+1: log2(rank+1)
    return sum;
}

QueryMetrics evaluate_query(const std::map<std::string, int>& judgments,
                            const std::vector<std::string>& ranking) {
    QueryMetrics m;
    std::vector<int> ideal;
    for (const auto& [docid, rel] : judgments)
        if (rel > 0) ideal.push_back(rel);
    if (ideal.empty()) return m;
    std::sort(ideal.begin(), ideal.end(), std::greater<>());

    auto gain_of = [&](const std::string& docid) {
        auto it = judgments.find(docid);
        return it == judgments.end() ? 0 : std::max(it->second, 0);
    };
    std::vector<int> gains;
    std::size_t found10 = 0, found100 = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(ranking.size(), 100); ++i) {
        int gain = gain_of(ranking[i]);
        if (i < 10) gains.push_back(gain);
        if (gain > 0) {
            ++found100;
            if (i < 10) {
                ++found10;
                if (m.mrr10 == 0.0) m.mrr10 = 1.0 / static_cast<double>(i + 1);
            }
        }
    }
    const double relevant = static_cast<double>(ideal.size());
    m.recall10 = static_cast<double>(found10) / relevant;
    m.recall100 = static_cast<double>(found100) / relevant;
    m.ndcg10 = dcg(gains, 10) / dcg(ideal, 10);
    return m;
}

Evaluation evaluate(const Qrels& qrels, const Run& run) {
    Evaluation e;
    for (const auto& [qid, judgments] : qrels) {
        bool any_relevant = std::any_of(judgments.begin(), judgments.end(),
                                        [](const auto& j) { return j.second > 0; });
        if (!any_relevant) {
            ++e.qrels_queries_without_relevant;
            continue;
        }
        ++e.queries;
        QueryMetrics m;
        auto it = run.find(qid);
        if (it == run.end() || it->second.empty())
            ++e.queries_without_results;
        else
            m = evaluate_query(judgments, ranked_docids(it->second));
        e.per_query[qid] = m;
        e.mean.mrr10 += m.mrr10;
        e.mean.recall10 += m.recall10;
        e.mean.recall100 += m.recall100;
        e.mean.ndcg10 += m.ndcg10;
    }
    for (const auto& [qid, entries] : run)
        if (!qrels.count(qid)) ++e.unjudged_run_queries;
    if (e.queries > 0) {
        const double n = static_cast<double>(e.queries);
        e.mean.mrr10 /= n;
        e.mean.recall10 /= n;
        e.mean.recall100 /= n;
        e.mean.ndcg10 /= n;
    }
    return e;
}

}  // namespace naba::bench
