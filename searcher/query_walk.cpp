#include "query_walk.h"

#include <vector>

namespace naba::searcher {
namespace {

// A word of a parsed query: a term, phrase, wildcard or synonym group (maybe scaled).
bool is_word(const Xapian::Query& q) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_WILDCARD: return true;
        case Xapian::Query::OP_SCALE_WEIGHT: return is_word(q.get_subquery(0));
        default: return false;
    }
}

}  // namespace

void collect_phrase_words(const Xapian::Query& query, std::vector<std::string>& out) {
    const auto type = query.get_type();
    if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
        for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) out.push_back(*t);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_phrase_words(query.get_subquery(i), out);
}

bool is_flat_or(const Xapian::Query& query) {
    if (is_word(query)) return true;
    if (query.get_type() != Xapian::Query::OP_OR) return false;
    // QueryParser nests the words after a phrase in an OR of their own ("a" b c:
    // PHRASE OR (b OR c)); an OR within an OR is still one.
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (!is_flat_or(query.get_subquery(i))) return false;
    return true;
}

Xapian::Query rebuild_parts(const Xapian::Query& query, const std::function<Xapian::Query(const Xapian::Query&)>& change) {
    switch (query.get_type()) {
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_XOR: {
            std::vector<Xapian::Query> parts;
            for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
                parts.push_back(rebuild_parts(query.get_subquery(i), change));
            return Xapian::Query(query.get_type(), parts.begin(), parts.end());
        }
        default:
            return change(query);
    }
}

std::unordered_set<std::string> excluded_terms(const Xapian::Query& query) {
    std::unordered_set<std::string> out;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Xapian::Query part = query.get_subquery(i);
        if (query.get_type() == Xapian::Query::OP_AND_NOT && i > 0) {
            out.insert(part.get_terms_begin(), part.get_terms_end());
        } else {
            std::unordered_set<std::string> below = excluded_terms(part);
            out.insert(below.begin(), below.end());
        }
    }
    return out;
}

}  // namespace naba::searcher
