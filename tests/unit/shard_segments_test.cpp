// A shard of a parallel fresh build written as a chain of segment databases
// (indexer/shard_segments.h): when a segment is closed, what the next one lists, and
// an id written again in a later segment.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "schema.h"
#include "shard_segments.h"

using naba::indexer::ShardSegments;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("naba-segments-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

Xapian::Document doc_of(const std::string& id, const std::string& text) {
    Xapian::Document doc;
    doc.add_boolean_term(naba::schema::id_term(id));
    doc.add_term(text);
    doc.set_data(text);
    return doc;
}

// Writes `id` with `text`, commits and lets the shard move on, as a shard's batch does.
void write_and_commit(ShardSegments& shard, const std::string& id, const std::string& text, bool is_new = true) {
    shard.write(id, doc_of(id, text), is_new, 60);
    shard.current().commit();
    shard.next_segment_if_full();
}

}  // namespace

TEST_CASE("a segment is closed once it holds its share of text, which grows with the shard") {
    CHECK(naba::indexer::segment_text_bytes(100, 0) == 100);
    CHECK(naba::indexer::segment_text_bytes(100, 399) == 100);
    CHECK(naba::indexer::segment_text_bytes(100, 1000) == 250);  // a quarter of the text before it
    CHECK(naba::indexer::default_min_segment_text_bytes() >= std::uint64_t{1} << 20);
}

TEST_CASE("the open-files limit bounds how many segments a shard may have") {
    using naba::indexer::max_segments_per_shard;
    CHECK(max_segments_per_shard(64, 2) == 2);
    CHECK(max_segments_per_shard(16, 2) == 1);  // never none
    CHECK(max_segments_per_shard(1024, 2) > 50);
    CHECK(max_segments_per_shard(1024, 16) < max_segments_per_shard(1024, 2));
    CHECK(max_segments_per_shard(UINT64_MAX, 4) > 1000000);
}

TEST_CASE("segments are written in 16 KB blocks, so a commit rewrites fewer of them") {
    TempDir dir("blocks");
    const std::string first = (dir.path / "shard-0").string();
    ShardSegments shard(first, {}, [](const std::string&) {}, 100);
    for (const char* id : {"a", "b", "c"}) write_and_commit(shard, id, id);
    REQUIRE(shard.count() == 2);
    for (const std::string& segment : {first, first + ".1"}) {
        CAPTURE(segment);
        std::string out;
        if (FILE* check = ::popen(("xapian-check '" + segment + "' 2>&1").c_str(), "r")) {
            char buf[4096];
            for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, check)) > 0;) out.append(buf, n);
            CHECK(::pclose(check) == 0);
        }
        CHECK(out.find("blocksize=16K") != std::string::npos);
    }
    shard.close();
}

TEST_CASE("a shard with as many segments as it may have grows its last one") {
    TempDir dir("cap");
    const std::string first = (dir.path / "shard-0").string();
    std::vector<std::string> listed;
    ShardSegments shard(first, {}, [&](const std::string& path) { listed.push_back(path); }, 100, 2);
    for (const char* id : {"a", "b", "c", "d", "e", "f"}) write_and_commit(shard, id, id);
    CHECK(listed == std::vector<std::string>{first + ".1"});
    CHECK(shard.count() == 2);
    CHECK(shard.current().get_doccount() == 4);
    shard.close();
}

TEST_CASE("a shard starts its next segment, with the metadata, before the full one is closed") {
    TempDir dir("next");
    const std::string first = (dir.path / "shard-0").string();
    std::vector<std::string> listed;
    bool full_one_still_locked = false;
    ShardSegments shard(first, {{"naba:building", "1"}}, [&](const std::string& path) {
        listed.push_back(path);
        try {
            Xapian::WritableDatabase(first, Xapian::DB_OPEN);
        } catch (const Xapian::DatabaseLockError&) {
            full_one_still_locked = true;
        }
    }, 100);
    write_and_commit(shard, "a", "alpha");
    CHECK(listed.empty());  // 60 bytes of 100
    write_and_commit(shard, "b", "bravo");
    REQUIRE(listed == std::vector<std::string>{first + ".1"});
    CHECK(full_one_still_locked);
    CHECK(Xapian::Database(first).get_doccount() == 2);
    write_and_commit(shard, "c", "charlie");
    CHECK(listed.size() == 1);
    CHECK(shard.current().get_doccount() == 1);
    CHECK(shard.current().get_metadata("naba:building") == "1");
    CHECK(shard.all().get_doccount() == 3);
    shard.close();
}

TEST_CASE("an id written again replaces its document in the closed segment that held it") {
    TempDir dir("again");
    const std::string first = (dir.path / "shard-0").string();
    ShardSegments shard(first, {}, [](const std::string&) {}, 100);
    write_and_commit(shard, "a", "earlier");
    write_and_commit(shard, "b", "bravo");  // closes the first segment
    write_and_commit(shard, "c", "charlie");
    write_and_commit(shard, "d", "delta");  // closes the second
    shard.write("a", doc_of("a", "later"), false, 60);
    const Xapian::Database all = shard.all();  // the uncommitted document too
    CHECK(all.get_doccount() == 4);
    CHECK(all.get_termfreq("earlier") == 0);
    CHECK(all.get_termfreq("later") == 1);
    CHECK(Xapian::Database(first).get_doccount() == 1);  // only b is left there
    CHECK(Xapian::Database(first + ".1").get_doccount() == 2);
    shard.close();
}

TEST_CASE("an id written again opens only the segment holding it, not older ones it has left") {
    TempDir dir("newest");
    const std::string first = (dir.path / "shard-0").string();
    ShardSegments shard(first, {}, [](const std::string&) {}, 100);
    write_and_commit(shard, "a", "one");
    write_and_commit(shard, "b", "bravo");       // closes the first segment
    write_and_commit(shard, "a", "two", false);  // a leaves the first segment
    write_and_commit(shard, "c", "charlie");     // closes the second
    // The first segment, which a's hash still names, is locked by someone else (as a
    // second naba-index briefly does): a must be found without opening it.
    Xapian::WritableDatabase holder(first, Xapian::DB_OPEN);
    CHECK_NOTHROW(shard.write("a", doc_of("a", "three"), false, 10));
    CHECK_NOTHROW(shard.write("a", doc_of("a", "four"), false, 10));  // in the current one
    const Xapian::Database all = shard.all();
    CHECK(all.get_doccount() == 3);
    CHECK(all.get_termfreq("two") == 0);
    CHECK(all.get_termfreq("four") == 1);
    CHECK(Xapian::Database(first + ".1").get_doccount() == 1);  // c only
    holder.close();
    shard.close();
}
