#include "date_filter.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "date.h"
#include "schema.h"

namespace naba::searcher {
namespace {

bool digits(const std::string& s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

// Sort key of the first (or last) day a date, month or year covers; nullopt if the
// text is none of those.
std::optional<std::string> bound(const std::string& text, bool upper) {
    if (text.size() == 4 && digits(text)) return text + (upper ? "1231" : "0101");
    if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4)) && digits(text.substr(5))) {
        int month = std::stoi(text.substr(5));
        if (month < 1 || month > 12) return std::nullopt;
        return text.substr(0, 4) + text.substr(5) + (upper ? "31" : "01");
    }
    // Exactly YYYY-MM-DD: parse_iso_date also takes what a record's date may be (a
    // time after a T, YYYYMMDD, spaces around it), which in a query is a typo.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (auto date = parse_iso_date(text)) return date_sort_key(*date);
    return std::nullopt;
}

bool same_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// `value` as the query `written` spells it after a date: (DATE: too), when one spells
// it so but for case; else `value` (normalization changed more than case).
std::string as_written(const std::string& value, const std::string* written) {
    if (!written) return value;
    constexpr std::string_view kField = "date:";
    const std::string_view here(*written);
    for (std::size_t at = 0; at + kField.size() <= here.size(); ++at) {
        if (!same_ignoring_ascii_case(here.substr(at, kField.size()), kField)) continue;
        const std::string_view spelt = here.substr(at + kField.size(), value.size());
        if (same_ignoring_ascii_case(spelt, value)) return std::string(spelt);
    }
    return value;
}

[[noreturn]] void bad(const std::string& value) {
    throw Xapian::QueryParserError("date:" + value +
                                   " is not a date or range; use date:YYYY-MM-DD, date:YYYY-MM, date:YYYY, "
                                   "or FROM..TO with either end left open");
}

}  // namespace

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
    const Xapian::valueno slot = schema::kDateSlot;
    std::size_t dots = value.find("..");
    if (dots == std::string::npos) {
        auto low = bound(value, false), high = bound(value, true);
        if (!low || !high) bad(as_written(value, written_));
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *low, *high);
    }
    std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    std::optional<std::string> low, high;
    if (!from.empty() && !(low = bound(from, false))) bad(as_written(value, written_));
    if (!to.empty() && !(high = bound(to, true))) bad(as_written(value, written_));
    if (low && high) {
        if (*low > *high)
            throw Xapian::QueryParserError("date:" + as_written(value, written_) + " ends before it starts; write date:" +
                                           to + ".." + from);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *low, *high);
    }
    if (low) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, *low);
    if (high) {
        // Undated documents have an empty value, which sorts first: start at "0".
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, "0", *high);
    }
    bad(as_written(value, written_));
}

}  // namespace naba::searcher
