#include "number_id.h"

#include <algorithm>
#include <cstdint>

namespace naba::indexer {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The digits at the front of `s`, taken off it.
std::string_view take_digits(std::string_view& s) {
    std::size_t n = 0;
    while (n < s.size() && is_digit(s[n])) ++n;
    const std::string_view digits = s.substr(0, n);
    s.remove_prefix(n);
    return digits;
}

}  // namespace

std::optional<std::string> canonical_number_id(std::string_view s) {
    // JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    const bool negative = !s.empty() && s.front() == '-';
    if (negative) s.remove_prefix(1);
    const std::string_view whole = take_digits(s);
    if (whole.empty() || (whole.size() > 1 && whole.front() == '0')) return std::nullopt;
    std::string_view fraction;
    if (!s.empty() && s.front() == '.') {
        s.remove_prefix(1);
        fraction = take_digits(s);
        if (fraction.empty()) return std::nullopt;
    }
    std::int64_t exponent = 0;
    if (!s.empty() && (s.front() == 'e' || s.front() == 'E')) {
        s.remove_prefix(1);
        const bool down = !s.empty() && s.front() == '-';
        if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
        const std::string_view digits = take_digits(s);
        if (digits.empty() || digits.size() > 9) return std::nullopt;
        for (char c : digits) exponent = exponent * 10 + (c - '0');
        if (down) exponent = -exponent;
    }
    if (!s.empty()) return std::nullopt;

    // value = 0.`digits` x 10^`point`, digits without leading or trailing zeros.
    std::string digits = std::string(whole) + std::string(fraction);
    std::int64_t point = static_cast<std::int64_t>(whole.size()) + exponent;
    const std::size_t lead = digits.find_first_not_of('0');
    if (lead == std::string::npos) return "0";
    digits.erase(0, lead), point -= static_cast<std::int64_t>(lead);
    digits.erase(digits.find_last_not_of('0') + 1);

    const auto size = static_cast<std::int64_t>(digits.size());
    std::string out = negative ? "-" : "";
    // Plain: the digits with zeros before (0.00d) or after (d00), or a point inside.
    const std::int64_t plain = point <= 0 ? 2 - point + size : std::max(point, size) + (size > point ? 1 : 0);
    if (plain <= static_cast<std::int64_t>(kMaxPlainNumberId)) {
        if (point <= 0) return out + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
        if (point >= size) return out + digits + std::string(static_cast<std::size_t>(point - size), '0');
        return out + digits.substr(0, static_cast<std::size_t>(point)) + "." +
               digits.substr(static_cast<std::size_t>(point));
    }
    out += digits.front();
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + "e" + std::to_string(point - 1);
}

}  // namespace naba::indexer
