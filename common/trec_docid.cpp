#include "trec_docid.h"

#include <cstdio>
#include <stdexcept>

namespace naba {
namespace {

constexpr std::string_view kEscaped = " \t\v\f\r%";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

}  // namespace

std::string trec_docid_field(std::string_view id) {
    if (id.find_first_of(kEscaped) == std::string_view::npos) return std::string(id);
    std::string out;
    for (char c : id) {
        if (kEscaped.find(c) == std::string_view::npos) {
            out += c;
            continue;
        }
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
        out += hex;
    }
    return out;
}

std::string trec_docid_from_field(std::string_view field) {
    if (field.find('%') == std::string_view::npos) return std::string(field);
    std::string out;
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '%') {
            out += field[i];
            continue;
        }
        if (i + 2 >= field.size()) throw std::invalid_argument(std::string(field));
        const int high = hex_value(field[i + 1]), low = hex_value(field[i + 2]);
        if (high < 0 || low < 0) throw std::invalid_argument(std::string(field));
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

}  // namespace naba
