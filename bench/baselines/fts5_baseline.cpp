// SQLite FTS5 baseline for bench/eval, the third engine issue 3 measures Naba against:
// indexes a test set's corpus.jsonl in an in-memory FTS5 table and writes a TREC run
// for its queries.tsv, set up the way an FTS5 user would:
//
// - One column, body = title + "\n" + text (as in the Lucene baseline), tokenized by
//   'porter unicode61': Porter stemming over FTS5's Unicode tokenizer (Arabic words are
//   split and case-folded, not stemmed); FTS5 has no stop words.
// - Queries: each run of letters and digits a quoted term (so that no query text is
//   read as FTS5 syntax), joined with OR (FTS5's default is AND); ranked by bm25(),
//   FTS5's BM25 with k1 = 1.2 and b = 0.75.
// - Input read by naba-index's own JSONL reader, so that the engines index the same
//   documents under the same ids: what it skips is skipped with its file:line warning,
//   a number id is its canonical text (1.0 is 1), and an id given again replaces the
//   earlier document. A queries line without a tab is an error.
// - Output: the top DEPTH (default 100) per query, `qid Q0 docid rank score fts5`, the
//   score with all its digits (%.17g: rounded, near scores would tie, and trec_eval
//   orders ties by docid, not by the engine's rank); in the docid a space, tab, '%', \v, \f or \r is
//   written %20, %09, %25 ... as naba-search writes it.
//
// usage: naba-fts5-baseline CORPUS.jsonl QUERIES.tsv RUN [DEPTH]
#include <sqlite3.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "document_readers.h"
#include "trec_docid.h"

namespace {

struct Db {
    sqlite3* handle = nullptr;
    ~Db() { sqlite3_close(handle); }
    void exec(const char* sql) {
        char* error = nullptr;
        if (sqlite3_exec(handle, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error(std::string(sql) + ": " + message);
        }
    }
};

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Statement prepare(Db& db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db.handle, sql, -1, &stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(db.handle));
    return Statement(stmt, sqlite3_finalize);
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos; }

void drop_bom(std::string& line) {
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
}

std::string read_whole(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The corpus read by naba-index's own JSONL reader (indexer/document_readers.h), so
// that both engines index the same documents under the same ids: what it skips is
// skipped here with its file:line message, and an id given again replaces the earlier
// document, as in naba-index.
long load_corpus(Db& db, const char* path) {
    const std::string bytes = read_whole(path);
    Statement insert = prepare(db, "INSERT INTO docs(id, body) VALUES (?, ?)");
    Statement remove = prepare(db, "DELETE FROM docs WHERE rowid = ?");
    std::unordered_map<std::string, sqlite3_int64> rowids;
    std::string body;
    long loaded = 0;
    auto step = [&](Statement& statement) {
        if (sqlite3_step(statement.get()) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db.handle));
        sqlite3_reset(statement.get());
    };
    db.exec("BEGIN");
    naba::indexer::parse_jsonl(
        bytes, path,
        [&](naba::schema::StoredDocument&& doc) {
            if (auto it = rowids.find(doc.id); it != rowids.end()) {
                std::cerr << "naba-fts5-baseline: " << path << ':' << doc.line << ": id " << doc.id
                          << " given again; this document replaces the earlier\n";
                sqlite3_bind_int64(remove.get(), 1, it->second);
                step(remove);
                --loaded;
            }
            body.assign(doc.title).append("\n").append(doc.text);
            sqlite3_bind_text(insert.get(), 1, doc.id.data(), static_cast<int>(doc.id.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(insert.get(), 2, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
            step(insert);
            rowids[doc.id] = sqlite3_last_insert_rowid(db.handle);
            ++loaded;
        },
        [&](const naba::indexer::ReadProblem& p) {
            std::cerr << "naba-fts5-baseline: " << (p.skipped ? "skipped " : "") << p.path << ':' << p.line << ": "
                      << p.message << '\n';
        });
    db.exec("COMMIT");
    return loaded;
}

// "w1" OR "w2" ...: every run of ASCII letters and digits or non-ASCII bytes a term.
std::string or_query(std::string_view query) {
    std::string out, term;
    auto flush = [&] {
        if (term.empty()) return;
        out.append(out.empty() ? "\"" : " OR \"").append(term).append("\"");
        term.clear();
    };
    for (char c : query) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 || std::isalnum(b)) term.push_back(c);
        else flush();
    }
    flush();
    return out;
}

long run_queries(Db& db, const char* queries_path, const char* run_path, int depth) {
    std::ifstream in(queries_path);
    if (!in) throw std::runtime_error(std::string("cannot read ") + queries_path);
    std::ofstream run(run_path);
    if (!run) throw std::runtime_error(std::string("cannot write ") + run_path);
    Statement search = prepare(db, "SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?");
    std::string line;
    long queries = 0, line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        drop_bom(line);
        if (blank(line)) continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos)
            throw std::runtime_error(std::string(queries_path) + ":" + std::to_string(line_no) +
                                     ": no tab: expected qid<TAB>query");
        ++queries;
        const std::string qid = line.substr(0, tab), match = or_query(std::string_view(line).substr(tab + 1));
        if (match.empty()) continue;
        sqlite3_bind_text(search.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int(search.get(), 2, depth);
        int rank = 0, rc;
        while ((rc = sqlite3_step(search.get())) == SQLITE_ROW) {
            const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(search.get(), 0));
            // bm25() is lower for better matches; a TREC score is higher.
            char score[32];
            std::snprintf(score, sizeof score, "%.17g", -sqlite3_column_double(search.get(), 1));
            run << qid << " Q0 " << naba::trec_docid_field(id) << ' ' << ++rank << ' ' << score << " fts5\n";
        }
        if (rc != SQLITE_DONE) throw std::runtime_error("query " + qid + ": " + sqlite3_errmsg(db.handle));
        sqlite3_reset(search.get());
    }
    return queries;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4 || argc > 5) {
        std::cerr << "usage: naba-fts5-baseline CORPUS.jsonl QUERIES.tsv RUN [DEPTH]\n";
        return 2;
    }
    const int depth = argc == 5 ? std::atoi(argv[4]) : 100;
    if (depth <= 0) {
        std::cerr << "naba-fts5-baseline: DEPTH must be a positive number\n";
        return 2;
    }
    try {
        Db db;
        if (sqlite3_open(":memory:", &db.handle) != SQLITE_OK) throw std::runtime_error("cannot open SQLite");
        db.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize = 'porter unicode61')");
        const long documents = load_corpus(db, argv[1]);
        const long queries = run_queries(db, argv[2], argv[3], depth);
        std::cerr << "naba-fts5-baseline: " << documents << " documents, " << queries << " queries\n";
    } catch (const std::exception& e) {
        std::cerr << "naba-fts5-baseline: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
