#include "printers/printer.h"

#include <stdexcept>

namespace naba::searcher {
namespace {

struct FormatEntry {
    const char* name;
    std::unique_ptr<Printer> (*make)(std::ostream&, const PrintContext&);
};

// The one table of output formats.
constexpr FormatEntry kFormats[] = {
    {"text", make_text_printer},
    {"json", make_json_printer},
    {"ids", make_ids_printer},
};

}  // namespace

bool is_known_format(const std::string& format) {
    for (const auto& entry : kFormats)
        if (format == entry.name) return true;
    return false;
}

std::string known_formats() {
    std::string names;
    for (const auto& entry : kFormats) names += (names.empty() ? "" : ", ") + std::string(entry.name);
    return names;
}

std::unique_ptr<Printer> make_printer(const std::string& format, std::ostream& out, const PrintContext& context) {
    for (const auto& entry : kFormats)
        if (format == entry.name) return entry.make(out, context);
    throw std::invalid_argument("unknown format '" + format + "'; use one of " + known_formats());
}

}  // namespace naba::searcher
