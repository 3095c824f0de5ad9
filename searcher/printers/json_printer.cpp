// JSON Lines output: one object per hit, fields in a fixed order.
#include <nlohmann/json.hpp>

#include "printers/printer.h"

namespace naba::searcher {
namespace {

class JsonPrinter : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void hit(const Hit& hit) override {
        const auto& d = hit.doc;
        nlohmann::ordered_json j = {
            {"rank", hit.rank}, {"id", d.id},         {"title", d.title},   {"path", d.path},
            {"line", d.line},   {"date", d.date},     {"lang", d.lang},     {"source", d.source},
            {"url", d.url},     {"score", hit.score}, {"snippet", hit.snippet},
        };
        out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintContext&) {
    return std::make_unique<JsonPrinter>(out);
}

}  // namespace naba::searcher
