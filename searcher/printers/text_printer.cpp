// Text output for a person at a terminal: rank and title, then id, date, language
// and score, then the snippet; a closing line with the exact number of matches.
#include "printers/printer.h"

namespace naba::searcher {
namespace {

class TextPrinter : public Printer {
  public:
    TextPrinter(std::ostream& out, const PrintContext& context) : out_(out), context_(context) {}

    SnippetStyle snippet_style() const override {
        SnippetStyle style;
        if (context_.color) {
            style.highlight_start = "\x1b[1m";
            style.highlight_end = "\x1b[0m";
        }
        return style;
    }

    void hit(const Hit& hit) override {
        const auto& d = hit.doc;
        out_ << hit.rank << ". " << (d.title.empty() ? "(untitled)" : d.title) << "\n";
        out_ << "   " << d.id;
        if (!d.date.empty()) out_ << " | " << d.date;
        if (!d.lang.empty()) out_ << " | " << d.lang;
        out_ << " | score " << format_score(hit.score) << "\n";
        if (!hit.snippet.empty()) out_ << "   " << hit.snippet << "\n";
        out_ << "\n";
    }

    void summary(const SearchPage& page, long offset) override {
        if (page.hits.empty()) {
            out_ << (page.total ? "No results on this page; " + std::to_string(page.total) + " matches in all.\n"
                                : std::string("No matches.\n"));
            return;
        }
        out_ << "Results " << offset + 1 << "-" << offset + static_cast<long>(page.hits.size()) << " of "
             << page.total << " matches.\n";
    }

  private:
    static std::string format_score(double score) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3f", score);
        return buf;
    }

    std::ostream& out_;
    PrintContext context_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintContext& context) {
    return std::make_unique<TextPrinter>(out, context);
}

}  // namespace naba::searcher
