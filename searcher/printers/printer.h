// The output interface of naba-search (after notmuch's sprinter): one Printer per
// format, made by one factory, so no other code branches on the format. In batch
// mode every result carries its query id; each format says how.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "facets.h"
#include "search.h"

namespace naba::searcher {

// Version of the machine formats (json field names and meanings, tsv columns, ...).
inline constexpr int kFormatVersion = 1;

struct PrintSettings {
    bool color = false;               // ANSI highlighting (text format)
    std::vector<std::string> fields;  // tsv columns; empty: the default ones
    char line_end = '\n';             // ids and paths: '\0' with --null
    // trec: the score column is minus the rank (--sort date, -date). trec_eval orders
    // a run by score, so BM25 scores there put a run sorted by date back in BM25 order.
    bool scores_from_ranks = false;
};

struct QueryLabel {
    std::string qid;    // query id: given in the batch file, else the line number
    std::string query;
    bool batch = false;
};

class Printer {
  public:
    virtual ~Printer() = default;
    // How matched words are marked in snippets; nullopt when the format prints none.
    virtual std::optional<SnippetStyle> snippet_style() const { return SnippetStyle{}; }
    virtual void begin(const QueryLabel& /*label*/) {}
    virtual void hit(const QueryLabel& label, const Hit& hit) = 0;
    // After the last hit of a query: the exact total and the page shown.
    virtual void end(const QueryLabel& /*label*/, const SearchPage& /*page*/, long /*offset*/) {}
    // One entity count of --facets (only formats that format_prints_facets() are asked).
    virtual void facet(const QueryLabel& /*label*/, const FacetCount& /*facet*/) {}
    // The exact number of matches of --count, instead of hits.
    virtual void count(const QueryLabel& label, Xapian::doccount total) = 0;
};

// The --count line of every format but json: [qid TAB] COUNT.
void write_count_line(std::ostream& out, const QueryLabel& label, Xapian::doccount total);

// The facet line of the text and tsv formats: [qid TAB] TYPE TAB COUNT TAB ID TAB NAME.
void write_facet_line(std::ostream& out, const QueryLabel& label, const FacetCount& facet);

bool is_known_format(const std::string& format);
bool format_prints_facets(const std::string& format);
std::string facet_formats();  // "text, json, tsv"
std::string known_formats();  // "text, json, tsv, ids, paths, trec"

// The fields a tsv line can have, in their default order.
const std::vector<std::string>& tsv_field_names();

// Throws std::invalid_argument, listing the fields, unless `fields` (--fields, split at
// commas) names one or more tsv fields and nothing else: no unknown and no empty name.
void check_tsv_fields(const std::vector<std::string>& fields);

// Throws std::invalid_argument for an unknown format or tsv field.
std::unique_ptr<Printer> make_printer(const std::string& format, std::ostream& out, const PrintSettings& settings);

// Factories of the individual formats (one file each).
std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintSettings& settings);
std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintSettings& settings);
std::unique_ptr<Printer> make_tsv_printer(std::ostream& out, const PrintSettings& settings);
std::unique_ptr<Printer> make_ids_printer(std::ostream& out, const PrintSettings& settings);
std::unique_ptr<Printer> make_paths_printer(std::ostream& out, const PrintSettings& settings);
std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const PrintSettings& settings);

}  // namespace naba::searcher
