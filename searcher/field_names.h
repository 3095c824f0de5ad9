// The names a query may write before a colon (title:, lang:, person:, ...), and the
// check that a name written as a field is one of them. Xapian's QueryParser reads a
// name it does not know as words: titel:grain searched the phrase "titel grain" and
// found nothing, silently, so a misspelt field looked like a search that works.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace naba::searcher {

// The first name written as a field that is none of `fields`, with its colon as
// written ("titel:"), or "". A name written as a field is a word of ASCII letters, one
// of them lower case (a pasted headline's capitals, UPDATE:, stay words), at the start
// of a term (past '(', '+' or '-'), outside double quotes, with a value right after
// its colon that does not start with '/'. So http://x, 10:30, غزة:هدنة, a colon
// inside a word (id:a:b, bbc:news's) or inside quotes ("titel:grain") are text. So is
// a capitalised name that is no near miss of a field (closest_field): a name glued to
// the next word in pasted text (Zelensky:peace, Breaking:Trump), where Titel: is one.
std::string unknown_field(std::string_view query, const std::vector<std::string>& fields);

// The field of `fields` closest to `name` (case ignored; a swap of two letters counts
// as one edit), or "" when none is within two edits and closer than the name's length.
std::string closest_field(std::string_view name, const std::vector<std::string>& fields);

// Throws Xapian::QueryParserError for the first field of `query` (the query as typed)
// that has nothing right after its colon (field_without_value) or that is unknown
// (unknown_field): the message names it, the closest field, every field, and how to
// search the text as words instead.
void check_field_names(std::string_view query, const std::vector<std::string>& fields);

}  // namespace naba::searcher
