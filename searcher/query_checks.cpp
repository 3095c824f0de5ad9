#include "query_checks.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "analyzer.h"
#include "text/script.h"
#include "text/utf8.h"

namespace naba::searcher {

void for_each_chunk(std::string_view query, const std::function<void(std::size_t)>& visit) {
    bool quoted = false;
    std::size_t i = 0;
    while (i < query.size()) {
        if (std::isspace(static_cast<unsigned char>(query[i]))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end]))) ++end;
        if (!quoted) visit(query.find_first_not_of('(', i));
        for (std::size_t k = i; k < end; ++k) quoted ^= query[k] == '"';
        i = end;
    }
}

namespace {

// A '-' at `at` that marks what follows as excluded (a word, phrase, group or field;
// not a lone dash or "--").
bool is_minus(std::string_view query, std::size_t at) {
    if (at + 1 >= query.size() || query[at] != '-') return false;
    const auto next = static_cast<unsigned char>(query[at + 1]);
    return std::isalnum(next) || next >= 0x80 || next == '"' || next == '(';
}

bool is_not(std::string_view query, std::size_t at) {
    return query.substr(at, 3) == "NOT" &&
           (at + 3 == query.size() || std::isspace(static_cast<unsigned char>(query[at + 3])));
}

}  // namespace

bool has_exclusion(std::string_view query) {
    bool found = false;
    for_each_chunk(query, [&](std::size_t at) {
        found |= at != std::string_view::npos && (is_minus(query, at) || is_not(query, at));
    });
    return found;
}

std::string minus_as_not(std::string_view query) {
    std::string out(query);
    std::size_t shift = 0;  // bytes added before the current chunk
    for_each_chunk(query, [&](std::size_t at) {
        if (at == std::string_view::npos || !is_minus(query, at)) return;
        out.replace(at + shift, 1, "NOT ");
        shift += 3;
    });
    return out;
}

std::string field_without_value(std::string_view query, const std::vector<std::string>& fields) {
    std::string found;
    for_each_chunk(query, [&](std::size_t at) {
        if (at == std::string_view::npos || !found.empty()) return;
        const std::size_t colon = query.find(':', at);
        if (colon == std::string_view::npos) return;
        if (colon + 1 < query.size() && !std::isspace(static_cast<unsigned char>(query[colon + 1]))) return;
        const std::string_view name = query.substr(at, colon - at);
        std::string lower;
        for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const bool has_lower =
            std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
        if (has_lower && std::find(fields.begin(), fields.end(), lower) != fields.end())
            found = std::string(name) + ":";
    });
    return found;
}

std::string field_value_example(std::string_view field) {
    std::string name;
    for (char c : field.substr(0, field.find(':')))
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string f = name + ":";
    if (name == "date") return f + "2025-03-18, " + f + "2025-03 or " + f + "2025-03-01..2025-03-31";
    if (name == "lang") return f + "ar or " + f + "en";
    if (name == "id") return f + "en/riyadh-talks.txt or " + f + "\"an id with spaces\"";
    if (name == "source") return f + "reuters or " + f + "\"al jazeera\"";
    if (name == "person") return f + "zelensky or " + f + "\"john smith\"";
    if (name == "place") return f + "kyiv or " + f + "\"black sea\"";
    if (name == "org") return f + "nato or " + f + "\"red cross\"";
    if (name == "entity") return f + "kremlin or " + f + "\"black sea\"";
    return f + "ceasefire or " + f + "\"two words\"";
}

std::string quoted_wildcard(std::string_view query) {
    bool quoted = false, literal = false, after_word = false;
    std::size_t word_start = 0;
    for (std::size_t i = 0; i < query.size();) {
        const std::size_t at = i;
        const char32_t c = text::next_code_point(query, i);
        if (c == U'"') {
            // id:"..." opens a literal value (query_builder.cpp's IdFieldProcessor).
            literal = !quoted && at >= 3 && query.substr(at - 3, 3) == "id:" &&
                      (at == 3 || !std::isalnum(static_cast<unsigned char>(query[at - 4])));
            quoted = !quoted;
        }
        const bool word_char = text::is_word_char(c);
        if (word_char && !after_word) word_start = at;
        if (c == U'*' && after_word && quoted && !literal) return std::string(query.substr(word_start, i - word_start));
        after_word = word_char;
    }
    return "";
}

std::string lost_in_plain_words(std::string_view query) {
    std::string op, wildcard;
    for_each_chunk(query, [&](std::size_t at) {
        if (at == std::string_view::npos) return;
        std::string_view chunk = query.substr(at);
        chunk = chunk.substr(0, std::min(chunk.size(), chunk.find_first_of(" \t\n\r\f\v")));
        if (op.empty() && is_query_operator(chunk) && (chunk.starts_with("NEAR") || chunk.starts_with("ADJ")))
            op = chunk;
        const std::size_t sign = std::min(chunk.size(), chunk.find_first_not_of("+-"));
        const bool id_value = chunk.substr(sign).starts_with("id:");  // taken as written
        if (wildcard.empty() && !id_value && wildcard_count(chunk) > 0)
            wildcard = chunk.substr(0, std::min(chunk.size(), chunk.find_last_of('*') + 1));
    });
    return op.empty() ? wildcard : op;
}

std::pair<std::string, std::string> field_before_punctuation(std::string_view query,
                                                             const std::vector<std::string>& free_text_fields,
                                                             const std::vector<std::string>& filter_fields) {
    // Whether `value` (non-empty, no white space first) can start a field's value.
    auto starts_value = [](std::string_view value, bool free_text) {
        std::size_t i = 0;
        char32_t c = text::next_code_point(value, i);
        if (c == U'"' || c == U'\u201c' || c == U'\u201d' || (free_text && c == U'(')) return true;
        // Xapian's is_phrase_generator: 'path:/usr/local'.
        while (free_text && c < 0x80 && std::string_view(".-/:\\@").find(static_cast<char>(c)) != std::string_view::npos &&
               i < value.size())
            c = text::next_code_point(value, i);
        return text::is_word_char(c);
    };
    std::pair<std::string, std::string> found;
    for_each_chunk(query, [&](std::size_t at) {
        if (at == std::string_view::npos || !found.first.empty()) return;
        std::string_view chunk = query.substr(at);
        chunk = chunk.substr(0, std::min(chunk.size(), chunk.find_first_of(" \t\n\r\f\v")));
        chunk.remove_prefix(std::min(chunk.size(), chunk.find_first_not_of("+-")));
        for (const auto* fields : {&free_text_fields, &filter_fields}) {
            for (const std::string& field : *fields) {
                if (!chunk.starts_with(field + ":") || chunk.size() == field.size() + 1) continue;
                const std::string_view value = chunk.substr(field.size() + 1);
                if (starts_value(value, fields == &free_text_fields)) continue;
                std::size_t end = 0;
                text::next_code_point(value, end);
                found = {field + ":", std::string(value.substr(0, end))};
                return;
            }
        }
    });
    return found;
}

std::size_t word_count(std::string_view query) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < query.size();) {
        const bool word_char = text::is_word_char(text::next_code_point(query, i));
        words += word_char && !in_word;
        in_word = word_char;
    }
    return words;
}

std::size_t wildcard_count(std::string_view query) {
    std::size_t wildcards = 0;
    bool after_word = false;
    for (std::size_t i = 0; i < query.size();) {
        const char32_t c = text::next_code_point(query, i);
        wildcards += c == U'*' && after_word;
        after_word = text::is_word_char(c);
    }
    return wildcards;
}

std::size_t longest_word_bytes(std::string_view query) {
    std::size_t longest = 0, start = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < query.size();) {
        const std::size_t at = i;
        const bool word_char = text::is_word_char(text::next_code_point(query, i));
        if (word_char && !in_word) start = at;
        if (word_char) longest = std::max(longest, i - start);
        in_word = word_char;
    }
    return longest;
}

bool has_and_not(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_AND_NOT) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (has_and_not(query.get_subquery(i))) return true;
    return false;
}

}  // namespace naba::searcher
