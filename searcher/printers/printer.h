// The output interface of naba-search (after notmuch's sprinter): one Printer per
// format, made by one factory, so no other code branches on the format.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "search.h"

namespace naba::searcher {

struct PrintContext {
    std::string query;
    bool color = false;  // ANSI highlighting (text format on a terminal)
};

class Printer {
  public:
    virtual ~Printer() = default;
    // How matched words are marked in snippets, for formats that print snippets.
    virtual SnippetStyle snippet_style() const { return {}; }
    virtual bool wants_snippets() const { return true; }
    virtual void hit(const Hit& hit) = 0;
    // After the last hit: the exact total and the page shown.
    virtual void summary(const SearchPage& /*page*/, long /*offset*/) {}
};

bool is_known_format(const std::string& format);
std::string known_formats();  // "text, json, ids"

// Throws std::invalid_argument for an unknown format.
std::unique_ptr<Printer> make_printer(const std::string& format, std::ostream& out, const PrintContext& context);

// Factories of the individual formats (one file each).
std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintContext& context);
std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintContext& context);
std::unique_ptr<Printer> make_ids_printer(std::ostream& out, const PrintContext& context);

}  // namespace naba::searcher
