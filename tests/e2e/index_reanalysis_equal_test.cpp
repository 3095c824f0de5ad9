// A re-analysed index must be what a fresh build of the same inputs makes: the same
// documents (terms, values, records, ids), and the same index-wide data built from
// them — stem synonym groups, spelling data, per-language statistics — so that
// naba-search answers alike.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_fixtures.h"
#include "schema.h"

using namespace naba::e2e;
namespace fs = std::filesystem;

namespace {

using Ids = std::vector<std::string>;
using Lines = std::vector<std::string>;

// Arabic, English and bilingual text files with headers, and two JSONL files that
// share an id (another holder) with records on several lines.
void write_inputs(const std::string& in) {
    write_file(in + "/ar.txt",
               "Title: كتابهم الجديد\nDate: 2024-03-01\nSource: الجزيرة\n\n"
               "قرأ الوفد كتابهم ثم التقى الرئيس زيلينسكي بالمسؤولين في جنيف لبحث وقف إطلاق النار.\n");
    write_file(in + "/en.txt", "Title: Geneva talks\n\nTalks with President Zelenskiy resumed in Geneva on Monday.\n");
    write_file(in + "/mixed.txt",
               "Title: الكتاب\n\nThe book الكتاب was read aloud in Kyiv بالعربية والإنجليزية today.\n");
    const std::string shared = "{\"id\":\"x\",\"title\":\"المعلمون\",\"text\":\"المعلمون والمعلمات في المدارس\"}\n";
    write_file(in + "/a.jsonl", shared + "{\"id\":\"a1\",\"text\":\"Ceasefire talks stalled in Doha\"}\n");
    write_file(in + "/b.jsonl", "{\"id\":\"b1\",\"text\":\"مدرستهم الكبيرة\",\"date\":\"2023-05\"}\n" + shared);
}

Lines terms_of(const Xapian::Document& doc) {
    Lines out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        out.push_back(*t + "/" + std::to_string(t.get_wdf()));
    return out;
}

// Without a file signature's racy mark (the 17th – 24th bytes of its times): it says
// whether the run that read the file started within the file's last tick, which two
// builds a moment apart need not share (it failed 2 runs in 10, old binary or new).
Lines values_of(const Xapian::Document& doc) {
    Lines out;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
        const std::string value = v.get_valueno() == naba::schema::kFileMtimeSlot ? (*v).substr(0, 16) : *v;
        out.push_back(std::to_string(v.get_valueno()) + "=" + value);
    }
    return out;
}

Lines spellings(const Xapian::Database& db) {
    Lines out;
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s)
        out.push_back(*s + "/" + std::to_string(s.get_termfreq()));
    return out;
}

// Every document, by its id term.
std::map<std::string, Xapian::Document> documents(const Xapian::Database& db) {
    std::map<std::string, Xapian::Document> out;
    const std::string q(naba::schema::kIdPrefix);
    for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t)
        for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) out.emplace(*t, db.get_document(*p));
    return out;
}

void check_same_index(const std::string& reanalysed_db, const std::string& fresh_db) {
    CHECK(synonym_table(reanalysed_db) == synonym_table(fresh_db));
    Xapian::Database a(reanalysed_db), b(fresh_db);
    CHECK(a.get_doccount() == b.get_doccount());
    CHECK(a.get_total_length() == b.get_total_length());
    const auto docs_a = documents(a), docs_b = documents(b);
    REQUIRE(docs_a.size() == docs_b.size());
    for (const auto& [id, doc] : docs_b) {
        CAPTURE(id);
        REQUIRE(docs_a.contains(id));
        const Xapian::Document& other = docs_a.at(id);
        CHECK(terms_of(other) == terms_of(doc));
        CHECK(values_of(other) == values_of(doc));
        CHECK(other.get_data() == doc.get_data());
    }
    CHECK(spellings(a) == spellings(b));
    for (const char* key : {"naba:stats:ar", "naba:stats:en", "naba:stemming", "naba:analysis", "naba:gazetteer",
                            "naba:entities:fingerprint"}) {
        CAPTURE(key);
        CHECK(a.get_metadata(key) == b.get_metadata(key));
    }
}

}  // namespace

TEST_CASE("an index re-analysed from another Arabic stemmer has the stem groups, spelling and stats of a fresh one") {
    // Stems as synonyms (the default) and as stemmed terms (--stemmed-terms).
    for (const std::vector<std::string>& stemming : {std::vector<std::string>{}, {"--stemmed-terms"}}) {
        CAPTURE(stemming.size());
        const std::string dir = temp_dir("reanalysis-whole");
        const std::string old_db = dir + "/old", fresh_db = dir + "/fresh", in = dir + "/in";
        write_inputs(in);
        auto args = [&](std::vector<std::string> more) {
            more.insert(more.begin(), stemming.begin(), stemming.end());
            return more;
        };
        REQUIRE(index_with_analysis("arabic-stemmer=snowball", old_db, args({"--jobs", "1", in})).exit_code == 0);
        REQUIRE(has(index(old_db, args({in})).err, "re-analysed 6 documents"));
        REQUIRE(index(fresh_db, args({"--jobs", "1", in})).exit_code == 0);
        check_same_index(old_db, fresh_db);
        // What the groups decide: the forms a stemmed query word matches.
        for (const char* query : {"كتاب", "مدرسة", "معلم", "book"}) {
            CAPTURE(query);
            CHECK(search_ids(old_db, query) == search_ids(fresh_db, query));
        }
        fs::remove_all(dir);
    }
}

TEST_CASE("a run that re-analyses, re-tags with the stored --gazetteer and takes in changed, new and removed files") {
    const std::string dir = temp_dir("reanalysis-changes");
    const std::string old_db = dir + "/old", fresh_db = dir + "/fresh", in = dir + "/in", gone = dir + "/gone";
    write_file(dir + "/mine.tsv", "p:amira-haddad\tperson\tAmira Haddad\tأميرة حداد\tHaddad|حداد\n");
    write_file(in + "/a.txt", "Envoy Amira Haddad met the delegation in Geneva.\n");
    write_file(in + "/c.txt", "Geneva delegation\n");  // words another file keeps: no group of its own
    write_file(in + "/d.txt", "Envoy met the delegation\n");
    write_file(gone + "/g.txt", "وقالت المبعوثة أميرة حداد إن المحادثات مستمرة.\n");
    const std::vector<std::string> gazetteer{"--gazetteer", dir + "/mine.tsv"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.begin(), gazetteer.begin(), gazetteer.end());
        return args;
    };
    REQUIRE(index_with_analysis("no-latin-name-keys", old_db, with({"--jobs", "1", in, gone})).exit_code == 0);
    REQUIRE(index(fresh_db, with({"--jobs", "1", gone})).exit_code == 0);
    // g.txt's file goes (its folder is not walked again: its document stays).
    fs::remove(gone + "/g.txt");
    write_file(in + "/c.txt", "Talks with President Zelenskiy resumed in Geneva.\n");
    fs::remove(in + "/d.txt");
    write_file(in + "/e.txt", "المبعوثة أميرة حداد في جنيف\n");
    const CliResult run = index(old_db, {in});
    CHECK(has(run.err, "re-analysed 4 documents"));
    CHECK(has(run.err, "2 documents indexed into " + old_db + " (1 new, 1 replaced), 1 unchanged, 1 removed"));
    REQUIRE(index(fresh_db, {"--jobs", "1", in}).exit_code == 0);
    check_same_index(old_db, fresh_db);
    CHECK(search_ids(old_db, "person:haddad") == Ids{"a.txt", "e.txt", "g.txt"});
    CHECK(search_ids(old_db, "Zelensky") == Ids{"c.txt"});
    fs::remove_all(dir);
}

TEST_CASE("a document filed under a non-UTF-8 name's raw bytes keeps its id term through a re-analysis") {
    const std::string dir = temp_dir("reanalysis-legacy-id"), db = dir + "/db", in = dir + "/in";
    write_file(in + "/caf\xE9.txt", "alpha text\n");
    write_file(in + "/caf\xE8.txt", "bravo text\n");
    REQUIRE(index(db, {"--jobs", "1", in}).exit_code == 0);
    {
        // What an earlier naba-index wrote: the id term of the raw name, and a stored
        // record whose id is that name made UTF-8 (each bad byte U+FFFD); no analysis key.
        Xapian::WritableDatabase w(db);
        for (const char* name : {"caf\xE9.txt", "caf\xE8.txt"}) {
            const std::string escaped = "Qcaf\\x" + std::string(name[3] == '\xE9' ? "E9" : "E8") + ".txt";
            const Xapian::docid docid = *w.postlist_begin(escaped);
            Xapian::Document doc = w.get_document(docid);
            doc.remove_term(escaped);
            doc.add_boolean_term(std::string("Q") + name);
            naba::schema::StoredDocument stored = naba::schema::deserialize(doc.get_data());
            REQUIRE(stored.id == escaped.substr(1));
            stored.id = "caf\xEF\xBF\xBD.txt";
            doc.set_data(naba::schema::serialize(stored));
            w.replace_document(docid, doc);
        }
        w.set_metadata("naba:analysis", "");
        w.commit();
    }
    // Each file still finds its own document: replaced, never doubled, even when
    // nothing is removed.
    const CliResult next = index(db, {"--no-delete", in});
    CHECK(next.exit_code == 0);
    CHECK(has(next.err, "re-analysed 2 documents"));
    CHECK(has(next.err, "2 documents indexed into " + db + " (0 new, 2 replaced)"));
    CHECK(search_ids(db, "*") == Ids{"caf\\xE8.txt", "caf\\xE9.txt"});
    fs::remove_all(dir);
}
