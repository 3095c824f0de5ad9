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

// A document's date as naba-index reads it (a JSONL "date", a text file's Date
// header): what parse_iso_date accepts, and also a month ("YYYY-MM") or a year
// ("YYYY") alone, as news dumps have them, taken as its first day ("2025-03-01",
// "2025-01-01"). Not for query dates: a month there means the whole month.
std::optional<std::string> parse_record_date(std::string_view text);

// "YYYY-MM-DD" -> "YYYYMMDD" (string order is date order).
std::string date_sort_key(std::string_view canonical_date);

}  // namespace naba
