// Checks of a query's text around Xapian's QueryParser, for what it would otherwise
// take silently in another sense: exclusions (NOT, a leading '-') lost when it reads a
// query it cannot parse again as plain words, and field names with no value.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace naba::searcher {

// Calls `visit` with the offset of each white-space separated chunk of `query` that
// starts outside double quotes, past any opening parentheses (a chunk of parentheses
// alone gives the offset right after it, npos at the end of the query): where a word,
// operator or field of Xapian's syntax can start.
void for_each_chunk(std::string_view query, const std::function<void(std::size_t)>& visit);

// True when the (normalized) query excludes something outside quotes: a NOT operator,
// or a word, phrase, group or filter marked with '-'.
bool has_exclusion(std::string_view query);

// The query with each '-' exclusion written as NOT ("-a -b" -> "NOT a NOT b"), which
// Xapian accepts alone (FLAG_PURE_NOT) where it cannot parse a '-' alone.
std::string minus_as_not(std::string_view query);

// True when the parsed query leaves something out (has an AND_NOT).
bool has_and_not(const Xapian::Query& query);

// The first field name (as written) that has nothing right after its colon ("title:",
// "title: grain"), which Xapian would search as a word, or "" when there is none. A
// name written in capitals (a pasted headline's SOURCE:) stays a word.
std::string field_without_value(std::string_view query, const std::vector<std::string>& fields);

// Examples of values of a field ("date:" or "Date:", as field_without_value gives
// it), for a message that says how to write one: "date:2025-03 or date:..".
std::string field_value_example(std::string_view field);

// The first word with a wildcard inside quotes ("grai* exports"), as written, or "".
// Xapian 1.4 expands no wildcard in a phrase: it searches the word without its '*'.
// An id:"..." value is taken as written, '*' and all.
std::string quoted_wildcard(std::string_view query);

// What the plain-words reading of a query (QueryParser's answer to one it cannot
// parse) would search in another sense, or "": the first NEAR or ADJ operator outside
// quotes (searched as a word), else the first word with a wildcard (searched without
// its '*').
std::string lost_in_plain_words(std::string_view query);

// The first field name written (in the normalized query, as Xapian reads it) with a
// character right after its colon that cannot start its value, and that character:
// Xapian then searches a free-text field's name as a word (title:'war', title:«غزة»,
// title:,war), and takes a filter's value with its quotes or brackets
// (source:'reuters'). A value starts with a word character or a double quote; a
// free-text one also with '(' (a group) or after . - / : \ @ (as Xapian allows).
// {"", ""} when there is none.
std::pair<std::string, std::string> field_before_punctuation(std::string_view query,
                                                             const std::vector<std::string>& free_text_fields,
                                                             const std::vector<std::string>& filter_fields);

// Words of a query: runs of word characters (text::is_word_char), as QueryParser
// splits them, however they are joined ("a-b-c" is three), operators included.
std::size_t word_count(std::string_view query);

// Wildcards of a query: '*' right after a word character (a* مفاوض*), repeated ones
// and those inside quotes included.
std::size_t wildcard_count(std::string_view query);

// Bytes of the query's longest word (as word_count counts words).
std::size_t longest_word_bytes(std::string_view query);

}  // namespace naba::searcher
