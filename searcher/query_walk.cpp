#include "query_walk.h"

#include <vector>

namespace naba::searcher {

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

}  // namespace naba::searcher
