package io.gcam.benchmarks.catalog;

import io.gcam.catalog.CatalogQuery;
import io.gcam.catalog.CatalogService;
import io.gcam.catalog.Channel;
import io.gcam.catalog.Keywords;
import io.gcam.catalog.ServiceDefinition;
import io.gcam.catalog.ServiceEntry;
import io.gcam.catalog.ServiceStatus;
import io.gcam.catalog.Step;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogue search over thousands of services: {@link CatalogService#search} (an in-memory inverted
 * index with accent/case folding and CJK bigrams, rebuilt when the catalogue changes) against a
 * naive baseline that scans every service per query and tests {@code String.contains} for every
 * (folded) query word on the service's texts, folded once in advance (so the baseline pays no
 * folding per query: it is the cheapest correct scan). Both answer the same queries (English, Portuguese
 * with and without accents, Chinese) with the total count and the first page of 20, in the same run,
 * interleaved in rounds; the best round of each counts. Prints queries per second and the ratio
 * index / scan.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.gcam.benchmarks.catalog.CatalogSearchBenchmark [services]
 * </pre>
 */
public final class CatalogSearchBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSearchBenchmark.class);
    static final List<String> QUERIES = List.of("recruitment", "招聘", "recrutamento", "Licença", "licence renewal",
            "公務", "subsidy", "登記", "inscrição", "tax");
    private static final String[][] TOPICS = {
        {"recruitment", "招聘", "recrutamento"}, {"licence", "牌照", "licença"}, {"subsidy", "資助", "subsídio"},
        {"registration", "登記", "inscrição"}, {"tax", "稅務", "imposto"}, {"renewal", "續期", "renovação"},
        {"certificate", "證明", "certidão"}, {"housing", "房屋", "habitação"}, {"vehicle", "車輛", "veículo"},
        {"pension", "退休金", "pensão"}, {"health", "衛生", "saúde"}, {"education", "教育", "educação"},
    };
    private static final String[] AGENCIES = {"SAFP", "DSAL", "DSF", "IH", "DSAT", "SS", "DSEDJ", "FSS"};

    private final CatalogService catalog;
    private final List<ServiceDefinition> definitions;
    private final List<String> foldedTexts = new ArrayList<>();

    private CatalogSearchBenchmark(int services) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bench-catalog-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(h2, "core");
        Migrations.migrate(h2, "catalog");
        LocalTransactions tx = LocalTransactions.over(h2);
        JdbcCatalogStore store = new JdbcCatalogStore(tx.dataSource());
        definitions = synthetic(services, 42);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (ServiceDefinition d : definitions) {
            store.insert(new ServiceEntry(d, 1, ServiceStatus.PUBLISHED, LocalDate.of(2026, 1, 1), 1, now, now));
        }
        for (ServiceDefinition d : definitions) {
            StringBuilder text = new StringBuilder();
            append(text, d.name());
            append(text, d.description());
            d.keywords().en().forEach(k -> text.append(' ').append(k));
            d.keywords().zhHant().forEach(k -> text.append(' ').append(k));
            d.keywords().pt().forEach(k -> text.append(' ').append(k));
            foldedTexts.add(fold(text.toString()));
        }
        catalog = CatalogService.builder().store(store).transactions(tx)
                .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).build())
                .events(e -> { }).build();
    }

    /**
     * @param services how many services the catalogue holds
     * @return the benchmark, its catalogue filled and published
     */
    static CatalogSearchBenchmark create(int services) {
        return new CatalogSearchBenchmark(services);
    }

    /**
     * @param args optional number of services (default 5000)
     */
    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        CatalogSearchBenchmark bench = create(services);
        double bestIndex = 0;
        double bestScan = 0;
        for (int round = 0; round < 8; round++) {
            bestScan = Math.max(bestScan, bench.rate(false, 2_000_000_000L / Math.max(1, services)));
            bestIndex = Math.max(bestIndex, bench.rate(true, 2_000_000_000L / Math.max(1, services)));
        }
        String line = String.format(Locale.ROOT, "%d services: index %.0f queries/s, naive scan %.0f queries/s,"
                + " ratio %.1f", services, bestIndex, bestScan, bestIndex / bestScan);
        LOG.info(line);
        System.out.println(line); // the runner's result line
    }

    private double rate(boolean index, long budgetNanos) {
        long start = System.nanoTime();
        long queries = 0;
        long sink = 0;
        while (System.nanoTime() - start < budgetNanos) {
            for (String q : QUERIES) {
                sink += index ? indexed(q) : scanned(q);
                queries++;
            }
        }
        if (sink == 42) {
            LOG.trace("sink");
        }
        return queries / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * @param q the query text
     * @return the total number of hits, from GCAM's search
     */
    long indexed(String q) {
        Page<ServiceEntry> page = catalog.search(CatalogQuery.text(q), PageRequest.first());
        return page.total();
    }

    /**
     * @param q the query text
     * @return the total number of hits, from the naive scan
     */
    long scanned(String q) {
        String[] words = fold(q).split("\\s+");
        List<ServiceDefinition> hits = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            String folded = foldedTexts.get(i);
            boolean all = true;
            for (String w : words) {
                if (!folded.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                hits.add(definitions.get(i));
            }
        }
        hits.sort(Comparator.comparing(ServiceDefinition::code));
        hits.subList(0, Math.min(20, hits.size()));
        return hits.size();
    }

    private static void append(StringBuilder text, LocalizedText t) {
        text.append(' ').append(t.en());
        if (t.zhHant() != null) {
            text.append(' ').append(t.zhHant());
        }
        if (t.pt() != null) {
            text.append(' ').append(t.pt());
        }
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    static List<ServiceDefinition> synthetic(int n, long seed) {
        Random random = new Random(seed);
        List<ServiceDefinition> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] a = TOPICS[random.nextInt(TOPICS.length)];
            String[] b = TOPICS[random.nextInt(TOPICS.length)];
            String agency = AGENCIES[random.nextInt(AGENCIES.length)];
            result.add(ServiceDefinition.builder(String.format(Locale.ROOT, "SVC-%05d", i), agency)
                    .name(LocalizedText.of(cap(a[0]) + " of " + b[0] + " " + i, "公務" + a[1] + b[1] + i,
                            cap(a[2]) + " de " + b[2] + " " + i))
                    .description(LocalizedText.of("Apply for " + a[0] + " with the " + agency + " office.",
                            "向" + agency + "申請" + a[1] + "。", "Pedido de " + a[2] + " junto do " + agency + "."))
                    .keywords(Keywords.of(List.of(b[0]), List.of(b[1]), List.of(b[2])))
                    .category(a[0])
                    .step(new Step(LocalizedText.english("Apply"), null, List.of(), List.of(), Set.of(Channel.ONLINE)))
                    .build());
        }
        return result;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
