// Small UTF-8 helpers shared by the analysis stages: decoding one code point and
// counting code points. Invalid sequences never reach these (the ICU stage repairs
// input to well-formed UTF-8 first), but they stay safe on them anyway.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace naba::text {

// next_code_point for a sequence whose first byte is not ASCII (out of line: ICU).
char32_t next_multibyte_code_point(std::string_view s, std::size_t& i);

// Decodes the code point starting at s[i] and advances i past it. Returns U+FFFD for
// a malformed sequence (advancing by one byte) so callers always make progress.
// Inline for ASCII, nearly all of English text: callers decode per character.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
        ++i;
        return byte;
    }
    return next_multibyte_code_point(s, i);
}

// Appends the UTF-8 encoding of c to out.
void append_utf8(std::string& out, char32_t c);

// Number of code points in a well-formed UTF-8 string.
std::size_t code_point_count(std::string_view s);

// `bytes` with each byte of an invalid UTF-8 sequence written as \xHH (upper-case
// hex), and with `backslashes`, each backslash as \\ too, so that the result can be
// read back (a file name that is not UTF-8, as an id). Valid sequences are kept.
std::string escape_invalid_bytes(std::string_view bytes, bool backslashes);

// The UTF-8 byte order mark some editors put at the start of a file: no content.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// `s` without a leading byte order mark.
inline std::string_view without_byte_order_mark(std::string_view s) {
    return s.starts_with(kByteOrderMark) ? s.substr(kByteOrderMark.size()) : s;
}

}  // namespace naba::text
