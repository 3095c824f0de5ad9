// The index's record of its text files, read in one pass (StoredTextFiles).
#include <doctest/doctest.h>

#include "file_signature.h"
#include "schema.h"
#include "stored_text_files.h"

using namespace naba::indexer;

TEST_CASE("the stored text files give each text file's document its path and signature, and nothing for others") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto text_doc = [](const std::string& path, std::uint64_t size, std::int64_t mtime) {
        Xapian::Document doc;
        FileSignature sig;
        sig.size = size, sig.mtime_ns = mtime, sig.ctime_ns = mtime + 1, sig.hash = 99;
        set_file_signature(doc, sig);
        doc.add_value(naba::schema::kSourcePathSlot, path);
        return doc;
    };
    const Xapian::docid a = db.add_document(text_doc("/news/a.txt", 10, 1000));
    Xapian::Document record;  // a JSONL record: a path, no file signature
    record.add_value(naba::schema::kSourcePathSlot, "/news/dump.jsonl");
    const Xapian::docid jsonl = db.add_document(record);
    const Xapian::docid b = db.add_document(text_doc("/news/b.txt", 20, 2000));
    db.commit();

    const StoredTextFiles files(db);
    REQUIRE(files.find(a));
    CHECK(files.find(a)->path == "/news/a.txt");
    CHECK(files.find(a)->sig.size == 10);
    CHECK(files.find(a)->sig.mtime_ns == 1000);
    CHECK(files.find(a)->sig.ctime_ns == 1001);
    REQUIRE(files.find(b));
    CHECK(files.find(b)->path == "/news/b.txt");
    CHECK(files.find(b)->sig.same_stat(file_signature_of(db.get_document(b))));
    CHECK_FALSE(files.find(jsonl));
    CHECK_FALSE(files.find(b + 1));
    CHECK_FALSE(files.find(a - 1));
}

TEST_CASE("the stored text files find a document by the id in its value, and only by that") {
    Xapian::WritableDatabase db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto text_doc = [](const std::string& path, const std::string& id) {
        Xapian::Document doc;
        FileSignature sig;
        sig.size = path.size(), sig.mtime_ns = 1000, sig.ctime_ns = 1001;
        set_file_signature(doc, sig);
        doc.add_value(naba::schema::kSourcePathSlot, path);
        if (!id.empty()) doc.add_value(naba::schema::kFileIdSlot, id);
        return doc;
    };
    const Xapian::docid a = db.add_document(text_doc("/news/a.txt", "a.txt"));
    const Xapian::docid old = db.add_document(text_doc("/news/old.txt", ""));  // an older naba-index's
    const Xapian::docid b = db.add_document(text_doc("/news/sub/b.txt", "sub/b.txt"));
    // Two documents claiming one id (never written so): neither is taken for it.
    db.add_document(text_doc("/x/c.txt", "c.txt"));
    db.add_document(text_doc("/y/c.txt", "c.txt"));
    db.commit();

    const StoredTextFiles files(db);
    REQUIRE(files.find_id("a.txt"));
    CHECK(files.find_id("a.txt")->docid == a);
    CHECK(files.find_id("a.txt")->path == "/news/a.txt");
    REQUIRE(files.find_id("sub/b.txt"));
    CHECK(files.find_id("sub/b.txt")->docid == b);
    CHECK(files.find_id("sub/b.txt")->sig.size == std::string("/news/sub/b.txt").size());
    CHECK_FALSE(files.find_id("old.txt"));
    CHECK_FALSE(files.find_id("b.txt"));
    CHECK_FALSE(files.find_id("c.txt"));
    REQUIRE(files.find(old));  // still there by its docid
    CHECK(files.find(old)->path == "/news/old.txt");
}

TEST_CASE("the text files are read in one pass only when a run names many of an index's files") {
    CHECK_FALSE(StoredTextFiles::worth_reading(10, 100));        // a few look-ups are cheaper
    CHECK_FALSE(StoredTextFiles::worth_reading(1000, 0));        // an empty index has nothing to read
    CHECK_FALSE(StoredTextFiles::worth_reading(1000, 1000000));  // a few new files into a large index
    CHECK(StoredTextFiles::worth_reading(20000, 20000));
}
