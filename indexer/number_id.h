// The id a JSONL record with a number for its "id" gets: one canonical text per
// numeric value, so that 1, 1.0, 1e0 and 10E-1 are one document (and the same one as
// the string "1"), while distinct values never share an id (no rounding through a
// double: 12345678901234567890 and 12345678901234567891 stay two).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace naba::indexer {

// The value of `number` (a JSON number token) in plain decimal notation: no '+', no
// leading zeros, no trailing zeros after the point, no point when it is whole, "-0"
// as "0" ("1.50" -> "1.5", "1e3" -> "1000"). Past kMaxPlainNumberId characters,
// scientific notation instead: one digit, the others after a point, 'e' and the
// exponent ("1e100" -> "1e100", "-1.25e-60"). nullopt when `number` is not a JSON
// number, or its exponent has more than 9 digits.
std::optional<std::string> canonical_number_id(std::string_view number);

inline constexpr std::size_t kMaxPlainNumberId = 40;

}  // namespace naba::indexer
