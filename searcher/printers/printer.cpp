#include "printers/printer.h"

#include <stdexcept>

namespace naba::searcher {
namespace {

struct FormatEntry {
    const char* name;
    std::unique_ptr<Printer> (*make)(std::ostream&, const PrintSettings&);
};

// The one table of output formats.
constexpr FormatEntry kFormats[] = {
    {"text", make_text_printer}, {"json", make_json_printer},   {"tsv", make_tsv_printer},
    {"ids", make_ids_printer},   {"paths", make_paths_printer}, {"trec", make_trec_printer},
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

std::unique_ptr<Printer> make_printer(const std::string& format, std::ostream& out, const PrintSettings& settings) {
    for (const auto& entry : kFormats)
        if (format == entry.name) return entry.make(out, settings);
    throw std::invalid_argument("--format must be one of " + known_formats() + ", not '" + format + "'");
}

}  // namespace naba::searcher
