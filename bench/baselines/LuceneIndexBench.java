// Lucene 8 side of bench/index_bench: indexes JSONL corpora into one index on disk, the
// way a Lucene user would for Arabic and English news, so that naba-index's indexing
// speed can be compared with it on the same files in the same run.
//
// - Analysis per document, by script, exactly as LuceneBaseline (whose JSON reader and
//   script rule this reuses): ArabicAnalyzer when Arabic letters outnumber Latin ones
//   in the text, EnglishAnalyzer otherwise, default stop sets and stemmers.
// - The same work naba-index does per document: "body" = title + "\n" + text and
//   "title" on its own (naba-index indexes title words a second time with a prefix),
//   both with positions (TextField); the id as an exact term ("id", StringField); the
//   whole JSON line stored ("record": naba-index stores the record for snippets).
// - One IndexWriter on an FSDirectory (--index DIR, created or overwritten), one
//   thread, default IndexWriterConfig (16 MB RAM buffer, default merge policy), a
//   final commit and close: the index is complete and durable when the program ends.
//
// usage: LuceneIndexBench --index DIR CORPUS.jsonl...
// Prints one line on stderr: documents, Arabic documents, input MB, seconds inside the
// JVM. bench/index_bench times the whole process. Built and run by
// bench/baselines/lucene-index-bench.

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;

public final class LuceneIndexBench {
    public static void main(String[] args) throws Exception {
        Path index = null;
        List<Path> corpora = new ArrayList<>();
        for (int i = 0; i < args.length; ++i) {
            if (args[i].equals("--index") && i + 1 < args.length) index = Paths.get(args[++i]);
            else if (args[i].startsWith("-")) usage("unknown option " + args[i]);
            else corpora.add(Paths.get(args[i]));
        }
        if (index == null || corpora.isEmpty()) usage("need --index DIR and at least one corpus");

        final long start = System.nanoTime();
        // Two of each: an Analyzer hands out one reused token stream at a time, and a
        // document's title and body streams are both open until addDocument.
        Analyzer[] arabic = {new ArabicAnalyzer(), new ArabicAnalyzer()};
        Analyzer[] english = {new EnglishAnalyzer(), new EnglishAnalyzer()};
        IndexWriterConfig config = new IndexWriterConfig(english[0]);  // unused: fields are pre-analysed
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        long docs = 0, arabicDocs = 0, bytes = 0;
        try (Directory dir = FSDirectory.open(index); IndexWriter writer = new IndexWriter(dir, config)) {
            for (Path corpus : corpora) {
                bytes += Files.size(corpus);
                try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                    String line;
                    long lineNo = 0;
                    while ((line = in.readLine()) != null) {
                        ++lineNo;
                        if (line.isBlank()) continue;
                        Map<String, String> obj;
                        try {
                            obj = new LuceneBaseline.JsonObjectReader(line).read();
                        } catch (IllegalArgumentException e) {
                            System.err.println("LuceneIndexBench: " + corpus + ":" + lineNo + ": " + e.getMessage() + "; skipped");
                            continue;
                        }
                        String id = obj.get("id"), text = obj.get("text");
                        if (id == null || text == null) continue;  // naba-index skips these too
                        boolean isArabic = LuceneBaseline.mostlyArabic(text);
                        if (isArabic) ++arabicDocs;
                        writer.addDocument(document(id, obj.getOrDefault("title", ""), text, line,
                                                    isArabic ? arabic : english));
                        ++docs;
                    }
                }
            }
            writer.commit();
        }
        System.err.printf(Locale.ROOT, "lucene %s: %d documents (%d Arabic), %.1f MB, %.2f s in the JVM%n",
                Version.LATEST, docs, arabicDocs, bytes / 1e6, (System.nanoTime() - start) / 1e9);
    }

    static Document document(String id, String title, String text, String line, Analyzer[] analyzers) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        doc.add(new Field("title", analyzers[0].tokenStream("title", title), TextField.TYPE_NOT_STORED));
        String body = title.isEmpty() ? text : title + "\n" + text;
        doc.add(new Field("body", analyzers[1].tokenStream("body", body), TextField.TYPE_NOT_STORED));
        doc.add(new StoredField("record", line));
        return doc;
    }

    static void usage(String message) {
        System.err.println("LuceneIndexBench: " + message + "; usage: --index DIR CORPUS.jsonl...");
        System.exit(2);
    }
}
