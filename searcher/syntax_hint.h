// Where a query's syntax goes wrong. Xapian's QueryParserError says what rule failed
// ("Syntax: <expression> AND <expression>") but not where; this finds the operator
// that lacks a word on one side, so the message can point at it. It also finds the
// operators Xapian reads as words without an error (misread: NEAR/0, a NEAR without
// a word on one side): those are raised before Xapian parses the query.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace naba::searcher {

struct SyntaxHint {
    std::size_t column = 0;  // 1-based, in characters
    std::string message;     // e.g. "AND needs a word on both sides"
    bool misread = false;    // Xapian reads it as something else rather than fail
};

std::optional<SyntaxHint> find_syntax_problem(std::string_view query);

}  // namespace naba::searcher
