// A document id as one field of a TREC run (qid Q0 docid rank score tag), whose fields
// trec_eval splits at white space. Ids are file paths or JSONL ids and may hold a space
// or a tab, so naba-search -f trec (and the FTS5 baseline, written to match it) writes
// white space and '%' as %XX; naba-trec-eval --percent-ids reads them back.
#pragma once

#include <string>
#include <string_view>

namespace naba {

// The id with ' ', '\t', '\v', '\f', '\r' and '%' written as %XX (%20, %09, %25, ...).
std::string trec_docid_field(std::string_view id);

// The inverse: %XX becomes the byte XX. Throws std::invalid_argument for a '%' without
// two hex digits after it, which trec_docid_field never writes.
std::string trec_docid_from_field(std::string_view field);

}  // namespace naba
