// Text output for a person at a terminal: rank and title, then id, date, language
// and score, then the snippet; a closing line with the exact number of matches.
// Right-to-left runs are isolated (printers/bidi.h); matched words are bold on a
// terminal and marked **like this** otherwise.
#include <cstdio>

#include "printers/bidi.h"
#include "printers/printer.h"
#include "terminal_text.h"

namespace naba::searcher {
namespace {

// Placeholders the snippet carries until the line is laid out: control characters
// are direction-neutral, while ANSI escapes contain letters that would split a run.
constexpr const char* kMarkStart = "\x01";
constexpr const char* kMarkEnd = "\x02";

class TextPrinter : public Printer {
  public:
    TextPrinter(std::ostream& out, const PrintSettings& settings) : out_(out), color_(settings.color) {}

    std::optional<SnippetStyle> snippet_style() const override {
        SnippetStyle style;
        style.highlight_start = kMarkStart;
        style.highlight_end = kMarkEnd;
        return style;
    }

    void begin(const QueryLabel& label) override {
        // A batch file's queries may hold control characters too (made from titles):
        // shown as the spaces they are searched as.
        if (label.batch) {
            const std::string query = one_line(text::controls_as_spaces(label.query));
            out_ << "# " << shown(label.qid) << ": " << isolate_rtl_runs(query) << "\n\n";
        }
    }

    void hit(const QueryLabel&, const Hit& hit) override {
        const auto& d = hit.doc;
        const std::string title = one_line(d.title);  // a terminal would obey its control characters
        out_ << hit.rank << ". " << isolate_rtl_runs(title.empty() ? "(untitled)" : title) << "\n";
        // A record's language code is any string it gave, escape sequences included.
        out_ << "   " << shown(d.id);
        if (!d.date.empty()) out_ << " | " << shown(d.date);
        if (!d.lang.empty()) out_ << " | " << shown(d.lang);
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", hit.score);
        out_ << " | score " << score << "\n";
        if (!hit.snippet.empty()) out_ << "   " << mark(isolate_rtl_runs(hit.snippet, kMarkStart[0], kMarkEnd[0])) << "\n";
        out_ << "\n";
    }

    void end(const QueryLabel& label, const SearchPage& page, long offset) override {
        if (page.hits.empty()) {
            out_ << (page.total ? "No results on this page; " + std::string(page.total_exact ? "" : "about ") +
                                      std::to_string(page.total) + " matches in all.\n"
                                : std::string("No matches.\n"));
        } else {
            out_ << "Results " << offset + 1 << "-" << offset + static_cast<long>(page.hits.size()) << " of "
                 << (page.total_exact ? "" : "about ") << page.total << " matches.\n";
        }
        if (label.batch) out_ << "\n";
    }

    void facet(const QueryLabel& label, const FacetCount& facet) override { write_facet_line(out_, label, facet); }
    void count(const QueryLabel& label, Xapian::doccount total) override { write_count_line(out_, label, total); }

  private:
    // A value shown outside the isolated runs: on one line, and without directional
    // characters that would reorder the rest of it (printers/bidi.h).
    static std::string shown(const std::string& value) { return without_explicit_directions(one_line(value)); }

    std::string mark(const std::string& text) const {
        const std::string start = color_ ? "\x1b[1m" : "**", end = color_ ? "\x1b[0m" : "**";
        std::string out;
        out.reserve(text.size() + 32);
        for (char c : text) {
            if (c == kMarkStart[0]) {
                out += start;
            } else if (c == kMarkEnd[0]) {
                out += end;
            } else {
                out += c;
            }
        }
        return out;
    }

    std::ostream& out_;
    bool color_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintSettings& settings) {
    return std::make_unique<TextPrinter>(out, settings);
}

}  // namespace naba::searcher
