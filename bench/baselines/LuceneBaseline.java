// Lucene 8 baseline for bench/eval: indexes a test set's corpus.jsonl in memory and
// writes a TREC run for its queries.tsv, the way a Lucene user would set it up for
// Arabic and English text:
//
// - Analysis per document, by script: ArabicAnalyzer when Arabic letters outnumber
//   Latin ones in the document's text field, EnglishAnalyzer otherwise; both with their
//   default stop sets and stemmers (ArabicStemFilter = light stemming of prefixes and
//   suffixes; PorterStemFilter).
// - One field, "body" = title + "\n" + text, positions on (TextField). A single field
//   keeps one set of BM25 statistics for the whole index, as a bilingual index has.
//   Each document's field is pre-analysed with the analyzer chosen for it.
// - BM25Similarity with its defaults (k1 = 1.2, b = 0.75), at indexing and search time;
//   --k1 and --b change them (for experiments only: bench/eval uses the defaults).
// - Queries: the analyzer chosen for the query by the same script rule, QueryParser with
//   the default OR operator over "body"; the query is lower-cased (so that AND, OR, NOT
//   are words, not operators; both analyzers lower-case anyway) and escaped with
//   QueryParser.escape.
// - Input read as naba-index reads it, so that the engines index the same documents
//   under the same ids: a byte order mark starting a line is dropped; a line that is
//   no JSON object, or has no id or no string text, or blank text and no title, or an
//   id with a tab or line break or of white space alone, is skipped with a warning
//   giving file:line; a number id is its exact value in plain decimal (1.0 and 1e0 are
//   1); an id given again replaces the earlier document. A query that cannot be
//   searched (no words left after escaping) gets no results and a warning; one of
//   more than 1024 words is searched (the clause limit is raised), not refused.
// - Output: top N (default 100) per query, `qid Q0 docid rank score tag`, the score with
//   the 9 digits that tell floats apart (trec_eval orders equal scores by docid, not by
//   rank); in the docid
//   a space, tab, '%', \v, \f or \r is written %20, %09, %25 ... as naba-search writes
//   it (bench/eval decodes the three runs alike: naba-trec-eval --percent-ids).
//
// usage: LuceneBaseline --corpus corpus.jsonl --queries queries.tsv --run out.run
//                       [--depth 100] [--tag lucene] [--k1 1.2] [--b 0.75]
// Built and run by bench/baselines/lucene-baseline.

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Version;

public final class LuceneBaseline {
    static final String FIELD = "body";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        opt.put("--depth", "100");
        opt.put("--tag", "lucene");
        opt.put("--k1", "1.2");
        opt.put("--b", "0.75");
        for (int i = 0; i < args.length; ++i) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println("usage: LuceneBaseline --corpus corpus.jsonl --queries queries.tsv"
                        + " --run out.run [--depth 100] [--tag lucene] [--k1 1.2] [--b 0.75]");
                return;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) usage("bad argument " + args[i]);
            opt.put(args[i], args[++i]);
        }
        for (String k : new String[] {"--corpus", "--queries", "--run"})
            if (!opt.containsKey(k)) usage("missing " + k);
        int depth = Integer.parseInt(opt.get("--depth"));

        Analyzer arabic = new ArabicAnalyzer();
        Analyzer english = new EnglishAnalyzer();
        BM25Similarity bm25 = new BM25Similarity(Float.parseFloat(opt.get("--k1")), Float.parseFloat(opt.get("--b")));

        Directory dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(english);  // unused: fields are pre-analysed
        config.setSimilarity(bm25);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        int arabicDocs = 0, skipped = 0;
        Set<String> ids = new HashSet<>();
        String corpus = opt.get("--corpus");
        try (IndexWriter writer = new IndexWriter(dir, config);
             BufferedReader in = Files.newBufferedReader(Paths.get(corpus), StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                ++lineNo;
                line = withoutBom(line);
                if (line.isBlank()) continue;
                String[] record = record(corpus, lineNo, line);  // {id, text, body}, or null: skipped
                if (record == null) {
                    ++skipped;
                    continue;
                }
                String id = record[0], text = record[1], body = record[2];
                boolean isArabic = mostlyArabic(text);
                if (isArabic) ++arabicDocs;
                Analyzer analyzer = isArabic ? arabic : english;
                Document doc = new Document();
                doc.add(new StringField("id", id, Field.Store.YES));
                doc.add(new Field(FIELD, analyzer.tokenStream(FIELD, body), TextField.TYPE_NOT_STORED));
                writer.updateDocument(new Term("id", id), doc);  // the later of two with one id wins
                if (!ids.add(id))
                    System.err.printf("LuceneBaseline: %s:%d: id %s given again; this document replaces the earlier%n",
                                      corpus, lineNo, id);
            }
        }
        int docs = ids.size();

        QueryParser arabicParser = new QueryParser(FIELD, arabic);
        QueryParser englishParser = new QueryParser(FIELD, english);
        BooleanQuery.setMaxClauseCount(Integer.MAX_VALUE);  // a long query is searched, not refused
        int queries = 0, arabicQueries = 0, empty = 0, failed = 0, lineNo = 0;
        String queriesPath = opt.get("--queries");
        try (DirectoryReader reader = DirectoryReader.open(dir);
             BufferedReader in = Files.newBufferedReader(Paths.get(queriesPath), StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(opt.get("--run")), StandardCharsets.UTF_8))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(bm25);
            String line;
            while ((line = in.readLine()) != null) {
                ++lineNo;
                line = withoutBom(line);
                if (line.isBlank()) continue;
                int tab = line.indexOf('\t');
                if (tab < 0)
                    throw new IllegalArgumentException(queriesPath + ":" + lineNo + ": no tab: expected qid<TAB>query");
                String qid = line.substring(0, tab), text = line.substring(tab + 1);
                ++queries;
                boolean isArabic = mostlyArabic(text);
                if (isArabic) ++arabicQueries;
                Query query;
                try {
                    query = text.isBlank() ? null : (isArabic ? arabicParser : englishParser)
                            .parse(QueryParser.escape(text.toLowerCase(Locale.ROOT)));
                } catch (ParseException e) {
                    System.err.printf("LuceneBaseline: %s:%d: query %s does not parse after escaping (%s); no results%n",
                            queriesPath, lineNo, qid, e.getMessage().split("\n")[0]);
                    ++failed;
                    continue;
                }
                if (query == null) {  // every word analysed away (stop words)
                    ++empty;
                    continue;
                }
                TopDocs top = searcher.search(query, depth);
                if (top.scoreDocs.length == 0) ++empty;
                int rank = 0;
                for (ScoreDoc sd : top.scoreDocs) {
                    String id = searcher.doc(sd.doc).get("id");
                    out.printf(Locale.ROOT, "%s Q0 %s %d %.9g %s%n", qid, trecField(id), ++rank, sd.score, opt.get("--tag"));
                }
            }
        }
        System.err.printf(Locale.ROOT,
                "lucene %s (BM25 k1=%s b=%s): %d documents (%d Arabic, %d lines skipped), %d queries (%d Arabic, %d without results, %d not parsed)%n",
                Version.LATEST, opt.get("--k1"), opt.get("--b"), docs, arabicDocs, skipped, queries, arabicQueries, empty, failed);
    }

    // A corpus line as {id, text, body} (body = title + "\n" + text), or null when
    // naba-index would skip it too (the warning is printed here).
    static String[] record(String corpus, int lineNo, String line) {
        JsonObjectReader json = new JsonObjectReader(line);
        Map<String, String> obj;
        try {
            obj = json.read();
        } catch (IllegalArgumentException e) {
            return skip(corpus, lineNo, e.getMessage());
        }
        String id = obj.get("id"), text = json.strings.contains("text") ? obj.get("text") : null;
        String title = json.strings.contains("title") ? obj.get("title") : "";
        if (id != null && json.literals.contains("id")) id = numberId(id);
        if (id == null || id.isBlank() || id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0)
            return skip(corpus, lineNo, "no id, or an id that is blank or has a tab or line break");
        if (text == null || (text.isBlank() && title.isBlank())) return skip(corpus, lineNo, "no text");
        return new String[] {id, text, title.isEmpty() ? text : title + "\n" + text};
    }

    static String withoutBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    static String[] skip(String file, int lineNo, String why) {
        System.err.printf("LuceneBaseline: skipped %s:%d: %s%n", file, lineNo, why);
        return null;
    }

    // A number id as naba-index writes it: its exact value in plain decimal (1.0, 1e0 -> 1).
    static String numberId(String literal) {
        try {
            BigDecimal value = new BigDecimal(literal).stripTrailingZeros();
            return value.signum() == 0 ? "0" : value.toPlainString();
        } catch (NumberFormatException e) {
            return null;  // true, false: no id
        }
    }

    // A docid as one field of a TREC run, as naba-search writes it (common/trec_docid.h).
    static String trecField(String id) {
        StringBuilder b = new StringBuilder();
        for (char c : id.toCharArray()) {
            if (c == ' ' || c == '\t' || c == '%' || c == 0x0B || c == '\f' || c == '\r')
                b.append(String.format(Locale.ROOT, "%%%02X", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    // Arabic when Arabic-script letters outnumber Latin-script letters.
    static boolean mostlyArabic(String s) {
        int arabic = 0, latin = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.ARABIC) ++arabic;
            else if (script == Character.UnicodeScript.LATIN) ++latin;
        }
        return arabic > latin;
    }

    static void usage(String message) {
        System.err.println("LuceneBaseline: " + message
                + "; usage: --corpus corpus.jsonl --queries queries.tsv --run out.run [--depth 100] [--tag lucene] [--k1 1.2] [--b 0.75]");
        System.exit(2);
    }

    // A small reader for one flat JSON object per line: string, number, boolean and null
    // members become strings (null is dropped); nested values are skipped.
    static final class JsonObjectReader {
        private final String s;
        private int i = 0;
        final Set<String> strings = new HashSet<>();   // keys whose value was a JSON string
        final Set<String> literals = new HashSet<>();  // keys whose value was a number or boolean

        JsonObjectReader(String s) { this.s = s; }

        Map<String, String> read() {
            Map<String, String> out = new HashMap<>();
            ws();
            expect('{');
            ws();
            if (peek() == '}') { ++i; return out; }
            while (true) {
                ws();
                String key = string();
                ws();
                expect(':');
                ws();
                boolean isString = peek() == '"';
                String value = value();
                if (value != null) {
                    out.put(key, value);
                    (isString ? strings : literals).add(key);
                }
                ws();
                char c = next();
                if (c == '}') break;
                if (c != ',') throw err("expected , or }");
            }
            ws();
            if (i < s.length()) throw err("text after the object");  // naba-index skips such a line too
            return out;
        }

        private String value() {
            char c = peek();
            if (c == '"') return string();
            if (c == '{' || c == '[') { skipNested(); return null; }
            int start = i;
            while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) ++i;
            String literal = s.substring(start, i);
            if (literal.isEmpty()) throw err("expected a value");
            return literal.equals("null") ? null : literal;
        }

        private void skipNested() {
            int level = 0;
            do {
                char c = peek();
                if (c == '"') { string(); continue; }
                ++i;
                if (c == '{' || c == '[') ++level;
                else if (c == '}' || c == ']') --level;
            } while (level > 0);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = next();
                switch (e) {
                    case '"': case '\\': case '/': b.append(e); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u':
                        if (i + 4 > s.length()) throw err("short \\u escape");
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));  // surrogates pair up as chars
                        i += 4;
                        break;
                    default: throw err("bad escape \\" + e);
                }
            }
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) ++i; }
        private char peek() { if (i >= s.length()) throw err("unexpected end"); return s.charAt(i); }
        private char next() { char c = peek(); ++i; return c; }
        private void expect(char c) { if (next() != c) throw err("expected " + c); }
        private IllegalArgumentException err(String m) { return new IllegalArgumentException(m + " at column " + i); }
    }
}
