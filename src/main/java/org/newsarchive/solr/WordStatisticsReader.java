package org.newsarchive.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * A reader that knows only the statistics of some words: their document frequencies and each
 * field's document count, fetched from a SolrCloud collection. What {@code MoreLikeThis} asks of
 * an index to weigh an article's words, so that "similar" on SolrCloud weighs them with the same
 * code, and the collection's numbers, as the local index does. It holds no document.
 */
final class WordStatisticsReader extends FilterLeafReader {

    private final Map<String, Map<String, Integer>> docFreqs;
    private final Map<String, Integer> docCounts;
    private final int numDocs;

    /**
     * @param docFreqs  by field, the document frequency of each word asked about (absent: 0)
     * @param docCounts by field, how many documents have a term in it
     * @param numDocs   documents in the collection
     */
    WordStatisticsReader(Map<String, Map<String, Integer>> docFreqs, Map<String, Integer> docCounts, int numDocs) {
        super(emptyLeaf());
        this.docFreqs = docFreqs;
        this.docCounts = docCounts;
        this.numDocs = numDocs;
    }

    /** A one-segment reader of one empty document: the base every statistic overrides. */
    private static LeafReader emptyLeaf() {
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                writer.addDocument(new Document());
            }
            return DirectoryReader.open(directory).leaves().get(0).reader();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory only
        }
    }

    @Override
    public int numDocs() {
        return numDocs;
    }

    @Override
    public int maxDoc() {
        return numDocs;
    }

    @Override
    public Terms terms(String field) {
        Map<String, Integer> words = docFreqs.get(field);
        if (words == null) {
            return null;
        }
        int docCount = docCounts.getOrDefault(field, numDocs);
        return new Terms() {
            @Override
            public TermsEnum iterator() {
                return new WordsEnum(words);
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public long getSumTotalTermFreq() {
                return -1;
            }

            @Override
            public long getSumDocFreq() {
                return -1;
            }

            @Override
            public int getDocCount() {
                return docCount;
            }

            @Override
            public boolean hasFreqs() {
                return true;
            }

            @Override
            public boolean hasOffsets() {
                return false;
            }

            @Override
            public boolean hasPositions() {
                return false;
            }

            @Override
            public boolean hasPayloads() {
                return false;
            }
        };
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    /** Seeks among the known words only. */
    private static final class WordsEnum extends BaseTermsEnum {
        private final Map<String, Integer> words;
        private BytesRef term;
        private int docFreq;

        WordsEnum(Map<String, Integer> words) {
            this.words = words;
        }

        @Override
        public boolean seekExact(BytesRef text) {
            Integer found = words.get(text.utf8ToString());
            if (found == null || found == 0) {
                return false;
            }
            term = BytesRef.deepCopyOf(text);
            docFreq = found;
            return true;
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) {
            return seekExact(text) ? SeekStatus.FOUND : SeekStatus.END;
        }

        @Override
        public void seekExact(long ord) {
            throw new UnsupportedOperationException("only word statistics are known");
        }

        @Override
        public BytesRef term() {
            return term;
        }

        @Override
        public long ord() {
            throw new UnsupportedOperationException("only word statistics are known");
        }

        @Override
        public int docFreq() {
            return docFreq;
        }

        @Override
        public long totalTermFreq() {
            return docFreq;
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            throw new UnsupportedOperationException("only word statistics are known");
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            throw new UnsupportedOperationException("only word statistics are known");
        }

        @Override
        public BytesRef next() {
            return null;
        }

        @Override
        public AttributeSource attributes() {
            return new AttributeSource();
        }
    }
}
