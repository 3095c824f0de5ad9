#include "printers/printer.h"

#include <stdexcept>

namespace naba::searcher {
namespace {

struct FormatEntry {
    const char* name;
    std::unique_ptr<Printer> (*make)(std::ostream&, const PrintSettings&);
    bool facets;  // prints --facets
};

// The one table of output formats.
constexpr FormatEntry kFormats[] = {
    {"text", make_text_printer, true},   {"json", make_json_printer, true},   {"tsv", make_tsv_printer, true},
    {"ids", make_ids_printer, false},    {"paths", make_paths_printer, false}, {"trec", make_trec_printer, false},
};

}  // namespace

bool is_known_format(const std::string& format) {
    for (const auto& entry : kFormats)
        if (format == entry.name) return true;
    return false;
}

bool format_prints_facets(const std::string& format) {
    for (const auto& entry : kFormats)
        if (format == entry.name) return entry.facets;
    return false;
}

std::string facet_formats() {
    std::string names;
    for (const auto& entry : kFormats)
        if (entry.facets) names += (names.empty() ? "" : ", ") + std::string(entry.name);
    return names;
}

void write_facet_line(std::ostream& out, const QueryLabel& label, const FacetCount& f) {
    if (label.batch) out << label.qid << '\t';
    out << f.type << '\t' << f.count << '\t' << f.id << '\t' << f.name << '\n';
}

void write_count_line(std::ostream& out, const QueryLabel& label, Xapian::doccount total) {
    if (label.batch) out << label.qid << '\t';
    out << total << '\n';
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
