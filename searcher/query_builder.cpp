#include "query_builder.h"

#include <cctype>
#include <functional>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analysis_options.h"
#include "date_filter.h"
#include "entity_filter.h"
#include "field_names.h"
#include "filter_values.h"
#include "query_checks.h"
#include "query_walk.h"
#include "schema.h"
#include "spelling_shown.h"
#include "syntax_hint.h"
#include "text/script.h"
#include "text/stop_words.h"
#include "text/terminal_text.h"
#include "text/utf8.h"

namespace naba::searcher {
namespace {

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                                 Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_PURE_NOT |
                                 Xapian::QueryParser::FLAG_WILDCARD |
                                 // a stemmed word searches the written forms the index's
                                 // synonym table lists under "Z" + stem (schema.h)
                                 Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

// A wildcard expands to at most this many terms (the most frequent ones), so a
// query like a* stays fast on a large index instead of failing.
constexpr Xapian::termcount kMaxWildcardTerms = 1000;

// Xapian's limit on the length of a term.
constexpr std::size_t kMaxTermBytes = 245;

// id:VALUE goes through schema::id_term, so ids too long to be a term verbatim
// (stored hashed) are found as well.
class IdFieldProcessor : public Xapian::FieldProcessor {
  public:
    Xapian::Query operator()(const std::string& id) override { return Xapian::Query(schema::id_term(id)); }
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

// Alternatives (roots, clitic-stripped forms, name keys) may only widen the words
// part of a query: under a filter, NOT or AND_MAYBE that is the left side, and only
// when it is a flat OR. Anywhere else (AND, NEAR, nested groups) an alternative would
// match without the words it stands beside, so none is added there.
Xapian::Query QueryBuilder::with_alternatives(const Xapian::Query& query,
                                              const std::function<Xapian::Query(const Xapian::Query&)>& more) const {
    const auto op = query.get_type();
    if (op == Xapian::Query::OP_FILTER || op == Xapian::Query::OP_AND_NOT || op == Xapian::Query::OP_AND_MAYBE) {
        std::vector<Xapian::Query> parts;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) parts.push_back(query.get_subquery(i));
        parts[0] = with_alternatives(parts[0], more);
        return Xapian::Query(op, parts.begin(), parts.end());
    }
    if (!is_flat_or(query)) return query;
    Xapian::Query extra = more(query);
    return extra.empty() ? query : Xapian::Query(Xapian::Query::OP_OR, query, extra);
}

// What ranks documents beyond the parsed query, without changing which ones match:
//  - the words of a quoted phrase also count as stemmed words on their own, so a
//    document that has the phrase's words but not the phrase still ranks by them
//    (quotes in pasted questions and headlines: "الدكتور هو" finds الدكتور);
//  - the query's words in their written form (exact-form bonus), and, when they do not
//    already match (AND queries), their root terms;
//  - the nearest indexed spelling of a word no document holds (spelling_alternatives);
//  - a pair of query words that are near each other in a document (stemmed, within
//    the proximity window) earns their weight once more, scaled.
Xapian::Query QueryBuilder::ranking_bonus(const Xapian::Query& query, const std::string& normalized,
                                          bool roots_in_bonus) const {
    const AnalysisOptions& options = analysis_options();
    std::vector<Xapian::Query> parts;
    // An excluded word or phrase ranks nothing: its words, spelling or root would put
    // the documents nearest to what the query excludes first (drone -Zelenskx: those
    // with Zelensky).
    const std::unordered_set<std::string> excluded = excluded_terms(query);
    if (options.phrase_words) {
        std::vector<std::string> words;
        collect_phrase_words(query, words);
        for (const std::string& word : words)
            if (schema::is_word_term(word) && !analyzer_.is_stop_word(word) && !excluded.contains(word))
                parts.push_back(stem_query("Z" + analyzer_.stemmer()(word)));
    }
    std::vector<std::string> words = searched_words(query, normalized);
    std::erase_if(words, [&](const std::string& w) { return excluded.contains("Z" + analyzer_.stemmer()(w)); });
    if (options.exact_forms > 0) {
        std::vector<Xapian::Query> exact(words.begin(), words.end());
        if (!exact.empty())
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(Xapian::Query::OP_OR, exact.begin(), exact.end()), options.exact_forms);
    }
    if (Xapian::Query spellings = spelling_alternatives(words); !spellings.empty()) parts.push_back(std::move(spellings));
    if (roots_in_bonus)
        if (Xapian::Query roots = root_query(words); !roots.empty()) parts.push_back(std::move(roots));
    if (options.proximity > 0) {
        std::vector<std::string> stems;  // stemmed free-text terms in query order
        for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
            const std::string& term = *t;
            if (term.size() > 1 && term[0] == 'Z' && schema::is_word_term(term.substr(1)) &&
                (stems.empty() || stems.back() != term))
                stems.push_back(term);
        }
        std::vector<Xapian::Query> pairs;
        for (std::size_t i = 1; i < stems.size(); ++i) {
            // An OR of the forms: Xapian's NEAR accepts that, not OP_SYNONYM.
            const std::vector<std::string>&a = stem_forms(stems[i - 1]), &b = stem_forms(stems[i]);
            Xapian::Query pair[] = {Xapian::Query(Xapian::Query::OP_OR, a.begin(), a.end()),
                                    Xapian::Query(Xapian::Query::OP_OR, b.begin(), b.end())};
            pairs.emplace_back(Xapian::Query::OP_NEAR, pair, pair + 2, options.proximity_window);
        }
        if (!pairs.empty())
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), options.proximity);
    }
    return parts.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// The written forms of a stem in the index (Xapian's synonym table, filled by the
// indexer under the stem key "Z" + stem), with the key itself, which is what an index
// built with stemmed terms holds instead. Kept per process: a batch asks for the same
// stems again, and each look-up reads the synonym table.
const std::vector<std::string>& QueryBuilder::stem_forms(const std::string& key) const {
    auto [it, added] = stem_forms_.try_emplace(key);
    if (added) {
        it->second.push_back(key);
        for (auto s = db_.synonyms_begin(key); s != db_.synonyms_end(key); ++s) it->second.push_back(*s);
    }
    return it->second;
}

// A stem as one term for ranking: OP_SYNONYM of its forms, as QueryParser builds it
// for a stemmed query word (FLAG_AUTO_SYNONYMS).
Xapian::Query QueryBuilder::stem_query(const std::string& key) const {
    const std::vector<std::string>& forms = stem_forms(key);
    return synonym_weights_.exact(Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end()));
}

// Documents that hold the stem in any form (SynonymWeights::documents). Exact for an
// index of stemmed terms too (the key alone).
double QueryBuilder::stem_frequency(const std::string& key) const {
    return synonym_weights_.documents(stem_forms(key));
}

bool QueryBuilder::known_word(const std::string& word) const {
    if (word.empty()) return false;
    if (analyzer_.is_stop_word(word) || db_.term_exists(word)) return true;
    const std::string stem = analyzer_.stemmer()(word);
    return !stem.empty() && stem_frequency("Z" + stem) > 0;
}

void QueryBuilder::forget_cached() {
    stem_forms_.clear();
    spellings_.clear();
    synonym_weights_.forget();
    collections_.forget();
}

// The query's words as written (normalized), for those whose stem is searched. As
// TermGenerator reads them: a word longer than it indexes (64 bytes) is not among
// them, so no alternative, and no spelling look-up, is made for it.
std::vector<std::string> QueryBuilder::searched_words(const Xapian::Query& query, const std::string& normalized) const {
    std::vector<std::string> out;
    if (normalized.empty()) return out;
    std::set<std::string> searched(query.get_unique_terms_begin(), query.get_unique_terms_end());
    Xapian::TermGenerator words;
    Xapian::Document scratch;
    words.set_document(scratch);
    words.index_text_without_positions(normalized);
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t)
        if (searched.contains("Z" + analyzer_.stemmer()(*t))) out.push_back(*t);
    return out;
}

// QueryParser answers a query it cannot parse ("talks)", a pasted "<CLEV.O)") by
// parsing it again as plain words, and that second parse drops every flag, so
// FLAG_AUTO_SYNONYMS too: a stemmed word comes back as its bare stem key, which an
// index of stem synonyms does not hold, and the query matched nothing. Such keys get
// their forms back here. A key Xapian left bare in a parse that worked has no forms
// (the index never held the word), so this changes nothing else. Only the
// parameterless operators around words are walked: the plain-words parse builds no
// others. A stop word Xapian kept (AND, +) is searched as written, the only way it is
// indexed: its stem key matched nothing, its stem group only words sharing its stem.
Xapian::Query QueryBuilder::with_stem_groups(const Xapian::Query& query) const {
    return rebuild_parts(query, [this](const Xapian::Query& part) {
        if (std::vector<std::string> words = written_stop_words(part); !words.empty())
            return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
        if (part.get_type() != Xapian::Query::LEAF_TERM) return part;
        const std::string key = *part.get_terms_begin();
        if (key.size() < 2 || key[0] != 'Z') return part;
        const std::vector<std::string>& forms = stem_forms(key);
        return forms.size() < 2 ? part : Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
    });
}

// Xapian's plain-words reading of a query it cannot parse (with_stem_groups) turns
// its exclusions into searched words: "-ceasefire" (a '-' with nothing to take from)
// found the documents with ceasefire, "grain NOT ceasefire)" those with either word.
// A query that excluded something but came back without an AND_NOT, as its plain
// words, was read so. A '-' alone then means NOT, which Xapian accepts alone;
// anything else is an error.
// The plain-words reading loses NEAR and ADJ (searched as words: "grain NEAR expo*"
// found near) and wildcards too, which is as much an error. Xapian expands no
// wildcard in a phrase either: "grai* exports" searched the phrase grai exports.
Xapian::Query QueryBuilder::parse(const std::string& normalized) {
    if (const std::string word = quoted_wildcard(normalized); !word.empty())
        throw Xapian::QueryParserError("the wildcard " + word + " is in quotes, where it is not expanded (a phrase "
                                       "matches words as written); write the word in full, or take it out of the "
                                       "quotes");
    std::string text = normalized;
    Xapian::Query query = parser_.parse_query(text, kParseFlags);
    if (has_exclusion(text) && !has_and_not(query) && plain_words(text, query)) {
        unknown_entities_.clear();  // the field processors run again
        text = minus_as_not(normalized);
        query = parser_.parse_query(text, kParseFlags);
        if (!has_and_not(query) && plain_words(text, query))
            throw Xapian::QueryParserError(
                "it excludes words (NOT or -), but it can only be read as plain words, which would search for them "
                "(is a ')' or '\"' out of place?); correct the query");
    }
    const std::string lost = lost_in_plain_words(text);
    if (lost.empty() || !plain_words(text, query)) return query;
    const bool op = lost.starts_with("NEAR") || lost.starts_with("ADJ");
    throw Xapian::QueryParserError(
        "it can only be read as plain words, which would search " +
        (op ? lost + " as a word (" + lost + " takes one word on each side: no wildcard, phrase or group; "
            : lost + " as the word " + lost.substr(0, lost.find('*')) + " (") +
        "is a ')' or '\"' out of place?); correct the query");
}

// Whether `parsed` is QueryParser's reading of `text` as plain words: the query it
// gives with the flags it keeps for that reading. An exclusion can also vanish from
// a query that parsed: Xapian drops a NOT of what matches nothing (an entity filter
// of an unknown name), and such a query is no plain-words reading.
bool QueryBuilder::plain_words(const std::string& text, const Xapian::Query& parsed) {
    constexpr unsigned kPlainWordsFlags =
        kParseFlags & (Xapian::QueryParser::FLAG_CJK_NGRAM | Xapian::QueryParser::FLAG_NO_POSITIONS);
    const std::vector<std::string> unknown = unknown_entities_;  // the field processors run again
    const bool same = parser_.parse_query(text, kPlainWordsFlags).get_description() == parsed.get_description();
    unknown_entities_ = unknown;
    return same;
}

// The stop words written in the query for a stemmed part of its parse (Zthe, or a
// stem group keyed by it, its first term), or none when it is no such part.
std::vector<std::string> QueryBuilder::written_stop_words(const Xapian::Query& part) const {
    const bool group = part.get_type() == Xapian::Query::OP_SYNONYM && part.get_num_subqueries() > 0;
    const Xapian::Query key = group ? part.get_subquery(0) : part;
    if (key.get_type() != Xapian::Query::LEAF_TERM) return {};
    const std::string term = *key.get_terms_begin();
    if (!term.starts_with('Z') || !analyzer_.is_stop_word(std::string(schema::without_prefix(term)))) return {};
    std::vector<std::string> words;
    for (auto word = parser_.unstem_begin(term); word != parser_.unstem_end(term); ++word) {
        if (!analyzer_.is_stop_word(*word)) return {};  // offing has the stem of too
        words.push_back(*word);
    }
    return words;
}

// Xapian keeps a query made only of stop words, as stemmed terms (Zthe); but stop
// words are indexed without a stemmed form, so such a query is to match nothing. Its
// stem groups (Zof SYNONYM offing) hold only other words that share such a stem.
bool QueryBuilder::only_stemmed_stop_words(const Xapian::Query& query) const {
    bool only = true;
    rebuild_parts(query, [&](const Xapian::Query& part) {
        only = only && !written_stop_words(part).empty();
        return part;
    });
    return only;
}

bool stem_groups_unserved(const Xapian::Database& db) {
    return schema::shows_no_stem_groups(db) && db.get_metadata(std::string(schema::kNoStemGroupsKey)).empty();
}

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const Xapian::Database& db, EntityCatalog& catalog)
    : analyzer_(analyzer), db_(db), synonym_weights_(db), collections_(db) {
    analyzer_.configure(parser_);
    parser_.set_database(db);
    if (stem_groups_unserved(db)) parser_.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    // Each field is named once, here: check_field_names checks the same list.
    auto field = [this](const char* name) { return field_names_.emplace_back(name); };
    parser_.add_prefix(field("title"), std::string(schema::kTitlePrefix));
    parser_.add_boolean_prefix(field("lang"), std::string(schema::kLangPrefix));
    parser_.add_boolean_prefix(field("source"), std::string(schema::kSourcePrefix));
    parser_.add_boolean_prefix(field("id"), (new IdFieldProcessor)->release());
    parser_.add_boolean_prefix(field("date"), (new DateFieldProcessor(&written_))->release());
    using entities::EntityType;
    for (auto [name, type] : {std::pair<const char*, std::optional<EntityType>>{"person", EntityType::person},
                              {"place", EntityType::place},
                              {"org", EntityType::org},
                              {"entity", std::nullopt}}) {
        parser_.add_boolean_prefix(field(name), (new EntityFieldProcessor(catalog, type, unknown_entities_))->release());
    }
    parser_.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

ParsedQuery QueryBuilder::build(const std::string& written, DefaultOp op) {
    // Control characters separate words, as white space: every check below, and
    // suggest(), reads the query as Xapian is given it.
    const std::string query = text::controls_as_spaces(written);
    written_ = query;
    ParsedQuery parsed;
    parsed.question = text::is_question(query);
    if (trim(query) == "*") {
        parsed.query = Xapian::Query::MatchAll;
        return parsed;
    }
    check_field_names(query, field_names_);  // a field without value, or no field at all (titel:)
    parser_.set_default_op(op == DefaultOp::op_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    // Ids are matched exactly as written, so the id: field is not normalized.
    unknown_entities_.clear();
    const std::string normalized = analyzer_.normalize_query(query, {"id"});
    if (const auto [field, c] = field_before_punctuation(normalized, {"title"}, {"source"}); !field.empty())
        throw Xapian::QueryParserError("'" + field + "' is followed by '" + c + "', which cannot start its value; " +
                                       "write the value right after the colon, e.g. " + field_value_example(field));
    // Xapian reads some operators as words ("NEAR/3 grain" searched "near 3", NEAR/0
    // "near 0"); raised as the syntax error it is for AND, for the same hint.
    const auto hint = find_syntax_problem(normalized);
    if (hint && hint->misread)
        throw Xapian::QueryParserError("Syntax: <expression> NEAR <expression>");
    const Xapian::Query words = parse(normalized);
    // The documents BM25 counts for this query, for its weighting scheme and for the
    // exact IDFs of its stem groups alike; BM25+ (an ablation) is Xapian's own, over
    // the whole index (search.cpp).
    const AnalysisOptions& options = analysis_options();
    const bool by_language = options.language_collections && options.bm25plus_delta <= 0;
    parsed.collection = collections_.of(by_language ? query_language(words) : QueryLanguage::none);
    synonym_weights_.use_collection(parsed.collection.documents);
    // A stop word's stem group holds the words that share its stem (offing for of,
    // وفيات for في), which such a query must not find: it matches nothing.
    parsed.only_stop_words = only_stemmed_stop_words(words);
    if (parsed.only_stop_words) return parsed;
    parsed.query = with_stem_groups(words);
    parsed.no_words = parsed.query.empty() && unknown_entities_.empty();  // those say why themselves
    // Additions that also match, for OR queries only: an AND query must keep meaning
    // every word.
    const bool or_query = op == DefaultOp::op_or;
    if (or_query) {
        parsed.query = with_alternatives(parsed.query, [&](const Xapian::Query& words_part) {
            const std::vector<std::string> words = searched_words(words_part, normalized);
            std::vector<Xapian::Query> more = {clitic_alternatives(words), name_key_alternatives(words),
                                               ngram_query(words)};
            if (analysis_options().root_matches) more.push_back(root_query(words));
            std::erase_if(more, [](const Xapian::Query& q) { return q.empty(); });
            return more.empty() ? Xapian::Query() : Xapian::Query(Xapian::Query::OP_OR, more.begin(), more.end());
        });
    }
    const bool roots_in_bonus = !(or_query && analysis_options().root_matches);
    if (Xapian::Query bonus = ranking_bonus(parsed.query, normalized, roots_in_bonus); !bonus.empty())
        parsed.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, parsed.query, bonus);
    // Last, over the whole query: each synonym group (its stem key kept, which the
    // steps above find the searched words by) weighed with its exact frequency.
    parsed.query = synonym_weights_.exact_all(parsed.query);
    for (const std::string& value : unknown_entities_)  // normalized: a message quotes them as typed
        parsed.unknown_entities.push_back(as_typed(query, value, analyzer_));
    parsed.unknown_languages = unknown_values(db_, words, schema::kLangPrefix, query, analyzer_);
    parsed.unknown_sources = unknown_values(db_, words, schema::kSourcePrefix, query, analyzer_);
    return parsed;
}

std::string QueryBuilder::suggest(const std::string& written, DefaultOp op) {
    const std::string query = text::controls_as_spaces(written);  // as build() reads it
    written_ = query;
    if (trim(query) == "*") return "";
    parser_.set_default_op(op == DefaultOp::op_and ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    const std::string normalized = analyzer_.normalize_query(query, {"id"});
    // The spelling data holds index terms, at most 245 bytes, and Xapian's look-up
    // for a word takes time and memory quadratic in its length (100,000 letters: 20
    // s, 600 MB): a longer word has no correction to find.
    if (longest_word_bytes(normalized) > kMaxTermBytes) return "";
    try {
        parser_.parse_query(normalized, kParseFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::QueryParserError&) {
        return "";
    }
    // Stop words are not in the spelling data (they are never searched on their own), so
    // Xapian "corrects" them to close words (what -> wheat); and a word that finds
    // documents as written or through its stem may be missing there as written (ممر
    // finds ممرات: it is no misspelling of the more frequent مصر). Both are kept.
    return shown_correction(
        query, normalized, parser_.get_corrected_query_string(), [this](const std::string& w) { return known_word(w); },
        [this](const std::string& term) { return spelt_in_documents(db_, analyzer_, term); });
}

}  // namespace naba::searcher
