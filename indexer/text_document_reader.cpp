// Text files with an optional "Key: value" header block.
#include <algorithm>
#include <cctype>
#include <vector>

#include "date.h"
#include "document_readers.h"
#include "text/utf8.h"

namespace naba::indexer {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "Key: value" with a key of ASCII letters, digits, '-' or '_'.
bool split_header_line(std::string_view line, std::string& key, std::string_view& value) {
    std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos || colon > 40) return false;
    for (char c : line.substr(0, colon))
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    key = lower(line.substr(0, colon));
    value = trim(line.substr(colon + 1));
    return true;
}

bool is_known_key(const std::string& key) {
    return key == "title" || key == "date" || key == "source" || key == "url" || key == "lang";
}

// Splits the first line off `rest` (without its "\n", "\r\n" or "\r": files saved
// with old Mac line ends would otherwise be one line, all of it the title).
std::string_view take_line(std::string_view& rest) {
    const std::size_t end = rest.find_first_of("\r\n");
    std::string_view line = rest.substr(0, end);
    if (end == std::string_view::npos) {
        rest = std::string_view();
    } else {
        const bool crlf = rest[end] == '\r' && rest.substr(end + 1).starts_with('\n');
        rest.remove_prefix(end + (crlf ? 2 : 1));
    }
    return line;
}

// Reads the header block if the text starts with one: every line up to the first
// blank line is "Key: value" and at least one key is a known one. Otherwise the
// text has no header (a first line like "Update: talks resume" stays in the body).
// A block that ends with the file is a header only if it has a Title (a headline
// with no body); without one, nothing would be left to search.
bool read_header(std::string_view text, schema::StoredDocument& doc, std::string_view& body,
                 const ProblemSink& problems) {
    std::string_view rest = text::without_byte_order_mark(text);
    bool known = false, titled = false;
    schema::StoredDocument fields;
    std::vector<std::string> bad_dates;  // reported only if the block is a header
    // A Title lets the end of the file close the block, as a blank line does.
    while (!rest.empty() || titled) {
        std::string_view line = take_line(rest);
        if (trim(line).empty()) {
            if (!known) return false;
            body = rest;
            doc.title = std::move(fields.title);
            doc.source = std::move(fields.source);
            doc.url = std::move(fields.url);
            doc.lang = std::move(fields.lang);
            doc.date = std::move(fields.date);
            for (const std::string& date : bad_dates)
                problems({doc.path, 0,
                          "Date '" + date +
                              "' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY); stored without a date",
                          false});
            return true;
        }
        std::string key;
        std::string_view value;
        if (!split_header_line(line, key, value)) return false;
        if (!is_known_key(key)) continue;  // other header keys are allowed and ignored
        known = true;
        if (key == "title") fields.title = value, titled = titled || !value.empty();
        if (key == "source") fields.source = value;
        if (key == "url") fields.url = value;
        if (key == "lang") fields.lang = lower(value);
        if (key == "date") {
            if (auto date = parse_record_date(value)) {
                fields.date = *date;
            } else {
                bad_dates.emplace_back(value);
            }
        }
    }
    return false;  // header lines only, no blank line and no Title: treat everything as body
}

}  // namespace

schema::StoredDocument parse_text_document(std::string_view bytes, std::string id, std::string path,
                                           const ProblemSink& problems) {
    schema::StoredDocument doc;
    doc.id = std::move(id);
    doc.path = std::move(path);
    std::string_view body = text::without_byte_order_mark(bytes);
    read_header(bytes, doc, body, problems);
    doc.text = std::string(body);
    if (doc.title.empty()) {
        std::string_view rest = body;
        while (!rest.empty() && doc.title.empty()) doc.title = std::string(trim(take_line(rest)));
    }
    return doc;
}

}  // namespace naba::indexer
