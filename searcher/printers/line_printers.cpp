// The one-value-per-line formats for scripts: ids, paths and TREC runs. In batch
// mode ids and paths lines start with the query id and a tab; with --null they end
// with a NUL byte, for a path may hold a newline.
#include "printers/printer.h"

#include <cstdio>
#include <string>

#include "trec_docid.h"

namespace naba::searcher {
namespace {

class IdsPrinter : public Printer {
  public:
    IdsPrinter(std::ostream& out, bool paths, char line_end) : out_(out), paths_(paths), line_end_(line_end) {}
    std::optional<SnippetStyle> snippet_style() const override { return std::nullopt; }
    void hit(const QueryLabel& label, const Hit& hit) override {
        if (label.batch) out_ << label.qid << '\t';
        out_ << (paths_ ? hit.source_path : hit.doc.id) << line_end_;
    }
    void count(const QueryLabel& label, Xapian::doccount total) override { write_count_line(out_, label, total); }

  private:
    std::ostream& out_;
    bool paths_;
    char line_end_;
};

// TREC run format, as trec_eval reads it: qid Q0 docid rank score tag. trec_eval
// orders a run by its score column, not its ranks: under a sort that is not by
// relevance the score is minus the rank, which keeps the order.
class TrecPrinter : public Printer {
  public:
    TrecPrinter(std::ostream& out, bool scores_from_ranks) : out_(out), scores_from_ranks_(scores_from_ranks) {}
    std::optional<SnippetStyle> snippet_style() const override { return std::nullopt; }
    void hit(const QueryLabel& label, const Hit& hit) override {
        char score[32];
        std::snprintf(score, sizeof score, "%.6f", scores_from_ranks_ ? -static_cast<double>(hit.rank) : hit.score);
        out_ << label.qid << " Q0 " << trec_docid_field(hit.doc.id) << ' ' << hit.rank << ' ' << score << " naba\n";
    }
    void count(const QueryLabel& label, Xapian::doccount total) override { write_count_line(out_, label, total); }

  private:
    std::ostream& out_;
    bool scores_from_ranks_;
};

}  // namespace

std::unique_ptr<Printer> make_ids_printer(std::ostream& out, const PrintSettings& settings) {
    return std::make_unique<IdsPrinter>(out, false, settings.line_end);
}

std::unique_ptr<Printer> make_paths_printer(std::ostream& out, const PrintSettings& settings) {
    return std::make_unique<IdsPrinter>(out, true, settings.line_end);
}

std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const PrintSettings& settings) {
    return std::make_unique<TrecPrinter>(out, settings.scores_from_ranks);
}

}  // namespace naba::searcher
