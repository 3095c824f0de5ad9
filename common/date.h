// ISO 8601 dates as Naba stores them: "YYYY-MM-DD" for display and "YYYYMMDD" in the
// sortable date value slot.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace naba {

// Accepts YYYY-MM-DD, optionally followed by a time ("T10:00:00Z", " 10:00"), and
// YYYYMMDD. Returns the canonical "YYYY-MM-DD", or nothing for anything else
// (including impossible dates such as 2025-02-30).
std::optional<std::string> parse_iso_date(std::string_view text);

// "YYYY-MM-DD" -> "YYYYMMDD" (string order is date order).
std::string date_sort_key(std::string_view canonical_date);

}  // namespace naba
