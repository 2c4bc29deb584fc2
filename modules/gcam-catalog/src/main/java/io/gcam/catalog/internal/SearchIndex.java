package io.gcam.catalog.internal;

import io.gcam.catalog.CatalogQuery;
import io.gcam.catalog.Channel;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.Step;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An immutable inverted index over the services the public sees. Built in one pass over the
 * entries; a search touches only the postings of its terms and bit sets of its filters, never the
 * texts, so it stays fast for thousands of services. Thread-safe (immutable).
 */
public final class SearchIndex {

    private static final float CODE = 8f;
    private static final float NAME = 5f;
    private static final float KEYWORD = 3f;
    private static final float DESCRIPTION = 1f;
    private static final float OTHER = 0.5f;
    private static final float PREFIX_FACTOR = 0.6f;

    private final List<ServiceEntry> docs;
    private final NavigableMap<String, Postings> postings;
    private final Map<String, BitSet> byAgency;
    private final Map<String, BitSet> byCategory;
    private final Map<String, BitSet> byLifeEvent;
    private final Map<Channel, BitSet> byChannel;

    private SearchIndex(List<ServiceEntry> docs, NavigableMap<String, Postings> postings,
            Map<String, BitSet> byAgency, Map<String, BitSet> byCategory, Map<String, BitSet> byLifeEvent,
            Map<Channel, BitSet> byChannel) {
        this.docs = docs;
        this.postings = postings;
        this.byAgency = byAgency;
        this.byCategory = byCategory;
        this.byLifeEvent = byLifeEvent;
        this.byChannel = byChannel;
    }

    /** @return an index of no services */
    public static SearchIndex empty() {
        return build(List.of());
    }

    /**
     * @param entries the versions the public sees, one per service
     * @return the index
     */
    public static SearchIndex build(List<ServiceEntry> entries) {
        List<ServiceEntry> docs = entries.stream().sorted(Comparator.comparing(ServiceEntry::code)).toList();
        Map<String, Map<Integer, Float>> terms = new HashMap<>();
        Map<String, BitSet> byAgency = new HashMap<>();
        Map<String, BitSet> byCategory = new HashMap<>();
        Map<String, BitSet> byLifeEvent = new HashMap<>();
        Map<Channel, BitSet> byChannel = new EnumMap<>(Channel.class);
        for (int doc = 0; doc < docs.size(); doc++) {
            ServiceDefinition d = docs.get(doc).definition();
            add(terms, doc, d.code(), CODE);
            add(terms, doc, d.name(), NAME);
            for (String k : d.keywords().en()) {
                add(terms, doc, k, KEYWORD);
            }
            for (String k : d.keywords().zhHant()) {
                add(terms, doc, k, KEYWORD);
            }
            for (String k : d.keywords().pt()) {
                add(terms, doc, k, KEYWORD);
            }
            add(terms, doc, d.description(), DESCRIPTION);
            add(terms, doc, d.agency(), OTHER);
            for (Step step : d.steps()) {
                add(terms, doc, step.title(), OTHER);
            }
            byAgency.computeIfAbsent(d.agency(), k -> new BitSet()).set(doc);
            byCategory.computeIfAbsent(d.category(), k -> new BitSet()).set(doc);
            for (String event : d.lifeEvents()) {
                byLifeEvent.computeIfAbsent(event, k -> new BitSet()).set(doc);
            }
            for (Channel channel : d.channels()) {
                byChannel.computeIfAbsent(channel, k -> new BitSet()).set(doc);
            }
        }
        NavigableMap<String, Postings> postings = new TreeMap<>();
        for (Map.Entry<String, Map<Integer, Float>> e : terms.entrySet()) {
            int[] ids = e.getValue().keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] weights = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                weights[i] = e.getValue().get(ids[i]);
            }
            postings.put(e.getKey(), new Postings(ids, weights));
        }
        return new SearchIndex(docs, postings, byAgency, byCategory, byLifeEvent, byChannel);
    }

    private static void add(Map<String, Map<Integer, Float>> terms, int doc, LocalizedText text, float weight) {
        add(terms, doc, text.en(), weight);
        if (text.zhHant() != null) {
            add(terms, doc, text.zhHant(), weight);
        }
        if (text.pt() != null) {
            add(terms, doc, text.pt(), weight);
        }
    }

    private static void add(Map<String, Map<Integer, Float>> terms, int doc, String text, float weight) {
        for (String term : TextFolding.documentTerms(text)) {
            terms.computeIfAbsent(term, k -> new HashMap<>()).merge(doc, weight, Math::max);
        }
    }

    /** @return the agency codes in the index, sorted */
    public List<String> agencies() {
        return byAgency.keySet().stream().sorted().toList();
    }

    /** @return the category codes in the index, sorted */
    public List<String> categories() {
        return byCategory.keySet().stream().sorted().toList();
    }

    /** @return the life-event codes in the index, sorted */
    public List<String> lifeEvents() {
        return byLifeEvent.keySet().stream().sorted().toList();
    }

    /** @return the number of services in the index */
    public int size() {
        return docs.size();
    }

    /**
     * @param code a service code
     * @return the indexed (public) version of that service, or {@code null}
     */
    public @Nullable ServiceEntry get(String code) {
        int lo = 0;
        int hi = docs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = docs.get(mid).code().compareTo(code);
            if (c == 0) {
                return docs.get(mid);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    /**
     * Finds the services matching every term and filter, best first (ties by code).
     *
     * @param query the query
     * @param page the page
     * @return the page of services
     */
    public Page<ServiceEntry> search(CatalogQuery query, PageRequest page) {
        int n = docs.size();
        BitSet candidates = new BitSet(n);
        candidates.set(0, n);
        and(candidates, query.agency() == null ? null : byAgency.getOrDefault(query.agency(), new BitSet()));
        and(candidates, query.category() == null ? null : byCategory.getOrDefault(query.category(), new BitSet()));
        and(candidates, query.lifeEvent() == null ? null : byLifeEvent.getOrDefault(query.lifeEvent(), new BitSet()));
        and(candidates, query.channel() == null ? null : byChannel.getOrDefault(query.channel(), new BitSet()));
        List<TextFolding.QueryTerm> terms = query.text() == null ? List.of() : TextFolding.queryTerms(query.text());
        List<Integer> hits = new ArrayList<>();
        if (terms.isEmpty()) {
            for (int doc = candidates.nextSetBit(0); doc >= 0; doc = candidates.nextSetBit(doc + 1)) {
                hits.add(doc);
            }
        } else {
            float[] total = new float[n];
            for (TextFolding.QueryTerm term : terms) {
                float[] termScores = termScores(term, n);
                for (int doc = candidates.nextSetBit(0); doc >= 0; doc = candidates.nextSetBit(doc + 1)) {
                    if (termScores[doc] == 0f) {
                        candidates.clear(doc);
                    } else {
                        total[doc] += termScores[doc];
                    }
                }
                if (candidates.isEmpty()) {
                    break;
                }
            }
            for (int doc = candidates.nextSetBit(0); doc >= 0; doc = candidates.nextSetBit(doc + 1)) {
                hits.add(doc);
            }
            // Docs are sorted by code, so ties keep code order.
            hits.sort((a, b) -> Float.compare(total[b], total[a]) != 0 ? Float.compare(total[b], total[a])
                    : Integer.compare(a, b));
        }
        int from = (int) Math.min(page.offset(), hits.size());
        int to = Math.min(from + page.size(), hits.size());
        List<ServiceEntry> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(docs.get(hits.get(i)));
        }
        return Page.of(items, page, hits.size());
    }

    private float[] termScores(TextFolding.QueryTerm term, int n) {
        float[] scores = new float[n];
        Postings exact = postings.get(term.text());
        if (exact != null) {
            accumulate(scores, exact, idf(exact, n));
        }
        if (term.prefix()) {
            for (Map.Entry<String, Postings> e
                    : postings.subMap(term.text(), false, term.text() + Character.MAX_VALUE, false).entrySet()) {
                accumulate(scores, e.getValue(), idf(e.getValue(), n) * PREFIX_FACTOR);
            }
        }
        return scores;
    }

    private static void accumulate(float[] scores, Postings p, float factor) {
        for (int i = 0; i < p.docs.length; i++) {
            scores[p.docs[i]] = Math.max(scores[p.docs[i]], p.weights[i] * factor);
        }
    }

    private static float idf(Postings p, int n) {
        return (float) Math.log(1.0 + (double) n / p.docs.length);
    }

    private static void and(BitSet candidates, @Nullable BitSet filter) {
        if (filter != null) {
            candidates.and(filter);
        }
    }

    private record Postings(int[] docs, float[] weights) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Postings p && Arrays.equals(docs, p.docs) && Arrays.equals(weights, p.weights);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(docs);
        }

        @Override
        public String toString() {
            return "Postings[" + docs.length + "]";
        }
    }
}
