// naba-index re-runs: unchanged files are skipped, changed ones re-indexed, new ones
// added, vanished ones removed (only under the same directory argument), JSONL
// records replaced by id.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <xapian.h>

#include "cli_runner.h"
#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;

// A run with NABA_ANALYSIS=no-stem-synonyms: stemmed terms for a new index.
CliResult index_with_stemmed_terms(const std::string& db, const std::vector<std::string>& more) {
    return index_with_analysis("no-stem-synonyms", db, more);
}

}  // namespace

TEST_CASE("a re-run skips unchanged files and handles changed, touched, new and removed ones") {
    std::string dir = temp_dir("incremental");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "alpha first\n");
    write_file(in + "/b.txt", "bravo\n");
    write_file(in + "/c.txt", "charlie\n");
    write_file(in + "/e.txt", "echo\n");
    REQUIRE(index(db, {in}).exit_code == 0);

    CliResult same = index(db, {in});
    CHECK(same.exit_code == 0);
    CHECK(has(same.err, "0 documents indexed"));
    CHECK(has(same.err, "4 unchanged, 0 removed"));

    write_file(in + "/a.txt", "alpha second version\n");                       // changed
    write_file(in + "/b.txt", "bravo\n");                                      // same bytes,
    fs::last_write_time(in + "/b.txt", fs::last_write_time(in + "/b.txt") + std::chrono::seconds(10));  // new mtime
    fs::remove(in + "/c.txt");                                                 // vanished
    write_file(in + "/d.txt", "delta\n");                                      // new
    CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "2 documents indexed into " + db + " (1 new, 1 replaced), 2 unchanged, 1 removed"));
    CHECK(search_ids(db, "*") == Ids{"a.txt", "b.txt", "d.txt", "e.txt"});
    CHECK(search_ids(db, "second") == Ids{"a.txt"});
    CHECK(search_ids(db, "first").empty());
    CHECK(search_ids(db, "charlie").empty());

    CliResult again = index(db, {in});
    CHECK(has(again.err, "0 documents indexed"));
    CHECK(has(again.err, "4 unchanged, 0 removed"));
    fs::remove_all(dir);
}

TEST_CASE("an unchanged re-run writes no new revision of the index") {
    // It set the spelling-stale key and cleared it again: a commit that fsynced every
    // table, a third of a re-run over a small folder.
    std::string dir = temp_dir("no-revision");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "alpha\n");
    write_file(in + "/b.jsonl", "{\"id\":\"b1\",\"text\":\"bravo\"}\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    // Files written within a clock tick of a run's start are checked again by later
    // runs (racy, file_signature.h) until one that commits anyway settles them.
    REQUIRE(index(db, {in}).exit_code == 0);
    const Xapian::rev before = Xapian::Database(db).get_revision();
    CliResult same = index(db, {in});
    CHECK(has(same.err, "2 unchanged, 0 removed"));
    CHECK(Xapian::Database(db).get_revision() == before);
    // A change still commits, with the spelling data refreshed: the new word is suggested.
    write_file(in + "/a.txt", "alphabetical\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    CHECK(Xapian::Database(db).get_revision() > before);
    CHECK(Xapian::Database(db).get_metadata("naba:spelling:stale").empty());
    CHECK(Xapian::Database(db).get_spelling_suggestion("alphabetucal") == "alphabetical");
    fs::remove_all(dir);
}

TEST_CASE("a file rewritten with the same size and its old mtime put back is re-indexed, text and JSONL alike") {
    // What `cp -p`, `rsync -t` or an editor that keeps times can leave: only the
    // inode's change time (which nobody can set back) and the content say it changed.
    std::string dir = temp_dir("same-stat");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "alpha first\n");
    write_file(in + "/d.jsonl", "{\"id\":\"r1\",\"text\":\"cherry\"}\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    const auto text_time = fs::last_write_time(in + "/a.txt"), jsonl_time = fs::last_write_time(in + "/d.jsonl");
    write_file(in + "/a.txt", "alpha fresh\n");
    write_file(in + "/d.jsonl", "{\"id\":\"r1\",\"text\":\"cheese\"}\n");
    fs::last_write_time(in + "/a.txt", text_time);
    fs::last_write_time(in + "/d.jsonl", jsonl_time);
    CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "2 documents indexed into " + db + " (0 new, 2 replaced)"));
    CHECK(search_ids(db, "fresh") == Ids{"a.txt"});
    CHECK(search_ids(db, "cheese") == Ids{"r1"});
    // Then nothing is read again.
    CHECK(has(index(db, {in}).err, "0 documents indexed into " + db + " (0 new, 0 replaced), 2 unchanged"));
    fs::remove_all(dir);
}

TEST_CASE("a re-run over hundreds of files, their records read in one pass, still sees each change") {
    // Past a few hundred files naba-index reads what the index records of its text
    // files in one pass (StoredTextFiles) instead of file by file.
    std::string dir = temp_dir("many-files");
    const std::string db = dir + "/db", in = dir + "/in";
    auto name = [&](int i) { return in + "/f" + std::to_string(1000 + i) + ".txt"; };
    for (int i = 0; i < 300; ++i) write_file(name(i), "word" + std::to_string(1000 + i) + " common\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    CHECK(has(index(db, {in}).err, "0 documents indexed into " + db + " (0 new, 0 replaced), 300 unchanged"));

    write_file(name(1), "word1001 changed\n");  // changed
    const auto kept_time = fs::last_write_time(name(2));
    write_file(name(2), "word1002 fresher\n");  // same size, its old mtime put back
    fs::last_write_time(name(2), kept_time);
    fs::last_write_time(name(3), kept_time + std::chrono::seconds(10));  // touched only
    fs::rename(name(4), in + "/moved.txt");  // a new id; the old one vanished
    CliResult next = index(db, {in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "3 documents indexed into " + db + " (1 new, 2 replaced), 297 unchanged, 1 removed"));
    CHECK(search_ids(db, "changed") == Ids{"f1001.txt"});
    CHECK(search_ids(db, "fresher") == Ids{"f1002.txt"});
    CHECK(search_ids(db, "word1004") == Ids{"moved.txt"});
    CHECK(search_ids(db, "common").size() == 298);

    // The same files through the folder above are other documents (ids are relative
    // to the argument): the record of their path alone does not make them unchanged.
    fs::rename(db, dir + "/.db");  // out of the walk of `dir`
    CliResult parent = index(dir + "/.db", {dir});
    CHECK(has(parent.err, "300 documents indexed into " + dir + "/.db (300 new, 0 replaced), 0 unchanged"));
    CHECK(search_ids(dir + "/.db", "word1001") == Ids{"f1001.txt", "in/f1001.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a re-run over hundreds of files of an index without id values (an older naba-index's) finds them unchanged, and sees a change") {
    // naba-index records a text file's id in a value (schema::kFileIdSlot) so that the
    // one pass over the index finds each file's document; an older one did not.
    std::string dir = temp_dir("many-files-no-id-values");
    const std::string db = dir + "/db", in = dir + "/in";
    auto name = [&](int i) { return in + "/f" + std::to_string(1000 + i) + ".txt"; };
    for (int i = 0; i < 300; ++i) write_file(name(i), "word" + std::to_string(1000 + i) + " common\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    {
        Xapian::WritableDatabase w(db);
        REQUIRE(w.get_value_freq(naba::schema::kFileIdSlot) == 300);
        for (auto d = w.postlist_begin(""); d != w.postlist_end(""); ++d) {
            Xapian::Document doc = w.get_document(*d);
            doc.remove_value(naba::schema::kFileIdSlot);
            w.replace_document(*d, doc);
        }
        w.commit();
    }
    CHECK(has(index(db, {in}).err, "0 documents indexed into " + db + " (0 new, 0 replaced), 300 unchanged"));
    write_file(name(1), "word1001 changed\n");
    const CliResult next = index(db, {in});
    CHECK(has(next.err, "1 document indexed into " + db + " (0 new, 1 replaced), 299 unchanged"));
    CHECK(search_ids(db, "changed") == Ids{"f1001.txt"});
    const Xapian::Database r(db);
    CHECK(r.get_value_freq(naba::schema::kFileIdSlot) == 1);  // the re-indexed file's document has it again
    CHECK(r.get_document(*r.postlist_begin("Qf1001.txt")).get_value(naba::schema::kFileIdSlot) == "f1001.txt");
    fs::remove_all(dir);
}

TEST_CASE("--no-delete keeps the documents of vanished files") {
    std::string dir = temp_dir("nodelete");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "alpha\n");
    write_file(in + "/b.txt", "bravo\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    fs::remove(in + "/b.txt");
    CliResult kept = index(db, {"--no-delete", in});
    CHECK(has(kept.err, "1 unchanged, 0 removed"));
    CHECK(search_ids(db, "bravo") == Ids{"b.txt"});
    CliResult removed = index(db, {in});
    CHECK(has(removed.err, "1 unchanged, 1 removed"));
    CHECK(search_ids(db, "bravo").empty());
    fs::remove_all(dir);
}

TEST_CASE("only documents from the same directory argument are removed") {
    std::string dir = temp_dir("roots");
    const std::string db = dir + "/db";
    write_file(dir + "/one/a.txt", "alpha\n");
    write_file(dir + "/one/gone.txt", "gone\n");
    write_file(dir + "/two/b.txt", "bravo\n");
    write_file(dir + "/named.txt", "named\n");
    REQUIRE(index(db, {dir + "/one", dir + "/named.txt"}).exit_code == 0);
    REQUIRE(index(db, {dir + "/two/"}).exit_code == 0);
    fs::remove(dir + "/one/gone.txt");
    fs::remove(dir + "/named.txt");
    CliResult r = index(db, {dir + "/one/"});  // trailing slash: the same directory
    CHECK(has(r.err, "1 unchanged, 1 removed"));
    CHECK(search_ids(db, "*") == Ids{"a.txt", "b.txt", "named.txt"});
    fs::remove_all(dir);
}

TEST_CASE("an unchanged JSONL file is skipped whole, a changed one re-indexes only changed records") {
    std::string dir = temp_dir("jsonl-incremental");
    const std::string db = dir + "/db", file = dir + "/news.jsonl";
    write_file(file, "{\"id\":\"n1\",\"text\":\"alpha\"}\n{\"id\":\"n2\",\"text\":\"bravo\"}\n");
    REQUIRE(index(db, {file}).exit_code == 0);
    CliResult same = index(db, {file});
    CHECK(has(same.err, "0 documents indexed"));
    CHECK(has(same.err, "2 unchanged"));

    write_file(file, "{\"id\":\"n1\",\"text\":\"alpha\"}\n{\"id\":\"n2\",\"text\":\"bravo changed\"}\n"
                     "{\"id\":\"n3\",\"text\":\"charlie\"}\n");
    CliResult next = index(db, {file});
    CHECK(has(next.err, "2 documents indexed into " + db + " (1 new, 1 replaced), 1 unchanged"));
    CHECK(search_ids(db, "changed") == Ids{"n2"});
    CHECK(search_ids(db, "*") == Ids{"n1", "n2", "n3"});
    fs::remove_all(dir);
}

TEST_CASE("dropping the first records of a dump re-indexes nothing, the others get their new line numbers") {
    // The daily-dump pattern: yesterday's oldest records go, new ones are appended.
    std::string dir = temp_dir("jsonl-moved");
    const std::string db = dir + "/db", file = dir + "/dump.jsonl";
    write_file(file, "{\"id\":\"a\",\"text\":\"alpha\"}\n{\"id\":\"b\",\"text\":\"bravo\"}\n"
                     "{\"id\":\"c\",\"text\":\"charlie\"}\n");
    REQUIRE(index(db, {file}).exit_code == 0);
    write_file(file, "{\"id\":\"b\",\"text\":\"bravo\"}\n{\"id\":\"c\",\"text\":\"charlie\"}\n"
                     "{\"id\":\"d\",\"text\":\"delta\"}\n");
    CliResult r = index(db, {file});
    CHECK(has(r.err, "1 document indexed into " + db + " (1 new, 0 replaced), 2 unchanged, 1 removed"));
    CliResult json = run(NABA_SEARCH_BIN, {"--db", db, "-f", "json", "charlie"});
    CHECK(has(json.out, "\"line\":2"));
    CHECK(search_ids(db, "*") == Ids{"b", "c", "d"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file that disappeared from a directory takes its documents with it") {
    std::string dir = temp_dir("jsonl-gone");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/keep.jsonl", "{\"id\":\"k\",\"text\":\"kept\"}\n");
    write_file(in + "/gone.jsonl", "{\"id\":\"g1\",\"text\":\"gone\"}\n{\"id\":\"g2\",\"text\":\"gone\"}\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    fs::remove(in + "/gone.jsonl");
    CliResult r = index(db, {in});
    CHECK(has(r.err, "1 unchanged, 2 removed"));
    CHECK(search_ids(db, "*") == Ids{"k"});
    fs::remove_all(dir);
}

TEST_CASE("a JSONL file that left a directory and came back unchanged is indexed again") {
    // A sync that missed a day: the dump's documents go with it, and come back with it,
    // whether it returns with a new mtime (copied) or its old one (moved back).
    std::string dir = temp_dir("jsonl-back");
    const std::string db = dir + "/db", in = dir + "/in", away = dir + "/away.jsonl";
    write_file(in + "/dump.jsonl", "{\"id\":\"d1\",\"text\":\"alpha\"}\n{\"id\":\"d2\",\"text\":\"bravo\"}\n");
    REQUIRE(index(db, {in}).exit_code == 0);
    fs::rename(in + "/dump.jsonl", away);
    REQUIRE(has(index(db, {in}).err, "2 removed"));
    fs::copy_file(away, in + "/dump.jsonl");
    CliResult copied = index(db, {in});
    CHECK(has(copied.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged"));
    CHECK(search_ids(db, "*") == Ids{"d1", "d2"});

    fs::remove(in + "/dump.jsonl");
    REQUIRE(has(index(db, {in}).err, "2 removed"));
    fs::rename(away, in + "/dump.jsonl");
    CliResult moved = index(db, {in});
    CHECK(has(moved.err, "2 documents indexed into " + db + " (2 new, 0 replaced), 0 unchanged"));
    CHECK(search_ids(db, "*") == Ids{"d1", "d2"});
    fs::remove_all(dir);
}

TEST_CASE("records removed from a changed JSONL file are removed from the index, unless --no-delete") {
    std::string dir = temp_dir("jsonl-pruned");
    const std::string db = dir + "/db", file = dir + "/news.jsonl", other = dir + "/other.jsonl";
    write_file(file, "{\"id\":\"n1\",\"text\":\"alpha\"}\n{\"id\":\"n2\",\"text\":\"bravo\"}\n"
                     "{\"id\":\"n3\",\"text\":\"charlie\"}\n");
    write_file(other, "{\"id\":\"o1\",\"text\":\"other\"}\n");
    REQUIRE(index(db, {file, other}).exit_code == 0);

    // n2 is gone from the file, n1 changed, n4 is new; other.jsonl is untouched.
    write_file(file, "{\"id\":\"n1\",\"text\":\"alpha changed\"}\n{\"id\":\"n3\",\"text\":\"charlie\"}\n"
                     "{\"id\":\"n4\",\"text\":\"delta\"}\n");
    CliResult next = index(db, {file, other});
    CHECK(next.exit_code == 0);
    // n3 only moved up a line: it is not analysed again, only its stored line changes.
    CHECK(has(next.err, "2 documents indexed into " + db + " (1 new, 1 replaced), 2 unchanged, 1 removed"));
    CHECK(search_ids(db, "*") == Ids{"n1", "n3", "n4", "o1"});
    CHECK(search_ids(db, "bravo").empty());

    // A file rewritten with only new records (a rotating dump) keeps the old ones
    // with --no-delete.
    write_file(file, "{\"id\":\"n5\",\"text\":\"echo\"}\n");
    CliResult kept = index(db, {"--no-delete", file});
    CHECK(has(kept.err, "1 document indexed into " + db + " (1 new, 0 replaced), 0 unchanged, 0 removed"));
    CHECK(search_ids(db, "*") == Ids{"n1", "n3", "n4", "n5", "o1"});
    fs::remove_all(dir);
}

TEST_CASE("records kept by a --no-delete run go on the next run without it, even if the file did not change") {
    std::string dir = temp_dir("jsonl-nodelete-then");
    const std::string db = dir + "/db", file = dir + "/news.jsonl";
    write_file(file, "{\"id\":\"n1\",\"text\":\"alpha\"}\n{\"id\":\"n2\",\"text\":\"bravo\"}\n");
    REQUIRE(index(db, {file}).exit_code == 0);
    write_file(file, "{\"id\":\"n1\",\"text\":\"alpha\"}\n");
    REQUIRE(index(db, {"--no-delete", file}).exit_code == 0);
    CHECK(search_ids(db, "*") == Ids{"n1", "n2"});
    CHECK(index(db, {"--no-delete", file}).exit_code == 0);  // still kept
    CHECK(search_ids(db, "*") == Ids{"n1", "n2"});

    CliResult pruned = index(db, {file});
    CHECK(has(pruned.err, "0 documents indexed into " + db + " (0 new, 0 replaced), 1 unchanged, 1 removed"));
    CHECK(search_ids(db, "*") == Ids{"n1"});
    CliResult after = index(db, {file});
    CHECK(has(after.err, "1 unchanged, 0 removed"));
    fs::remove_all(dir);
}

TEST_CASE("spelling data a run did not get to refresh is refreshed by the next run, even one that changes nothing") {
    // What a run stopped (Ctrl-C or kill -9) after its last batch was committed but
    // before its spelling refresh leaves: the documents as they are now, the spelling
    // data of the words they held before. Re-running changes no document.
    std::string dir = temp_dir("spelling-stale");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "alpha bravo\n");
    REQUIRE(index(db, {"--jobs", "1", in}).exit_code == 0);
    write_file(in + "/a.txt", "alpha zanzibarite\n");
    REQUIRE(index(db, {"--jobs", "1", in}).exit_code == 0);
    {
        // Back to the spelling data of "bravo", with the marker the run commits with
        // its first batch.
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        REQUIRE(w.get_spelling_suggestion("zanzibarit") == "zanzibarite");
        w.remove_spelling("zanzibarite");
        w.add_spelling("bravo");
        w.set_metadata("naba:spelling:stale", "1");
        w.commit();
    }
    index(db, {"--jobs", "1", in});
    Xapian::Database r(db);
    CHECK(r.get_spelling_suggestion("zanzibarit") == "zanzibarite");
    CHECK(r.get_spelling_suggestion("brav").empty());
    CHECK(r.get_metadata("naba:spelling:stale").empty());
    fs::remove_all(dir);
}

TEST_CASE("a re-run keeps the way an index holds stems, even one built before that was recorded") {
    std::string dir = temp_dir("stemming-kind");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "talks resumed\n");
    REQUIRE(index_with_stemmed_terms(db, {"--jobs", "1", in}).exit_code == 0);
    {
        Xapian::WritableDatabase w(db);
        CHECK(w.get_metadata("naba:stemming") == "terms");
        w.set_metadata("naba:stemming", "");  // as written before the key existed
        w.commit();
    }
    write_file(in + "/b.txt", "talking again\n");
    CliResult rerun = index(db, {in});  // the default is stem synonyms
    REQUIRE(rerun.exit_code == 0);
    CHECK(has(rerun.err, "holds stems as stemmed terms"));
    Xapian::Database x(db);
    CHECK(x.get_termfreq("Ztalk") == 2);  // the new document has its stemmed term too
    CHECK(x.synonym_keys_begin() == x.synonym_keys_end());
    CHECK(x.get_metadata("naba:stemming") == "terms");

    REQUIRE(index(dir + "/fresh", {"--jobs", "2", in}).exit_code == 0);  // the sharded build
    {
        Xapian::Database y(dir + "/fresh");
        CHECK(y.get_metadata("naba:stemming") == "synonyms");
        CHECK(y.get_termfreq("Ztalk") == 0);
        CHECK(y.synonym_keys_begin() != y.synonym_keys_end());
    }
    // The other way round: an index of synonyms stays one, and the run says so.
    write_file(in + "/c.txt", "talked late\n");
    CliResult other = index_with_stemmed_terms(dir + "/fresh", {in});
    REQUIRE(other.exit_code == 0);
    CHECK(has(other.err, "holds stems as synonyms"));
    Xapian::Database y(dir + "/fresh");
    CHECK(y.get_termfreq("Ztalk") == 0);
    CHECK(y.get_termfreq("talked") == 1);
    fs::remove_all(dir);
}

TEST_CASE("--stemmed-terms builds a new index with a stemmed term per word, and re-runs keep it") {
    std::string dir = temp_dir("stemmed-terms");
    const std::string db = dir + "/db", in = dir + "/in";
    write_file(in + "/a.txt", "talks resumed\n");
    REQUIRE(index(db, {"--stemmed-terms", in}).exit_code == 0);
    write_file(in + "/b.txt", "talking again\n");
    REQUIRE(index(db, {in}).exit_code == 0);  // without the flag: the index keeps its kind
    Xapian::Database x(db);
    CHECK(x.get_metadata("naba:stemming") == "terms");
    CHECK(x.get_termfreq("Ztalk") == 2);
    CHECK(x.synonym_keys_begin() == x.synonym_keys_end());
    CliResult found = run(NABA_SEARCH_BIN, {"--db", db, "-f", "ids", "talked"});
    CHECK(found.exit_code == 0);
    CHECK(lines(found.out).size() == 2);
    fs::remove_all(dir);
}

namespace {

// "documents length" of the documents carrying `lang`'s language term and not the
// other's, counted here over the index as it is.
std::string one_language_counts(const Xapian::Database& db, const std::string& lang, const std::string& other) {
    long documents = 0, length = 0;
    for (auto p = db.postlist_begin("L" + lang); p != db.postlist_end("L" + lang); ++p) {
        auto t = db.termlist_begin(*p);
        t.skip_to("L" + other);
        if (t != db.termlist_end(*p) && *t == "L" + other) continue;  // mixed
        ++documents;
        length += p.get_doclength();
    }
    return std::to_string(documents) + " " + std::to_string(length);
}

// The per-language statistics naba-index stored agree with the index.
void check_language_stats(const std::string& db_dir, long arabic_documents) {
    Xapian::Database db(db_dir);
    const std::string ar = db.get_metadata("naba:stats:ar"), en = db.get_metadata("naba:stats:en");
    CHECK(ar.starts_with(std::to_string(arabic_documents) + " "));
    CHECK(ar.starts_with(one_language_counts(db, "ar", "en") + " "));
    CHECK(en.starts_with(one_language_counts(db, "en", "ar") + " "));
}

}  // namespace

TEST_CASE("naba-index stores per-language statistics after every run that changes documents, on any path") {
    std::string dir = temp_dir("language-stats");
    const std::string in = dir + "/in";
    write_file(in + "/ar1.txt", "هدنة في غزة بعد مفاوضات طويلة\n");
    write_file(in + "/ar2.txt", "قصف على رفح\n");
    write_file(in + "/en.txt", "Ceasefire talks in Cairo\n");
    write_file(in + "/mixed.txt", "Talks in Cairo مفاوضات في القاهرة about a truce هدنة\n");
    for (const char* jobs : {"1", "2"}) {  // the single writer, and the parallel fresh build
        const std::string db = dir + "/db" + jobs;
        REQUIRE(index(db, {"--jobs", jobs, in}).exit_code == 0);
        check_language_stats(db, 2);
        write_file(in + "/ar3.txt", "مساعدات إلى شمال غزة\n");
        REQUIRE(index(db, {"--jobs", jobs, in}).exit_code == 0);
        check_language_stats(db, 3);
        fs::remove(in + "/ar3.txt");
    }
    // An index from before (no statistics) gets them from a run that changes nothing.
    const std::string db = dir + "/db1";
    REQUIRE(index(db, {in}).exit_code == 0);  // ar3 removed
    {
        Xapian::WritableDatabase w(db, Xapian::DB_OPEN);
        w.set_metadata("naba:stats:ar", "");
        w.set_metadata("naba:stats:en", "");
        w.commit();
    }
    CliResult same = index(db, {in});
    CHECK(has(same.err, "0 documents indexed"));
    check_language_stats(db, 2);
    fs::remove_all(dir);
}
