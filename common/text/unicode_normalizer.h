// The lossless-then-lossy Unicode stage of the analysis chain (ICU):
// well-formed UTF-8 (invalid bytes become U+FFFD), NFKC with case folding
// (presentation forms, ligatures and full-width letters collapse; default-ignorable
// marks such as ZWNJ and bidi controls disappear), accents removed from Latin
// letters (Erdoğan = Erdogan, Zaporižžia = Zaporizzia), and every decimal digit
// (Arabic-Indic, Extended Arabic-Indic, ...) mapped to ASCII 0-9.
#pragma once

#include <string>
#include <string_view>

namespace naba::text {

// NFKC + case folding + Latin accent folding + ASCII digits. Used for document text and query words alike.
std::string unicode_normalize(std::string_view utf8);

// True when the bytes are well-formed UTF-8 (checked before normalization so that
// readers can warn about the repair with a byte offset).
bool is_valid_utf8(std::string_view bytes, std::size_t* first_bad_offset = nullptr);

// Replaces every ill-formed sequence with U+FFFD; valid input is returned unchanged.
std::string repair_utf8(std::string_view bytes);

}  // namespace naba::text
