#include "shared_ids.h"

#include <algorithm>
#include <filesystem>

#include "file_signature.h"
#include "input_walker.h"
#include "run_report.h"
#include "schema.h"

namespace naba::indexer {

std::string encode_holders(const std::vector<std::string>& paths) {
    std::string value;
    const std::size_t first = paths.size() > kMaxOtherHolders ? paths.size() - kMaxOtherHolders : 0;
    for (std::size_t i = first; i < paths.size(); ++i) value.append(paths[i]).push_back('\0');  // paths have no NUL
    return value;
}

std::vector<std::string> decode_holders(std::string_view value) {
    std::vector<std::string> paths;
    for (std::size_t end; (end = value.find('\0')) != std::string_view::npos; value.remove_prefix(end + 1))
        paths.emplace_back(value.substr(0, end));
    return paths;
}

void add_holder(std::vector<std::string>& holders, const std::string& path, const std::string& own) {
    if (path.empty() || path == own) return;
    if (auto at = std::find(holders.begin(), holders.end(), path); at != holders.end()) holders.erase(at);
    holders.push_back(path);
    // Bounded here, not only when stored: the reader's list for an id in thousands of
    // files would otherwise grow with each, and every look-up in it with it.
    if (holders.size() > kMaxOtherHolders) holders.erase(holders.begin());
}

namespace {

// The document takes the root terms of the indexed folders whose walk finds `to`
// (a folder above it with no hidden folder in between, and a name the walk reads):
// without one, the removal of vanished files would never see it, and it would
// outlive `to` if that went before its next read, which gives it its own root.
void take_roots_of(const Xapian::Database& db, Xapian::Document& doc, const std::string& to) {
    const std::string prefix(schema::kRootDirPrefix);
    std::vector<std::string> old_roots;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        t.skip_to(prefix);
        if (t == doc.termlist_end() || !(*t).starts_with(prefix)) break;
        old_roots.push_back(*t);
    }
    for (const std::string& term : old_roots) doc.remove_term(term);
    InputKind kind;
    if (!input_kind_of(to, kind)) return;
    for (std::filesystem::path dir = std::filesystem::path(to).parent_path();; dir = dir.parent_path()) {
        if (std::string term = root_term(dir.string()); db.term_exists(term)) doc.add_boolean_term(term);
        // A walk from a folder above does not enter a hidden one.
        if (dir.filename().string().starts_with(".") || dir == dir.parent_path()) break;
    }
}

// Its next run reads the file again, changed or not (JsonlEntry::unpruned). A text
// file needs nothing: its signature no longer matches the document's.
void ask_for_read(Xapian::WritableDatabase& db, const std::string& path) {
    const std::string key = jsonl_metadata_key(path);
    std::optional<JsonlEntry> entry = decode_jsonl_entry(db.get_metadata(key));
    if (!entry || entry->unpruned) return;
    entry->unpruned = true;
    db.set_metadata(key, encode_jsonl_entry(*entry));
}

}  // namespace

std::string hand_over(Xapian::WritableDatabase& db, Xapian::docid docid, const std::string& from) {
    Xapian::Document doc = db.get_document(docid);
    std::vector<std::string> holders = decode_holders(doc.get_value(schema::kOtherHoldersSlot));
    std::erase(holders, from);
    std::error_code ec;
    while (!holders.empty() && !std::filesystem::is_regular_file(holders.back(), ec)) holders.pop_back();
    if (holders.empty()) return "";
    std::string to = std::move(holders.back());
    holders.pop_back();

    schema::StoredDocument stored = schema::deserialize(doc.get_data());
    stored.path = to, stored.line = 0;  // its line there is known when the file is read again
    doc.set_data(schema::serialize(stored));
    doc.add_value(schema::kSourcePathSlot, to);
    // An empty value removes the slot (remove_value throws for a missing one).
    for (Xapian::valueno slot : {schema::kRecordLineSlot, schema::kContentHashSlot, schema::kFileSizeSlot,
                                 schema::kFileMtimeSlot})
        doc.add_value(slot, "");
    doc.add_value(schema::kOtherHoldersSlot, encode_holders(holders));
    take_roots_of(db, doc, to);
    db.replace_document(docid, doc);
    ask_for_read(db, to);
    return to;
}

void forget_holder(Xapian::WritableDatabase& db, const std::string& path,
                   const std::unordered_set<std::string>& id_terms) {
    // Only documents that list other holders are in this value stream: few, next to
    // the prune's own pass over every document's source path.
    std::vector<std::pair<Xapian::docid, std::vector<std::string>>> changed;
    const auto end = db.valuestream_end(schema::kOtherHoldersSlot);
    for (auto v = db.valuestream_begin(schema::kOtherHoldersSlot); v != end; ++v) {
        const std::string value = *v;
        if (value.find(path) == std::string::npos) continue;  // most: no need to decode
        std::vector<std::string> holders = decode_holders(value);
        if (std::erase(holders, path) == 0) continue;
        if (id_terms.contains(schema::id_term_of(db.get_document(v.get_docid())))) continue;
        changed.emplace_back(v.get_docid(), std::move(holders));
    }
    for (const auto& [docid, holders] : changed) {  // not while walking the stream
        Xapian::Document doc = db.get_document(docid);
        doc.add_value(schema::kOtherHoldersSlot, encode_holders(holders));
        db.replace_document(docid, doc);
    }
}

std::string handed_over_note(const std::string& from, const std::string& to, long count) {
    return count_of(count, "document") + " whose id left " + from + (count == 1 ? " is" : " are") + " kept: " + to +
           " still holds " + (count == 1 ? "it" : "them") + " (read again on the next run)";
}

}  // namespace naba::indexer
