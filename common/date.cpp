#include "date.h"

#include <cctype>
#include <chrono>

namespace naba {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

std::optional<std::string> parse_iso_date(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);

    std::string_view y, m, d;
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
        std::string_view rest = text.substr(10);
        if (!rest.empty() && rest[0] != 'T' && rest[0] != 't' && rest[0] != ' ') return std::nullopt;
    } else if (text.size() == 8) {
        y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
    } else {
        return std::nullopt;
    }
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;

    std::chrono::year_month_day ymd{std::chrono::year{to_int(y)},
                                    std::chrono::month{static_cast<unsigned>(to_int(m))},
                                    std::chrono::day{static_cast<unsigned>(to_int(d))}};
    if (!ymd.ok()) return std::nullopt;
    std::string out;
    out.append(y).append("-").append(m).append("-").append(d);
    return out;
}

std::optional<std::string> parse_record_date(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (text.size() == 4 && all_digits(text)) return parse_iso_date(std::string(text) + "-01-01");
    if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(0, 4)) && all_digits(text.substr(5)))
        return parse_iso_date(std::string(text) + "-01");
    return parse_iso_date(text);
}

std::string date_sort_key(std::string_view canonical_date) {
    std::string key;
    for (char c : canonical_date)
        if (c != '-') key += c;
    return key;
}

}  // namespace naba
