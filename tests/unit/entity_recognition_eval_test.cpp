// Mention-level precision and recall of the entity tagger on the annotated test set in
// tests/data/entities/ (format in its README.md), per type, against the targets of
// issue 4: person P >= 0.95 and R >= 0.90; place and org P, R >= 0.90.
// Set NABA_ENTITY_EVAL_VERBOSE=1 to print every missed and spurious mention.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <tuple>
#include <string>
#include <vector>

#include "entities/entity_tagger.h"

namespace {

using naba::entities::EntityTagger;
using naba::entities::EntityType;
using naba::entities::Gazetteer;

struct Gold {
    std::size_t begin, end;
    std::string id;
};

struct Document {
    std::string source;  // file:line of its first line
    std::string text;
    std::vector<Gold> gold;
};

// Removes the [[surface|id]] markup, recording the surface's byte span in the text.
Document parse_document(const std::string& marked, const std::string& source) {
    Document doc{source, {}, {}};
    std::size_t i = 0;
    while (i < marked.size()) {
        std::size_t open = marked.find("[[", i);
        if (open == std::string::npos) {
            doc.text += marked.substr(i);
            break;
        }
        doc.text += marked.substr(i, open - i);
        std::size_t bar = marked.find('|', open);
        std::size_t close = marked.find("]]", open);
        REQUIRE_MESSAGE((bar != std::string::npos && close != std::string::npos && bar < close),
                        source << ": malformed markup near " << marked.substr(open, 40));
        std::size_t begin = doc.text.size();
        doc.text += marked.substr(open + 2, bar - open - 2);
        doc.gold.push_back(Gold{begin, doc.text.size(), marked.substr(bar + 1, close - bar - 1)});
        i = close + 2;
    }
    return doc;
}

std::vector<Document> load(const std::string& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::vector<Document> docs;
    std::string line, marked, source;
    int number = 0;
    auto flush = [&] {
        if (!marked.empty()) docs.push_back(parse_document(marked, source));
        marked.clear();
    };
    while (std::getline(in, line)) {
        ++number;
        if (line.starts_with("#")) continue;
        if (line.empty()) {
            flush();
            continue;
        }
        if (marked.empty()) source = path + ":" + std::to_string(number);
        else marked += '\n';
        marked += line;
    }
    flush();
    return docs;
}

struct Counts {
    std::size_t gold = 0, predicted = 0, correct = 0;
    double precision() const { return predicted ? double(correct) / double(predicted) : 1.0; }
    double recall() const { return gold ? double(correct) / double(gold) : 1.0; }
};

// The row a mention is scored in: the gazetteer type of its id, "unknown" for u: ids.
std::string row_of(const std::string& id, const Gazetteer& gazetteer) {
    if (id.starts_with("u:")) return "unknown";
    const auto* entity = gazetteer.find(id);
    return entity ? std::string(naba::entities::type_name(entity->type)) : "invalid";
}

}  // namespace

TEST_CASE("entity recognition meets the precision and recall targets on the annotated test set") {
    static naba::Analyzer analyzer;
    EntityTagger tagger(Gazetteer::builtin(), analyzer);
    const Gazetteer& gazetteer = tagger.gazetteer();
    bool verbose = std::getenv("NABA_ENTITY_EVAL_VERBOSE") != nullptr;

    std::map<std::string, Counts> rows;
    std::size_t documents = 0;
    for (const char* file : {"en.txt", "ar.txt", "mixed.txt"}) {
        for (const Document& doc : load(std::string(NABA_ENTITY_TEST_DATA) + "/" + file)) {
            ++documents;
            std::map<std::tuple<std::size_t, std::size_t, std::string>, bool> gold;
            for (const Gold& g : doc.gold) {
                std::string row = row_of(g.id, gazetteer);
                REQUIRE_MESSAGE(row != "invalid", doc.source << ": id " << g.id << " is not in the gazetteer");
                ++rows[row].gold;
                gold[{g.begin, g.end, g.id}] = false;
            }
            for (const auto& m : tagger.tag(doc.text)) {
                std::string row = row_of(m.id, gazetteer);
                ++rows[row].predicted;
                auto it = gold.find({m.begin, m.end, m.id});
                if (it != gold.end()) {
                    ++rows[row].correct;
                    it->second = true;
                } else if (verbose) {
                    std::cout << doc.source << ": spurious " << doc.text.substr(m.begin, m.end - m.begin) << " = " << m.id << "\n";
                }
            }
            if (verbose)
                for (const auto& [key, found] : gold)
                    if (!found)
                        std::cout << doc.source << ": missed " << doc.text.substr(std::get<0>(key), std::get<1>(key) - std::get<0>(key))
                                  << " = " << std::get<2>(key) << "\n";
        }
    }

    std::ostringstream table;
    table << std::fixed << std::setprecision(3) << documents << " documents\ntype     gold  pred  correct  precision  recall\n";
    for (const auto& [row, c] : rows)
        table << std::left << std::setw(8) << row << std::right << std::setw(5) << c.gold << std::setw(6) << c.predicted
              << std::setw(9) << c.correct << std::setw(11) << c.precision() << std::setw(8) << c.recall() << "\n";
    std::cout << table.str();
    MESSAGE(table.str());

    CHECK(documents >= 60);
    CHECK(rows["person"].precision() >= 0.95);
    CHECK(rows["person"].recall() >= 0.90);
    CHECK(rows["place"].precision() >= 0.90);
    CHECK(rows["place"].recall() >= 0.90);
    CHECK(rows["org"].precision() >= 0.90);
    CHECK(rows["org"].recall() >= 0.90);
}
