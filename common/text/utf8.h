// Small UTF-8 helpers shared by the analysis stages: decoding one code point and
// counting code points. Invalid sequences never reach these (the ICU stage repairs
// input to well-formed UTF-8 first), but they stay safe on them anyway.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace naba::text {

// Decodes the code point starting at s[i] and advances i past it. Returns U+FFFD for
// a malformed sequence (advancing by one byte) so callers always make progress.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of c to out.
void append_utf8(std::string& out, char32_t c);

// Number of code points in a well-formed UTF-8 string.
std::size_t code_point_count(std::string_view s);

}  // namespace naba::text
