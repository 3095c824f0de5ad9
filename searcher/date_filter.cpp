#include "date_filter.h"

#include <cctype>
#include <optional>

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
        if (!low || !high) bad(value);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *low, *high);
    }
    std::string from = value.substr(0, dots), to = value.substr(dots + 2);
    std::optional<std::string> low, high;
    if (!from.empty() && !(low = bound(from, false))) bad(value);
    if (!to.empty() && !(high = bound(to, true))) bad(value);
    if (low && high) {
        if (*low > *high)
            throw Xapian::QueryParserError("date:" + value + " ends before it starts; write date:" + to + ".." + from);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *low, *high);
    }
    if (low) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, *low);
    if (high) {
        // Undated documents have an empty value, which sorts first: start at "0".
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, "0", *high);
    }
    bad(value);
}

}  // namespace naba::searcher
