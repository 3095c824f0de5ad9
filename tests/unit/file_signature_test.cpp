// The JSONL file entry kept in the index metadata: what it remembers, and that an
// entry written by an older naba-index is still read.
#include <doctest/doctest.h>

#include <filesystem>

#include "file_signature.h"

using namespace naba::indexer;

TEST_CASE("a JSONL metadata entry gives back its signature, documents, skipped lines, line limit and prune") {
    JsonlEntry entry;
    entry.sig.size = 1234, entry.sig.mtime_ns = 987654321, entry.sig.ctime_ns = 987654999, entry.sig.hash = 42;
    entry.documents = 7, entry.skipped_lines = 2, entry.long_line_limit = 1u << 20, entry.unpruned = true;
    const auto back = decode_jsonl_entry(encode_jsonl_entry(entry));
    REQUIRE(back);
    CHECK(back->sig.size == 1234);
    CHECK(back->sig.mtime_ns == 987654321);
    CHECK(back->sig.ctime_ns == 987654999);
    CHECK(back->sig.hash == 42);
    CHECK(back->documents == 7);
    CHECK(back->skipped_lines == 2);
    CHECK(back->long_line_limit == 1u << 20);
    CHECK(back->unpruned);
}

TEST_CASE("an entry from before skipped lines were kept is still read, as none skipped") {
    // Size, mtime, hash and documents: 32 bytes, so that an older index's files are
    // not all read and hashed again.
    const std::string old = encode_u64(1234) + encode_u64(987654321) + encode_u64(42) + encode_u64(7);
    const auto back = decode_jsonl_entry(old);
    REQUIRE(back);
    CHECK(back->sig.size == 1234);
    CHECK(back->documents == 7);
    CHECK(back->skipped_lines == 0);
    CHECK_FALSE(decode_jsonl_entry(old.substr(0, 31)));
    // With skipped lines (40 bytes) but no line limit.
    const auto forty = decode_jsonl_entry(old + encode_u64(3));
    REQUIRE(forty);
    CHECK(forty->skipped_lines == 3);
    CHECK(forty->long_line_limit == 0);
    // With the line limit (48 bytes): pruned, as every run before --no-delete was kept.
    const auto with_limit = decode_jsonl_entry(old + encode_u64(3) + encode_u64(1u << 20));
    REQUIRE(with_limit);
    CHECK_FALSE(with_limit->unpruned);
}

TEST_CASE("a signature from before the change time was kept reads as change time 0, so the file is hashed once") {
    const std::string old = encode_u64(1234) + encode_u64(987654321) + encode_u64(42) + encode_u64(7) +
                            encode_u64(0) + encode_u64(0) + encode_u64(0);  // 56 bytes
    const auto back = decode_jsonl_entry(old);
    REQUIRE(back);
    CHECK(back->sig.ctime_ns == 0);
    FileSignature now = back->sig;
    now.ctime_ns = 987654999;
    CHECK_FALSE(back->sig.same_stat(now));

    Xapian::Document doc;
    doc.add_value(naba::schema::kFileMtimeSlot, encode_u64(987654321));  // a text file's, 8 bytes
    CHECK(file_signature_of(doc).mtime_ns == 987654321);
    CHECK(file_signature_of(doc).ctime_ns == 0);
    set_file_signature(doc, now);
    CHECK(file_signature_of(doc).ctime_ns == 987654999);
    CHECK(file_signature_of(doc).same_stat(now));
}

TEST_CASE("a file whose times are not older than the run's start, less two seconds, is racily clean") {
    // Times in whole seconds (the change time tells): the file system may stamp a
    // write after the start up to two seconds before it.
    constexpr std::int64_t second = 1'000'000'000, start = 1'000 * second;
    FileSignature sig;
    sig.mtime_ns = start - 3 * second, sig.ctime_ns = start - 3 * second;
    CHECK_FALSE(racily_clean(sig, start));
    sig.ctime_ns = start - 2 * second;  // a file system with times in steps of two seconds
    CHECK(racily_clean(sig, start));
    sig.ctime_ns = start - 3 * second, sig.mtime_ns = start + 1;  // written after the start
    CHECK(racily_clean(sig, start));
}

TEST_CASE("with times in nanoseconds only a file stamped at or after the run's start is racily clean") {
    // A tree written just before a run is not all read again by the next run: with
    // a two-second margin everywhere, 20,000 files written in the last two seconds
    // made each unchanged re-run read them all (0.5 s against 0.08 s).
    constexpr std::int64_t ms = 1'000'000, start = 1'000'000 * ms + 123'456;
    FileSignature sig;
    sig.mtime_ns = sig.ctime_ns = start - 500 * ms;
    CHECK_FALSE(racily_clean(sig, start));
    sig.mtime_ns = sig.ctime_ns = start - 1;
    CHECK_FALSE(racily_clean(sig, start));
    sig.mtime_ns = sig.ctime_ns = start;  // the same tick of the coarse clock
    CHECK(racily_clean(sig, start));
    sig.mtime_ns = start - 500 * ms, sig.ctime_ns = start + 3 * ms;  // written again after the start
    CHECK(racily_clean(sig, start));
}

TEST_CASE("a racy signature matches no stat, and keeps its mark in a document and a JSONL entry") {
    FileSignature stored;
    stored.size = 10, stored.mtime_ns = 5, stored.ctime_ns = 6, stored.hash = 7;
    FileSignature now = stored;
    now.hash = 0;
    CHECK(stored.same_stat(now));
    stored.racy = true;
    CHECK_FALSE(stored.same_stat(now));
    CHECK_FALSE(now.same_stat(stored));

    Xapian::Document doc;
    set_file_signature(doc, stored);
    CHECK(doc.get_value(naba::schema::kFileMtimeSlot).size() == 24);
    CHECK(file_signature_of(doc).racy);
    CHECK(file_signature_of(doc).ctime_ns == 6);
    set_file_signature(doc, now);  // settled: 16 bytes again, as an unmarked one always was
    CHECK(doc.get_value(naba::schema::kFileMtimeSlot).size() == 16);
    CHECK_FALSE(file_signature_of(doc).racy);
    CHECK(file_signature_of(doc).same_stat(now));

    JsonlEntry entry;
    entry.sig = stored;
    const std::string value = encode_jsonl_entry(entry);
    CHECK(value.size() == 72);
    const auto back = decode_jsonl_entry(value);
    REQUIRE(back);
    CHECK(back->sig.racy);
    CHECK(back->sig.ctime_ns == 6);
    entry.sig.racy = false;
    CHECK(encode_jsonl_entry(entry).size() == 64);
    CHECK_FALSE(decode_jsonl_entry(encode_jsonl_entry(entry))->sig.racy);
}

TEST_CASE("canonical_path makes a path absolute and normal, without a trailing slash") {
    const std::string cwd = std::filesystem::current_path().string();
    const std::string base = cwd == "/" ? "" : cwd;
    CHECK(canonical_path("a/b.txt") == base + "/a/b.txt");
    CHECK(canonical_path("./a/../b/") == base + "/b");
    CHECK(canonical_path("/x//y/./z/") == "/x/y/z");
    CHECK(canonical_path("/x/y/..") == "/x");
    CHECK(canonical_path("/x/.hidden/..data") == "/x/.hidden/..data");  // dots inside names stay
    CHECK(canonical_path("/") == "/");
    CHECK(canonical_path("/news/") == "/news");
}
