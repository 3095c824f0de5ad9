// One id per line, for piping into other tools.
#include "printers/printer.h"

namespace naba::searcher {
namespace {

class IdsPrinter : public Printer {
  public:
    explicit IdsPrinter(std::ostream& out) : out_(out) {}
    bool wants_snippets() const override { return false; }
    void hit(const Hit& hit) override { out_ << hit.doc.id << "\n"; }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_ids_printer(std::ostream& out, const PrintContext&) {
    return std::make_unique<IdsPrinter>(out);
}

}  // namespace naba::searcher
