// Tab-separated output with chosen columns (--fields). Tabs, newlines and
// backslashes inside values are escaped as \t, \n and \\ so every hit is one line.
#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "printers/printer.h"

namespace naba::searcher {
namespace {

const std::vector<std::string> kFields = {"rank", "id",     "score", "date", "lang",  "title",
                                          "path", "line",   "source", "url", "snippet", "qid"};
const std::vector<std::string> kDefaultFields = {"rank", "id", "score", "date", "lang", "title"};

std::string escape(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        switch (c) {
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\\': out += "\\\\"; break;
            default: out += c;
        }
    }
    return out;
}

std::string field_value(const std::string& field, const QueryLabel& label, const Hit& hit) {
    const auto& d = hit.doc;
    if (field == "rank") return std::to_string(hit.rank);
    if (field == "id") return d.id;
    if (field == "score") {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6f", hit.score);
        return buf;
    }
    if (field == "date") return d.date;
    if (field == "lang") return d.lang;
    if (field == "title") return d.title;
    if (field == "path") return hit.source_path;
    if (field == "line") return std::to_string(d.line);
    if (field == "source") return d.source;
    if (field == "url") return d.url;
    if (field == "snippet") return hit.snippet;
    return label.qid;  // "qid"
}

class TsvPrinter : public Printer {
  public:
    TsvPrinter(std::ostream& out, std::vector<std::string> fields) : out_(out), fields_(std::move(fields)) {
        wants_snippet_ = std::find(fields_.begin(), fields_.end(), "snippet") != fields_.end();
    }

    std::optional<SnippetStyle> snippet_style() const override {
        return wants_snippet_ ? std::optional<SnippetStyle>(SnippetStyle{}) : std::nullopt;
    }

    void hit(const QueryLabel& label, const Hit& hit) override {
        bool first = true;
        bool has_qid = std::find(fields_.begin(), fields_.end(), "qid") != fields_.end();
        if (label.batch && !has_qid) {
            out_ << escape(label.qid);
            first = false;
        }
        for (const auto& field : fields_) {
            if (!first) out_ << '\t';
            out_ << escape(field_value(field, label, hit));
            first = false;
        }
        out_ << '\n';
    }

    // Entity names never hold tabs or newlines (gazetteer fields, or words of a text).
    void facet(const QueryLabel& label, const FacetCount& facet) override { write_facet_line(out_, label, facet); }
    void count(const QueryLabel& label, Xapian::doccount total) override { write_count_line(out_, label, total); }

  private:
    std::ostream& out_;
    std::vector<std::string> fields_;
    bool wants_snippet_ = false;
};

}  // namespace

const std::vector<std::string>& tsv_field_names() { return kFields; }

void check_tsv_fields(const std::vector<std::string>& fields) {
    std::string names;
    for (const auto& n : kFields) names += (names.empty() ? "" : ",") + n;
    if (fields.empty()) throw std::invalid_argument("--fields needs one or more of " + names + ", comma-separated");
    for (const auto& f : fields) {
        if (f.empty())
            throw std::invalid_argument("--fields has an empty name (two commas together, or one at an end); choose from " +
                                        names);
        if (std::find(kFields.begin(), kFields.end(), f) == kFields.end())
            throw std::invalid_argument("unknown --fields name '" + f + "'; choose from " + names);
    }
}

std::unique_ptr<Printer> make_tsv_printer(std::ostream& out, const PrintSettings& settings) {
    std::vector<std::string> fields = settings.fields.empty() ? kDefaultFields : settings.fields;
    check_tsv_fields(fields);
    return std::make_unique<TsvPrinter>(out, std::move(fields));
}

}  // namespace naba::searcher
