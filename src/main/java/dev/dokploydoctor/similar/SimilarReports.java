package dev.dokploydoctor.similar;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldRecord;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field corpus as a case library: given what a user reported (text and facts), the most similar
 * field reports by BM25 (Lucene), over the report's words (English stemming, stop words removed)
 * and its facts as exact tokens ({@code http.status=502}). A match shows what happened elsewhere,
 * with the link and the fix that worked. It is never evidence for a cause by itself: {@link SimilarVote}
 * turns the nearest reports into one weak fact, which the engine weighs only when the rules barely
 * know (engine/SimilarFallback).
 */
public final class SimilarReports {
    /** A field report and how close it is (BM25 score, only comparable within one query). */
    public record Match(FieldRecord record, double score) {
        public String link() { return record.source(); }
        public String cause() { return record.cause(); }
        public String fix() { return record.fix(); }
    }

    /** A fact weighs this many words: facts are fewer and more telling than prose. */
    static final float FACT_BOOST = 2.0f;
    /** Lucene's default limit on clauses; a long paste is cut to its first words. */
    private static final int MAX_CLAUSES = 1000;
    private static final String ID = "id", SOURCE = "source", TEXT = "text", FACTS = "facts";

    private final List<FieldRecord> records;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    private SimilarReports(List<FieldRecord> records, IndexSearcher searcher) {
        this.records = records;
        this.searcher = searcher;
    }

    /** Index the records in memory (a few hundred take milliseconds). */
    public static SimilarReports of(List<FieldRecord> records) {
        List<FieldRecord> copy = List.copyOf(records);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (Analyzer analyzer = new EnglishAnalyzer();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < copy.size(); i++) {
                FieldRecord r = copy.get(i);
                Document d = new Document();
                d.add(new StoredField(ID, i));
                d.add(new StringField(SOURCE, r.source().trim(), Field.Store.NO));
                d.add(new TextField(TEXT, r.text(), Field.Store.NO));
                for (String token : factTokens(r.facts())) d.add(new StringField(FACTS, token, Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
            return new SimilarReports(copy, new IndexSearcher(DirectoryReader.open(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the field corpus", e);
        }
    }

    public int size() { return records.size(); }

    /** The report at this link (its source), null when none is. */
    public Match at(String link) {
        for (FieldRecord r : records) if (r.source() != null && r.source().trim().equals(link)) return new Match(r, 0);
        return null;
    }

    /** Up to {@code k} reports most similar to this text and these facts, best first; none when nothing is shared. */
    public List<Match> similar(String text, Collection<Fact> facts, int k) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Fact f : facts) values.putIfAbsent(f.getKey(), f.getValue());
        return similar(text, values, k);
    }

    public List<Match> similar(String text, Map<String, Object> facts, int k) {
        return similar(text, facts, k, null);
    }

    /**
     * As {@link #similar(String, Map, int)}, never returning the report at {@code excludedSource}
     * (the report being evaluated, in a leave-one-out run); null excludes nothing.
     */
    public List<Match> similar(String text, Map<String, Object> facts, int k, String excludedSource) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int clauses = 0;
        for (String token : factTokens(facts)) {
            if (clauses++ >= MAX_CLAUSES) break;
            q.add(new BoostQuery(new TermQuery(new Term(FACTS, token)), FACT_BOOST), BooleanClause.Occur.SHOULD);
        }
        // pasted tables and response headers describe the machine: their words would pull toward any report with such a paste
        for (String word : words(PastedOutput.strip(text))) {
            if (clauses++ >= MAX_CLAUSES) break;
            q.add(new TermQuery(new Term(TEXT, word)), BooleanClause.Occur.SHOULD);
        }
        if (clauses == 0 || k <= 0) return List.of();
        if (excludedSource != null) q.add(new TermQuery(new Term(SOURCE, excludedSource.trim())), BooleanClause.Occur.MUST_NOT);
        return search(q.build(), k);
    }

    private List<Match> search(Query query, int k) {
        try {
            List<Match> out = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
                int id = searcher.storedFields().document(hit.doc).getField(ID).numericValue().intValue();
                out.add(new Match(records.get(id), hit.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the field corpus", e);
        }
    }

    /** The distinct analysed words of a text (stemmed, lower-case, no stop words). */
    private Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) return out;
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Facts as exact tokens, {@code key=value}, one per list item. */
    static List<String> factTokens(Map<String, Object> facts) {
        List<String> out = new ArrayList<>();
        facts.forEach((key, value) -> {
            if (value instanceof List<?> l) for (Object item : l) out.add(key + "=" + String.valueOf(item).toLowerCase(java.util.Locale.ROOT));
            else out.add(key + "=" + String.valueOf(value).toLowerCase(java.util.Locale.ROOT));
        });
        return out;
    }
}
