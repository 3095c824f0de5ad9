#include "text/terminal_text.h"

#include <cstdio>

namespace naba::text {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

// Bytes of the control character (C0, DEL, or C1 in UTF-8) at text[i], or 0.
std::size_t control_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) return 1;
    const bool c1 = c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9f;
    return c1 ? 2 : 0;
}

// Runs of white space become one space; with drop_controls, control characters are
// left out too.
std::string squeeze(std::string_view text, bool drop_controls) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_space(text[i])) {
            space = !out.empty();
            continue;
        }
        if (std::size_t n = drop_controls ? control_at(text, i) : 0) {
            i += n - 1;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += text[i];
    }
    return out;
}

}  // namespace

std::string one_line(std::string_view text) { return squeeze(text, true); }

std::string squeeze_spaces(std::string_view text) { return squeeze(text, false); }

std::string controls_as_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t n = control_at(text, i);
        out += n ? ' ' : text[i];
        i += n ? n - 1 : 0;
    }
    return out;
}

bool has_control(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (control_at(text, i) && !is_space(text[i])) return true;
    return false;
}

std::string escape_controls(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t n = control_at(text, i);
        if (n == 0) {
            out += text[i];
            continue;
        }
        for (std::size_t k = i; k < i + n; ++k) {
            switch (text[k]) {
                case '\t': out += "\\t"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                default: {
                    char hex[5];
                    std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(text[k]));
                    out += hex;
                }
            }
        }
        i += n - 1;
    }
    return out;
}

std::string excerpt(std::string_view text) {
    constexpr std::size_t kMaxBytes = 200;
    if (text.size() <= kMaxBytes) return std::string(text);
    std::size_t end = kMaxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;  // not inside a character
    return std::string(text.substr(0, end)) + "… (" + std::to_string(text.size()) + " bytes in all)";
}

}  // namespace naba::text
