// JSON Lines output: one object per hit, fields in a fixed, documented order
// (format version 1). In batch mode each object starts with "qid".
#include <nlohmann/json.hpp>

#include "printers/printer.h"

namespace naba::searcher {
namespace {

class JsonPrinter : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void hit(const QueryLabel& label, const Hit& hit) override {
        const auto& d = hit.doc;
        nlohmann::ordered_json j = start(label);
        j["rank"] = hit.rank;
        j["id"] = d.id;
        j["title"] = d.title;
        j["path"] = d.path;
        j["line"] = d.line;
        j["date"] = d.date;
        j["lang"] = d.lang;
        j["source"] = d.source;
        j["url"] = d.url;
        j["score"] = hit.score;
        j["snippet"] = hit.snippet;
        j["entities"] = nlohmann::ordered_json::array();
        for (const schema::StoredEntity& e : d.entities)
            j["entities"].push_back({{"type", e.type}, {"id", e.id}, {"name", e.name}});
        write(j);
    }

    void facet(const QueryLabel& label, const FacetCount& f) override {
        nlohmann::ordered_json j = start(label);
        j["type"] = f.type;
        j["id"] = f.id;
        j["name"] = f.name;
        j["count"] = f.count;
        write(j);
    }

    // {"count": N}, after "qid" in batch mode: a line a JSON Lines reader can parse.
    void count(const QueryLabel& label, Xapian::doccount total) override {
        nlohmann::ordered_json j = start(label);
        j["count"] = total;
        write(j);
    }

  private:
    // Every object starts with "qid" in batch mode.
    static nlohmann::ordered_json start(const QueryLabel& label) {
        nlohmann::ordered_json j;
        if (label.batch) j["qid"] = label.qid;
        return j;
    }

    // One object per line; invalid UTF-8 in stored text becomes U+FFFD, never an exception.
    void write(const nlohmann::ordered_json& j) {
        out_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }

    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintSettings&) {
    return std::make_unique<JsonPrinter>(out);
}

}  // namespace naba::searcher
