// The index schema, defined once for the indexer and the searcher: term prefixes,
// value slots and the document data record. Xapian's own prefix conventions are
// used where one exists (Q unique id, S title, L language).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace naba::schema {

// --- term prefixes ---------------------------------------------------------------
inline constexpr std::string_view kIdPrefix = "Q";       // boolean: the external id
inline constexpr std::string_view kTitlePrefix = "S";    // free text: title words
inline constexpr std::string_view kLangPrefix = "L";     // boolean: "ar", "en"
inline constexpr std::string_view kSourcePrefix = "XS";  // boolean: normalized source
// free text, no positions: root-like stem of an Arabic word (stem/arabic_root.h),
// with the word's within-document frequency; ranks beside the Light10 stem.
inline constexpr std::string_view kArabicRootPrefix = "XA";
// free text, no positions: consonant skeleton (entities/name_key.h) of a long Arabic
// word, and sound classes ("l" + key + first letter) of a capitalised Latin word in running text, so
// transliterated names spelled two ways (روديوفيت / رودوفيت, Zelenskiy / Zelinski) meet.
inline constexpr std::string_view kNameKeyPrefix = "XK";
// free text, no positions: character 4-grams of the Light10 stem of an Arabic word
// of 5 letters or more (Analyzer::ngram_terms), so words that share most of their
// letters (derived forms, name spellings) meet.
inline constexpr std::string_view kArabicNgramPrefix = "XC";

// Stemmed words. A stemmed query word is the term "Z" + stem ("ZS" + stem for a
// title word). Those terms are not indexed: Xapian's synonym table lists under each
// key the written forms the index holds, and naba-search (FLAG_AUTO_SYNONYMS) searches
// them as one OP_SYNONYM term with exact statistics (searcher/synonym_weights.h).
// Forms are only added, never removed: a form no document has any more matches
// nothing. Indexes written before (and with NABA_ANALYSIS no-stem-synonyms) hold the
// "Z" terms themselves (TermGenerator STEM_SOME) and no synonyms; naba-search reads
// both kinds (a group holds the key too), and naba-index keeps an index's kind.
//
// Metadata key naming the kind: "synonyms" or "terms". An index with documents and
// without the key was built before stem synonyms, with terms.
inline constexpr std::string_view kStemmingKey = "naba:stemming";
// Metadata key set ("1") by naba-index in an index of stem synonyms that has
// documents and no group at all (its words are all numbers or stop words): its
// synonym table is empty for want of stems, not because Xapian's remote backend does
// not serve it, which is how naba-search otherwise tells that it cannot match stems.
inline constexpr std::string_view kNoStemGroupsKey = "naba:stemming:none";
// The stem key's prefix (Xapian's convention for stemmed terms).
inline constexpr std::string_view kStemPrefix = "Z";

// --- value slots -----------------------------------------------------------------
inline constexpr Xapian::valueno kDateSlot = 0;  // "YYYYMMDD"; empty when undated

// Incremental re-runs (naba-index compares these before reading a file again).
// Integers are stored as 8 bytes, big-endian: exact (a double would round
// nanosecond mtimes) and cheap to compare.
inline constexpr Xapian::valueno kFileSizeSlot = 1;   // text file: size in bytes
// Text file: mtime, then the inode's change time, ns since the epoch (16 bytes; an
// index written before the change time was kept has the mtime alone), then 1 when the
// signature is racy (24 bytes: the file's times were not older than its run's start, so
// the next run checks its hash; indexer/file_signature.h).
inline constexpr Xapian::valueno kFileMtimeSlot = 2;
// Text file: XXH3_64bits of the file's bytes. JSONL document: XXH3_64bits of the
// record's fields (not its line), so an unchanged record in a changed file is kept.
inline constexpr Xapian::valueno kContentHashSlot = 3;
inline constexpr Xapian::valueno kSourcePathSlot = 4;  // absolute path of the input file
// JSONL document: its line in the file (8 bytes, big-endian). A record that only moved
// (older lines were deleted) gets its stored line updated without being analysed again.
inline constexpr Xapian::valueno kRecordLineSlot = 6;
// The other input files that held the document's id when it was indexed (overlapping
// dumps): canonical paths, each ended by a NUL. When the document's own file drops the
// id or disappears, the document goes to one of them that is still there instead of
// being removed (indexer/shared_ids.h). Empty for most documents.
inline constexpr Xapian::valueno kOtherHoldersSlot = 7;
// Text file: its id, as in its kIdPrefix term, so that a re-run over many files finds
// each one's document in one pass over the value streams instead of a look-up of the
// id term per file (indexer/stored_text_files.h). None in an older index's documents.
inline constexpr Xapian::valueno kFileIdSlot = 8;

// --- entities --------------------------------------------------------------------
// Every person, place and organisation a document mentions is a boolean term: the
// type's prefix + the entity id ("XPp:volodymyr-zelensky"), so person:zelensky is a
// filter. Names not in the gazetteer have "u:" ids and the unknown prefix.
inline constexpr std::string_view kPersonPrefix = "XP";
inline constexpr std::string_view kPlacePrefix = "XG";
inline constexpr std::string_view kOrgPrefix = "XO";
inline constexpr std::string_view kUnknownEntityPrefix = "XN";

// Every entity type with its prefix, in the order facets list them.
struct EntityTypePrefix {
    std::string_view type;
    std::string_view prefix;
};
inline constexpr EntityTypePrefix kEntityTypes[] = {
    {"person", kPersonPrefix}, {"place", kPlacePrefix}, {"org", kOrgPrefix}, {"unknown", kUnknownEntityPrefix}};

// True for a term that names an entity (an entity type's prefix, then its id).
bool is_entity_term(std::string_view term);

// The prefix for an entity type name ("person", "place", "org", "unknown"); throws
// std::invalid_argument for any other name.
std::string_view entity_prefix(std::string_view type);

// The document's distinct entities, one "type<TAB>id<LF>" line each, for facet
// counting over a whole match set (a MatchSpy reads one value per document, which is
// far cheaper than walking the term lists).
inline constexpr Xapian::valueno kEntitiesSlot = 5;

// Metadata key holding the gazetteer entries a user added with naba-index
// --gazetteer (the file's text), so that naba-search resolves the same names.
inline constexpr std::string_view kUserGazetteerKey = "naba:gazetteer";

// Metadata key holding a fingerprint of what recognised the index's entities (the
// built-in and user gazetteers and the tagger's version): when a run's fingerprint
// differs, naba-index re-tags every document, so filters and facets never mix two
// gazetteers.
inline constexpr std::string_view kEntityFingerprintKey = "naba:entities:fingerprint";

// Metadata key holding what analysed the index's documents (analysis_fingerprint.h):
// when a run's differs, naba-index re-analyses every document from its stored
// record, so that one index never holds words analysed two ways; naba-search warns.
inline constexpr std::string_view kAnalysisKey = "naba:analysis";

// Metadata key set ("1") while a naba-index run may have committed documents whose
// words the spelling data does not count yet; cleared in the commit that refreshes
// it. A run stopped in between leaves it set, and the next run refreshes the spelling
// data even if it changes nothing itself.
inline constexpr std::string_view kSpellingStaleKey = "naba:spelling:stale";

// Metadata key set ("1") in the shards of a fresh build on several threads, which the
// index directory lists (a Xapian stub) while the build runs: searchers then see the
// documents committed so far, matched as written (stems and spelling come with the
// merge). The merged index has no such key; naba-search says why results are partial.
inline constexpr std::string_view kBuildingKey = "naba:building";

// The file that makes a folder a Xapian stub database (Xapian's name for it): the
// index folder of a build in progress, or a folder naming several indexes.
inline constexpr std::string_view kStubFileName = "XAPIANDB";

// The first line of the stub (XAPIANDB, a '#' comment to Xapian) that lists those
// shards: it tells naba-index the stub is its own, and a person what the folder is.
inline constexpr std::string_view kBuildStubMarker =
    "# naba-index: a new index being built on several threads; run naba-index again if no run is building it";

// True when `db_dir` holds such a stub (not a user's own stub of several indexes).
bool is_build_stub(const std::string& db_dir);

// Boolean term on every document found under a directory argument: prefix + the
// directory's absolute path (or "#" + 32 hex digits of XXH3_128 when that is over
// kMaxVerbatimIdBytes). A re-run of that directory removes the documents under this
// term whose kSourcePathSlot file is no longer there.
inline constexpr std::string_view kRootDirPrefix = "XR";

// Every term prefix above. Two families under one prefix would be one posting
// namespace (re-tagging entities removes all place-prefixed terms, for one), so the
// build fails if any two are the same.
inline constexpr std::string_view kTermPrefixes[] = {
    kIdPrefix,          kTitlePrefix,  kLangPrefix,  kSourcePrefix, kArabicRootPrefix,    kNameKeyPrefix,
    kArabicNgramPrefix, kPersonPrefix, kPlacePrefix, kOrgPrefix,    kUnknownEntityPrefix, kRootDirPrefix,
    kStemPrefix};
// Nor may one prefix begin another: terms are found by prefix (allterms_begin(p),
// the re-tagging scan), so "XG" beside "XGA" would mix the two.
constexpr bool distinct_prefixes() {
    for (std::size_t i = 0; i < std::size(kTermPrefixes); ++i)
        for (std::size_t j = i + 1; j < std::size(kTermPrefixes); ++j)
            if (kTermPrefixes[i].starts_with(kTermPrefixes[j]) || kTermPrefixes[j].starts_with(kTermPrefixes[i]))
                return false;
    return true;
}
static_assert(distinct_prefixes(), "two term families share a prefix");

// A word as indexed, without a field prefix: prefixes are capitals and indexed words
// are case-folded, so a word term starts with a lower-case or non-ASCII byte.
inline bool is_word_term(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// A term's word without its prefix: the run of capitals the term starts with.
inline std::string_view without_prefix(std::string_view term) {
    std::size_t i = 0;
    while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') ++i;
    return term.substr(i);
}

// True for a term of a boolean family (id, language, source, entities, folders): it
// filters and is never weighed.
bool is_filter_term(std::string_view term);

// Metadata key prefix of the per-language statistics (language_stats.h): + "ar" for
// the documents written only in Arabic, + "en" for those only in English.
inline constexpr std::string_view kLanguageStatsPrefix = "naba:stats:";

// Metadata key for a JSONL file (prefix + absolute path, or "#" + hash as above);
// its value is the file's size, mtime and hash (8 bytes each, big-endian) and its
// document count (8 bytes), so an unchanged JSONL file is skipped whole; then what
// indexer/file_signature.h's JsonlEntry adds (the last, a racy mark, only when set).
inline constexpr std::string_view kJsonlFileMetadataPrefix = "naba:jsonl:";

// Longest term or metadata key kept verbatim; Xapian stops at 245 bytes, so longer
// ones become prefix + "#" + 32 hex digits of XXH3_128 instead of being cut.
inline constexpr std::size_t kMaxVerbatimIdBytes = 240;

// prefix + text, or prefix + "#" + hash when that is longer than kMaxVerbatimIdBytes.
// Every term or key built from user data (ids, paths) goes through this.
std::string bounded_term(std::string_view prefix, std::string_view text);

// The unique-id term for an external id.
inline std::string id_term(std::string_view id) { return bounded_term(kIdPrefix, id); }

// A document's id term ("" if it has none).
std::string id_term_of(const Xapian::Document& doc);

// Ids are printed one per line (naba-search --format ids, trec, text): an id with a
// control character (a tab or line break) would split into several for the scripts
// that read them, so naba-index does not take one.
inline bool id_fits_one_line(std::string_view id) {
    for (char c : id)
        if ((c >= 0 && c < 0x20) || c == 0x7f) return false;
    return true;
}

// --- document data ---------------------------------------------------------------
// An entity as stored with a document: type name, id and display name.
struct StoredEntity {
    std::string type;
    std::string id;
    std::string name;
    bool operator==(const StoredEntity&) const = default;
};

// The kEntitiesSlot value for these entities.
std::string entities_value(const std::vector<StoredEntity>& entities);

// What is stored for every document (the Xapian document data: a binary record,
// common/document_record.cpp) and shown by the searcher. `text` is the original body, kept for snippets.
struct StoredDocument {
    std::string id;
    std::string path;   // file the document came from
    long line = 0;      // line in a JSONL file; 0 for a whole file
    std::string title;
    std::string date;   // "YYYY-MM-DD" or empty
    std::string lang;   // "ar", "en", "mixed" or "" (unknown)
    std::string source;
    std::string url;
    std::string text;
    std::vector<StoredEntity> entities;  // distinct, in order of first mention
};

// Version of the document data record; bump when fields change meaning.
// 1 and 2 were JSON (2 added "entities"; version 1 records read as having none);
// 3 holds the same fields in a binary record. All three are read.
inline constexpr int kDataVersion = 3;

std::string serialize(const StoredDocument& doc);

// Throws std::runtime_error for data that is not a Naba record (another tool's), a damaged
// record, or one of a newer version.
StoredDocument deserialize(std::string_view data);

// The entity behind an entity term (type prefix + id, or its hashed form), as stored
// with the first document that carries the term; nullopt when none does.
std::optional<StoredEntity> find_stored_entity(const Xapian::Database& db, const std::string& term);

// Whether naba-index wrote the (opened) database: it records its kind of stems
// (kStemmingKey) in every index it makes, and older indexes without that key hold its
// JSON records. Of a stub of several databases, the first one is looked at (Xapian
// reads metadata from the first only). An empty database without the keys is not one.
bool is_naba_index(const Xapian::Database& db);

// Whether `db` keeps its stems as synonym groups (kStemmingKey), has documents, and
// shows no group: none to list (kNoStemGroupsKey), or a table Xapian's remote backend
// does not serve. naba-index records the first case; naba-search tells the two apart.
bool shows_no_stem_groups(const Xapian::Database& db);

}  // namespace naba::schema
