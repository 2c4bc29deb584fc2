package io.gcam.benchmarks.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogSearchBenchmarkTest {

    @Test
    void indexAndNaiveScanFindTheSameServicesForEveryBenchmarkQuery() {
        CatalogSearchBenchmark bench = CatalogSearchBenchmark.create(300);

        for (String q : CatalogSearchBenchmark.QUERIES) {
            assertThat(bench.indexed(q)).as(q).isEqualTo(bench.scanned(q)).isPositive();
        }
    }
}
