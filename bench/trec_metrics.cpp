#include "trec_metrics.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "trec_docid.h"

namespace naba::bench {

namespace {

// A line without a leading UTF-8 byte order mark (files joined with cat have one
// inside) or a trailing carriage return (CRLF files).
std::string cleaned(std::string line) {
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Splits a line on runs of white space (as trec_eval does).
std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> fields;
    std::istringstream in(cleaned(line));
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
        parse_error(source, line_no, std::string("the ") + name + " '" + text + "' is not " +
                                         (std::is_integral_v<T> ? "a whole number" : "a number"));
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
        qrels[fields[0]][fields[2]] = parse_number<int>(fields[3], source, line_no, "relevance grade");
    }
    return qrels;
}

Run read_run(std::istream& in, const std::string& source, bool percent_ids) {
    Run run;
    std::string line;
    for (std::size_t line_no = 1; std::getline(in, line); ++line_no) {
        auto fields = fields_of(line);
        if (skippable(fields)) continue;
        if (fields.size() != 6)
            parse_error(source, line_no, "expected 'qid Q0 docid rank score tag', found " +
                                             std::to_string(fields.size()) + " fields");
        RunEntry entry;
        try {
            entry.docid = percent_ids ? trec_docid_from_field(fields[2]) : fields[2];
        } catch (const std::invalid_argument&) {
            parse_error(source, line_no, "the docid '" + fields[2] +
                                             "' has a '%' without two hex digits after it, as naba-search "
                                             "-f trec never writes (is this run from another tool?)");
        }
        entry.rank = parse_number<long>(fields[3], source, line_no, "rank");
        entry.score = parse_number<double>(fields[4], source, line_no, "score");
        run[fields[0]].push_back(std::move(entry));
    }
    return run;
}

std::set<std::string> read_query_ids(std::istream& in, const std::string& source) {
    std::map<std::string, std::size_t> first_line;
    std::string raw;
    for (std::size_t line_no = 1; std::getline(in, raw); ++line_no) {
        const std::string line = cleaned(raw);
        if (line.find_first_not_of(" \t\r\v\f") == std::string::npos) continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos)
            parse_error(source, line_no, "no tab: expected 'qid<TAB>query'");
        const std::string qid = line.substr(0, tab);
        if (qid.empty()) parse_error(source, line_no, "empty qid before the tab");
        if (qid.find_first_of(" \v\f\r") != std::string::npos)
            parse_error(source, line_no, "the qid '" + qid + "' has white space, which a TREC run cannot hold");
        auto [it, added] = first_line.emplace(qid, line_no);
        if (!added)
            parse_error(source, line_no, "the qid '" + qid + "' was given on line " + std::to_string(it->second) +
                                             " too: the runs would merge the two queries' results");
    }
    std::set<std::string> qids;
    for (auto& [qid, line_no] : first_line) qids.insert(qid);
    return qids;
}

Qrels read_qrels_file(const std::string& path) {
    auto in = open_file(path);
    return read_qrels(in, path);
}

Run read_run_file(const std::string& path, bool percent_ids) {
    auto in = open_file(path);
    return read_run(in, path, percent_ids);
}

std::set<std::string> read_query_ids_file(const std::string& path) {
    auto in = open_file(path);
    return read_query_ids(in, path);
}

std::vector<std::string> ranked_docids(std::vector<RunEntry> entries) {
    // trec_eval's order: score, highest first, then docid in decreasing byte order
    // (std::string compares bytes as unsigned, as strcmp does). Stable, so that a
    // repeated docid counts at its first line among equals.
    std::stable_sort(entries.begin(), entries.end(), [](const RunEntry& a, const RunEntry& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.docid > b.docid;
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

namespace {

bool has_relevant(const std::map<std::string, int>& judgments) {
    return std::any_of(judgments.begin(), judgments.end(), [](const auto& j) { return j.second > 0; });
}

std::size_t repeats_in(const std::vector<RunEntry>& entries) {
    std::set<std::string> seen;
    for (const auto& entry : entries) seen.insert(entry.docid);
    return entries.size() - seen.size();
}

}  // namespace

Evaluation evaluate(const Qrels& qrels, const Run& run, const std::optional<std::set<std::string>>& asked) {
    Evaluation e;
    for (const auto& [qid, judgments] : qrels) {
        if (!has_relevant(judgments)) {
            ++e.qrels_queries_without_relevant;
            continue;
        }
        if (asked && !asked->count(qid)) {
            ++e.qrels_queries_not_asked;
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
    if (asked)
        for (const auto& qid : *asked) {
            auto it = qrels.find(qid);
            if (it == qrels.end() || !has_relevant(it->second)) ++e.asked_queries_without_relevant;
        }
    for (const auto& [qid, entries] : run) {
        if (!e.per_query.count(qid)) ++e.unjudged_run_queries;
        e.repeated_run_docids += repeats_in(entries);
    }
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
