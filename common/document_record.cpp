// The document data record (schema.h: serialize, deserialize).
//
// Version 3 is binary: the mark "\0N", the version byte, then each text field as its
// length (LEB128) and its bytes in a fixed order, the line number (LEB128), and the
// entities (a count, then type, id and name of each). Versions 1 and 2 were JSON:
// writing it escaped every byte of the text and built a JSON object per document
// (a twentieth of a build's CPU), and each hit shown parsed the whole text back.
// A JSON record begins with '{', never with a NUL, so an index written before keeps
// its records readable beside new ones (each is rewritten when its document is).
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "schema.h"
#include "text/unicode_normalizer.h"

namespace naba::schema {
namespace {

constexpr std::string_view kBinaryMark{"\0N", 2};

// The text fields in the record's order, for the writer and the reader alike.
template <class Document>
auto text_fields(Document& doc) {
    return std::array{&doc.id, &doc.path, &doc.title, &doc.date, &doc.lang, &doc.source, &doc.url, &doc.text};
}

void put_number(std::string& out, std::uint64_t n) {
    while (n >= 0x80) {
        out.push_back(static_cast<char>((n & 0x7f) | 0x80));
        n >>= 7;
    }
    out.push_back(static_cast<char>(n));
}

// The record holds well-formed UTF-8 (as JSON did, replacing bad bytes with U+FFFD):
// readers repair what they read, but a path keeps the bytes of its file name.
void put_text(std::string& out, std::string_view s) {
    if (!text::is_valid_utf8(s)) {
        const std::string repaired = text::repair_utf8(s);
        put_number(out, repaired.size());
        out.append(repaired);
        return;
    }
    put_number(out, s.size());
    out.append(s);
}

[[noreturn]] void not_a_record() {
    throw std::runtime_error(
        "document data is not a Naba record: this index was not built by naba-index (build one with naba-index)");
}

// A record with the binary mark and this version is naba-index's: one that does not
// read is cut short or overwritten, not another tool's, and only a rebuild mends it.
[[noreturn]] void damaged() {
    throw std::runtime_error(
        "a document record of this index is damaged (cut short or overwritten): build the index again with naba-index");
}

// Reads a binary record front to back; any length past the end is damage.
class RecordReader {
  public:
    explicit RecordReader(std::string_view data) : rest_(data) {}

    std::uint64_t number() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (rest_.empty()) damaged();
            const auto byte = static_cast<unsigned char>(rest_.front());
            rest_.remove_prefix(1);
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (byte < 0x80) return n;
        }
        damaged();
    }

    std::string text() {
        const std::uint64_t size = number();
        if (size > rest_.size()) damaged();
        std::string s(rest_.substr(0, size));
        rest_.remove_prefix(size);
        return s;
    }

    bool at_end() const { return rest_.empty(); }

  private:
    std::string_view rest_;
};

StoredDocument read_binary(std::string_view data) {
    RecordReader in(data.substr(kBinaryMark.size() + 1));
    StoredDocument doc;
    for (std::string* field : text_fields(doc)) *field = in.text();
    doc.line = static_cast<long>(in.number());
    const std::uint64_t entities = in.number();
    if (entities > data.size() / 3) damaged();  // each takes three bytes at least
    doc.entities.reserve(entities);
    for (std::uint64_t i = 0; i < entities; ++i) {
        StoredEntity& e = doc.entities.emplace_back();
        e.type = in.text();
        e.id = in.text();
        e.name = in.text();
    }
    if (!in.at_end()) damaged();
    return doc;
}

// Versions 1 and 2; version 1 records have no entities. JSON whose fields have other
// types ({"id": 5}) is another tool's data: nlohmann's type_error is no runtime_error,
// which is_naba_index catches, so it must not get out.
StoredDocument read_json(std::string_view data) try {
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id")) not_a_record();
    auto str = [&](const char* key) { return j.value(key, std::string()); };
    StoredDocument doc;
    doc.id = str("id");
    doc.path = str("path");
    doc.line = j.value("line", 0L);
    doc.title = str("title");
    doc.date = str("date");
    doc.lang = str("lang");
    doc.source = str("source");
    doc.url = str("url");
    doc.text = str("text");
    if (auto it = j.find("entities"); it != j.end() && it->is_array()) {
        for (const auto& e : *it) {
            if (!e.is_object()) continue;
            doc.entities.push_back({e.value("type", std::string()), e.value("id", std::string()),
                                    e.value("name", std::string())});
        }
    }
    return doc;
} catch (const nlohmann::json::exception&) {
    not_a_record();
}

}  // namespace

std::string serialize(const StoredDocument& doc) {
    std::string out;
    out.reserve(doc.text.size() + doc.title.size() + doc.path.size() + doc.id.size() + doc.url.size() + 64);
    out.append(kBinaryMark).push_back(static_cast<char>(kDataVersion));
    for (const std::string* field : text_fields(doc)) put_text(out, *field);
    put_number(out, static_cast<std::uint64_t>(doc.line));
    put_number(out, doc.entities.size());
    for (const StoredEntity& e : doc.entities) {
        put_text(out, e.type);
        put_text(out, e.id);
        put_text(out, e.name);
    }
    return out;
}

StoredDocument deserialize(std::string_view data) {
    if (data.starts_with(kBinaryMark)) {
        if (data.size() <= kBinaryMark.size()) damaged();
        const int version = static_cast<unsigned char>(data[kBinaryMark.size()]);
        if (version > kDataVersion)
            throw std::runtime_error("document record version " + std::to_string(version) +
                                     " is newer than this Naba reads (" + std::to_string(kDataVersion) +
                                     "): the index was written by a newer naba-index");
        if (version < kDataVersion) damaged();  // no binary record was written before version 3
        return read_binary(data);
    }
    return read_json(data);
}

}  // namespace naba::schema
