#include "printers/bidi.h"

#include <unicode/uchar.h>

#include "text/utf8.h"

namespace naba::searcher {
namespace {

enum class Strength { rtl, ltr, neutral };

Strength strength(char32_t c) {
    switch (u_charDirection(static_cast<UChar32>(c))) {
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC:
            return Strength::rtl;
        case U_LEFT_TO_RIGHT:
            return Strength::ltr;
        default:
            return Strength::neutral;
    }
}

bool explicit_direction(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

}  // namespace

std::string without_explicit_directions(std::string_view utf8) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t start = i;
        if (!explicit_direction(text::next_code_point(utf8, i))) continue;
        out.append(utf8.substr(copied, start - copied));
        copied = i;
    }
    if (copied == 0) return std::string(utf8);
    return out.append(utf8.substr(copied));
}

std::string isolate_rtl_runs(std::string_view text, char open_mark, char close_mark) {
    const std::string cleaned = without_explicit_directions(text);
    const std::string_view utf8 = cleaned;
    std::string out;
    out.reserve(utf8.size() + 16);
    std::size_t run_start = std::string_view::npos;  // byte where the open run starts
    std::size_t run_end = 0;                          // byte after its last strong RTL char
    std::size_t copied = 0;                           // bytes of utf8 already in out

    auto close_run = [&]() {
        if (close_mark && run_end < utf8.size() && utf8[run_end] == close_mark) ++run_end;
        out.append(kRli).append(utf8.substr(run_start, run_end - run_start)).append(kPdi);
        copied = run_end;
        run_start = std::string_view::npos;
    };
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t start = i;
        Strength s = strength(text::next_code_point(utf8, i));
        if (s == Strength::rtl) {
            if (run_start == std::string_view::npos) {
                if (open_mark && start > copied && utf8[start - 1] == open_mark) --start;
                out.append(utf8.substr(copied, start - copied));
                run_start = start;
            }
            run_end = i;
        } else if (s == Strength::ltr && run_start != std::string_view::npos) {
            close_run();
        }
    }
    if (run_start != std::string_view::npos) close_run();
    out.append(utf8.substr(copied));
    return out;
}

}  // namespace naba::searcher
