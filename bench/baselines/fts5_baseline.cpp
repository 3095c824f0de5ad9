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
// - Output: the top DEPTH (default 100) per query, `qid Q0 docid rank score fts5`.
//
// usage: naba-fts5-baseline CORPUS.jsonl QUERIES.tsv RUN [DEPTH]
#include <sqlite3.h>

#include <simdjson.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

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

// A JSONL id as text: a string as it is, a number in its decimal form.
bool id_text(simdjson::dom::element id, std::string& out) {
    if (id.is_string()) return out = std::string(id.get_string().value()), true;
    if (id.is_int64()) return out = std::to_string(id.get_int64().value()), true;
    if (id.is_uint64()) return out = std::to_string(id.get_uint64().value()), true;
    return false;
}

std::string_view field(simdjson::dom::object record, const char* name) {
    std::string_view value;
    if (record[name].get(value) != simdjson::SUCCESS) return {};
    return value;
}

long load_corpus(Db& db, const char* path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    Statement insert = prepare(db, "INSERT INTO docs(id, body) VALUES (?, ?)");
    simdjson::dom::parser parser;
    std::string line, id, body;
    long loaded = 0;
    db.exec("BEGIN");
    while (std::getline(in, line)) {
        simdjson::dom::object record;
        if (line.find_first_not_of(" \t\r") == std::string::npos || parser.parse(line).get(record)) continue;
        simdjson::dom::element id_value;
        if (record["id"].get(id_value) || !id_text(id_value, id)) continue;
        body.assign(field(record, "title")).append("\n").append(field(record, "text"));
        sqlite3_bind_text(insert.get(), 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert.get(), 2, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(insert.get()) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db.handle));
        sqlite3_reset(insert.get());
        ++loaded;
    }
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
    long queries = 0;
    while (std::getline(in, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        ++queries;
        const std::string qid = line.substr(0, tab), match = or_query(std::string_view(line).substr(tab + 1));
        if (match.empty()) continue;
        sqlite3_bind_text(search.get(), 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int(search.get(), 2, depth);
        int rank = 0, rc;
        while ((rc = sqlite3_step(search.get())) == SQLITE_ROW) {
            const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(search.get(), 0));
            // bm25() is lower for better matches; a TREC score is higher.
            run << qid << " Q0 " << id << ' ' << ++rank << ' ' << -sqlite3_column_double(search.get(), 1)
                << " fts5\n";
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
