// JSON Lines input, parsed with simdjson's On-Demand API one line at a time so that
// a malformed line is reported with its number and the rest of the file still loads.

#include <iterator>
#include <string_view>
#include <vector>

#include <simdjson.h>
#include <unicode/uchar.h>

#include "date.h"
#include "document_readers.h"
#include "number_id.h"
#include "text/unicode_normalizer.h"
#include "text/utf8.h"

namespace naba::indexer {
namespace {

namespace od = simdjson::ondemand;

// An id of spaces alone (" ", U+3000) looks like none where ids are printed one per
// line, and scripts that trim lines read it as an empty one.
bool only_white_space(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (!u_isUWhiteSpace(static_cast<UChar32>(text::next_code_point(s, i)))) return false;
    return true;
}

// Reads a scalar as text: strings unescaped, numbers as written (and `*number` set);
// nullopt otherwise.
std::optional<std::string> scalar_text(od::value value, bool* number = nullptr) {
    od::json_type type;
    if (value.type().get(type)) return std::nullopt;
    if (type == od::json_type::string) {
        std::string_view s;
        if (value.get_string().get(s)) return std::nullopt;
        return std::string(s);
    }
    if (type == od::json_type::number) {
        std::string_view raw = value.raw_json_token();
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) raw.remove_suffix(1);
        if (number) *number = true;
        return std::string(raw);
    }
    return std::nullopt;
}

// What a line gives besides the document: its date as written (checked later) and
// warnings about values that were not used, said only if the line is taken.
struct LineNotes {
    std::string raw_date;
    std::vector<std::string> warnings;
};

// The fields naba-index reads; a repeat of one is reported (the last one is used).
constexpr std::string_view kKnownKeys[] = {"id", "text", "title", "date", "source", "url", "lang"};

int known_key_index(std::string_view key) {
    for (std::size_t i = 0; i < std::size(kKnownKeys); ++i)
        if (kKnownKeys[i] == key) return static_cast<int>(i);
    return -1;
}

// "an object", "an array", "a boolean": a value an optional field cannot hold as text.
std::string type_name(od::value value) {
    od::json_type type;
    if (value.type().get(type)) return "not a value";
    switch (type) {
        case od::json_type::object: return "an object";
        case od::json_type::array: return "an array";
        case od::json_type::boolean: return "a boolean";
        default: return "not a string";
    }
}

bool is_null(od::value value) {
    od::json_type type;
    return !value.type().get(type) && type == od::json_type::null;
}

// The value of the 4 hex digits at line[i..i+4), or -1.
int hex4(std::string_view line, std::size_t i) {
    if (i + 4 > line.size()) return -1;
    int value = 0;
    for (char c : line.substr(i, 4)) {
        const int digit = c >= '0' && c <= '9' ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0) return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Turns each \uD800-\uDFFF escape that is not half of a high+low pair into \uFFFD;
// returns how many. Text cut in the middle of a UTF-16 pair (an emoji) has them, and
// simdjson 3.0 (Debian 12) rejects the whole string.
std::size_t repair_lone_surrogates(std::string& line) {
    if (line.find("\\ud") == std::string::npos && line.find("\\uD") == std::string::npos) return 0;
    std::size_t repaired = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        if (line[i] != '\\') continue;
        if (line[i + 1] != 'u') {  // another escape, "\\" included: skip its character
            ++i;
            continue;
        }
        const int unit = hex4(line, i + 2);
        const bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
        if (high && line.compare(i + 6, 2, "\\u") == 0) {
            const int next = hex4(line, i + 8);
            if (next >= 0xDC00 && next <= 0xDFFF) {  // a pair: leave it
                i += 11;
                continue;
            }
        }
        if (high || low) line.replace(i + 2, 4, "FFFD"), ++repaired;
        i += 1;
    }
    return repaired;
}

// Where the JSON value that starts the line ends: just after the bracket that closes
// its first '{' or '[' (strings and their escapes skipped), or npos if none does.
std::size_t end_of_first_value(std::string_view line) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth <= 0) {
            return depth == 0 ? i + 1 : std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

std::string parse_one_object(od::parser& parser, const std::string& padded, std::size_t length,
                             schema::StoredDocument& doc, LineNotes& notes);

// A line with a JSON value and then more text, which simdjson reports as a document
// that "ended early" (or, after a '}', as extra content): says so, and where, with
// what is wrong with the value itself if anything; nullopt for another line.
std::optional<std::string> text_after_object(od::parser& parser, const std::string& padded, std::size_t length) {
    const std::string_view line(padded.data(), length);
    const std::size_t end = end_of_first_value(line);
    if (end == std::string_view::npos) return std::nullopt;
    const std::size_t rest = line.find_first_not_of(" \t\r", end);
    if (rest == std::string_view::npos) return std::nullopt;
    schema::StoredDocument ignored;
    LineNotes ignored_notes;
    // The padding after `end` is the line's own bytes; simdjson stops at `end`.
    const std::string object_error = parse_one_object(parser, padded, end, ignored, ignored_notes);
    const std::string where = " at byte " + std::to_string(rest + 1) + " of the line";
    const std::string value = line[line.find_first_not_of(" \t\r")] == '{' ? "JSON object" : "JSON value";
    std::string message;
    if (line[rest] == '{') {
        message = "a second JSON object after the first" + where + " (one object per line)";
    } else {
        constexpr std::size_t kShown = 20;
        std::string shown(line.substr(rest, kShown));
        if (line.size() - rest > kShown) shown += "...";
        message = "text after the " + value + where + " ('" + shown + "')";
    }
    return object_error.empty() ? message : object_error + ", and " + message;
}

// Parses one JSON object into doc; returns an error message or "".
std::string parse_object(od::parser& parser, const std::string& padded, std::size_t length,
                         schema::StoredDocument& doc, LineNotes& notes) {
    std::string error = parse_one_object(parser, padded, length, doc, notes);
    if (error.empty()) return error;
    // Only a line that failed is looked at again, so a good line costs nothing more.
    if (std::optional<std::string> after = text_after_object(parser, padded, length)) return *after;
    return error;
}

std::string parse_one_object(od::parser& parser, const std::string& padded, std::size_t length,
                             schema::StoredDocument& doc, LineNotes& notes) {
    od::document json;
    if (auto error = parser.iterate(padded.data(), length, padded.size()).get(json))
        return std::string("not valid JSON (") + simdjson::error_message(error) + ")";
    od::object object;
    if (auto error = json.get_object().get(object)) {
        return error == simdjson::INCORRECT_TYPE
                   ? std::string("not a JSON object")
                   : std::string("not valid JSON (") + simdjson::error_message(error) + ")";
    }
    bool has_id = false, has_text = false;
    unsigned seen = 0;  // bit i: kKnownKeys[i] was met
    for (auto field : object) {
        std::string_view key;
        od::value value;
        if (auto error = field.unescaped_key().get(key))
            return std::string("not valid JSON (") + simdjson::error_message(error) + ")";
        if (auto error = field.value().get(value))
            return std::string("not valid JSON (") + simdjson::error_message(error) + ")";
        // Scraped objects repeat keys; JSON leaves which one counts open, so say it.
        if (const int known = known_key_index(key); known >= 0) {
            if (seen & (1u << known))
                notes.warnings.push_back("\"" + std::string(key) + "\" appears more than once; the last one is used");
            seen |= 1u << known;
        }
        bool number = false;
        auto text = scalar_text(value, &number);
        if (key == "id") {
            if (!text || text->empty()) return "\"id\" must be a non-empty string or a number";
            // One id per value: 1, 1.0 and 1e0 are one document, as "1" and 1 are.
            if (number) {
                const std::string raw = std::move(*text);
                if (!(text = canonical_number_id(raw)))
                    return "\"id\" " + raw.substr(0, 40) +
                           " is not a number naba-index can use (not JSON's number syntax, or an exponent of 10 "
                           "digits or more)";
            }
            if (!schema::id_fits_one_line(*text))
                return "\"id\" contains a control character (a tab or line break): ids must fit on one line";
            if (only_white_space(*text))
                return "\"id\" is only white space, which would print as an empty line: give the record a visible id";
            doc.id = *text, has_id = true;
        } else if (key == "text") {
            if (!text) return "\"text\" must be a string";
            doc.text = *text, has_text = true;
        } else if (text) {
            if (key == "title") doc.title = *text;
            if (key == "source") doc.source = *text;
            if (key == "url") doc.url = *text;
            if (key == "lang") doc.lang = *text;
            if (key == "date") notes.raw_date = *text;
        } else if (known_key_index(key) >= 0 && !is_null(value)) {
            // {"source": {"name": ...}}, "title": [...]: what news APIs give. Not dropped silently.
            notes.warnings.push_back("\"" + std::string(key) + "\" is " + type_name(value) +
                                     ", not a string or number; stored without it");
            if (key == "title") doc.title.clear();
            if (key == "source") doc.source.clear();
            if (key == "url") doc.url.clear();
            if (key == "lang") doc.lang.clear();
            if (key == "date") notes.raw_date.clear();
        }
    }
    // current_location() only succeeds while unread tokens remain.
    const char* trailing = nullptr;
    if (json.current_location().get(trailing) == simdjson::SUCCESS) return "extra content after the JSON object";
    if (!has_id) return "no \"id\" field";
    if (!has_text) return "no \"text\" field";
    return "";
}

}  // namespace

long parse_jsonl(std::string_view bytes, const std::string& path, const DocumentSink& sink,
                 const ProblemSink& problems, long first_line) {
    od::parser parser;
    std::string padded;
    long line_number = first_line - 1, delivered = 0;
    if (first_line == 1) bytes = text::without_byte_order_mark(bytes);
    while (!bytes.empty()) {
        ++line_number;
        std::size_t nl = bytes.find('\n');
        std::string_view line = bytes.substr(0, nl);
        bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        if (line.find('\0') != std::string_view::npos) {  // JSON has no raw NUL; simdjson lets it through
            problems({path, line_number, "a NUL byte (binary data) in the line; line skipped", true});
            continue;
        }

        std::size_t bad = 0;
        if (!text::is_valid_utf8(line, &bad)) {
            problems({path, line_number, "invalid UTF-8 at byte " + std::to_string(bad) +
                                             " of the line; replaced with U+FFFD", false});
        }
        padded = text::repair_utf8(line);
        if (std::size_t n = repair_lone_surrogates(padded)) {
            problems({path, line_number, std::to_string(n) + " lone UTF-16 surrogate escapes (\\uD800-\\uDFFF); "
                                         "replaced with U+FFFD", false});
        }
        std::size_t length = padded.size();
        padded.append(simdjson::SIMDJSON_PADDING, ' ');

        schema::StoredDocument doc;
        LineNotes notes;
        std::string error = parse_object(parser, padded, length, doc, notes);
        if (!error.empty()) {
            problems({path, line_number, error + "; line skipped", true});
            continue;
        }
        for (std::string& warning : notes.warnings) problems({path, line_number, std::move(warning), false});
        const std::string& raw_date = notes.raw_date;
        if (!raw_date.empty()) {
            if (auto date = parse_record_date(raw_date)) {
                doc.date = *date;
            } else {
                problems({path, line_number,
                          "date '" + raw_date +
                              "' is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY); stored without a date",
                          false});
            }
        }
        doc.path = path;
        doc.line = line_number;
        sink(std::move(doc));
        ++delivered;
    }
    return delivered;
}

}  // namespace naba::indexer
