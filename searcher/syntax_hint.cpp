#include "syntax_hint.h"

#include <vector>

#include "analyzer.h"
#include "text/utf8.h"

namespace naba::searcher {
namespace {

struct Token {
    std::string_view text;
    std::size_t offset;  // bytes
};

// Words and parentheses, split on white space.
std::vector<Token> tokens(std::string_view q) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < q.size()) {
        char c = q[i];
        if (c == ' ' || c == '\t') {
            ++i;
        } else if (c == '(' || c == ')') {
            out.push_back({q.substr(i, 1), i});
            ++i;
        } else {
            std::size_t end = q.find_first_of(" \t()", i);
            if (end == std::string_view::npos) end = q.size();
            out.push_back({q.substr(i, end - i), i});
            i = end;
        }
    }
    return out;
}

// NEAR/0 or ADJ/0 (any number of zeros), which Xapian reads as two words.
bool zero_distance(std::string_view op) {
    const std::size_t slash = op.find('/');
    return slash != std::string_view::npos && op.find_first_not_of('0', slash + 1) == std::string_view::npos;
}

bool operand_end(const Token* t) { return t && t->text != "(" && !is_query_operator(t->text); }
bool operand_start(const Token* t) { return t && t->text != ")" && (!is_query_operator(t->text) || t->text == "NOT"); }

}  // namespace

std::optional<SyntaxHint> find_syntax_problem(std::string_view query) {
    std::vector<Token> ts = tokens(query);
    for (std::size_t k = 0; k < ts.size(); ++k) {
        const Token& t = ts[k];
        if (!is_query_operator(t.text)) continue;
        const Token* before = k > 0 ? &ts[k - 1] : nullptr;
        const Token* after = k + 1 < ts.size() ? &ts[k + 1] : nullptr;
        const std::size_t column = text::code_point_count(query.substr(0, t.offset)) + 1;
        const bool near = !t.text.starts_with("NOT") && (t.text.starts_with("NEAR") || t.text.starts_with("ADJ"));
        if (near && zero_distance(t.text))
            return SyntaxHint{column, std::string(t.text) + " needs a distance of 1 or more, e.g. " +
                                          std::string(t.text.substr(0, t.text.find('/'))) + "/3", true};
        // A NOT that opens the query or a group, or follows an operator, means
        // "everything except".
        bool left_ok = operand_end(before) || (t.text == "NOT" && (!before || before->text == "(" ||
                                                                    is_query_operator(before->text)));
        if (left_ok && operand_start(after)) continue;
        // Xapian reads a NEAR or ADJ without a word on one side as a word.
        return SyntaxHint{column, std::string(t.text) + " needs a word on both sides", near};
    }
    return std::nullopt;
}

}  // namespace naba::searcher
