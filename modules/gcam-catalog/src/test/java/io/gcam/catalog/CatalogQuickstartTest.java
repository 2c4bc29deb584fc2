package io.gcam.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quick start of docs/modules/catalog.md, compiled and run. */
class CatalogQuickstartTest {

    @Test
    void wiresTheCatalogueAndFindsAPublishedServiceInChinese() {
        try (HikariDataSource pool = TestDatabases.h2().newPool(2)) {
            Clock clock = Clock.systemUTC();
            // tag::quickstart[]
            Migrations.migrate(pool, "core");
            Migrations.migrate(pool, "catalog");
            LocalTransactions tx = LocalTransactions.over(pool);
            CatalogService catalog = CatalogService.builder()
                    .store(new JdbcCatalogStore(tx.dataSource()))
                    .transactions(tx)
                    .audit(AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build())
                    .events(SynchronousEventPublisher.create())
                    .clock(clock)
                    .zone(ZoneId.of("Asia/Macau"))
                    .build();

            Actor editor = Actor.staff("editor-1", "SAFP", CatalogService.EDITOR);
            catalog.create(editor, ServiceDefinition.builder("SAFP-RECRUIT", "SAFP")
                    .name(LocalizedText.of("Civil service recruitment", "公務人員招聘", "Recrutamento da função pública"))
                    .description(LocalizedText.of("Apply for a public post.", "報考公職。", "Candidatar-se a um lugar público."))
                    .category("employment")
                    .step(new Step(LocalizedText.of("Apply online", "網上報名", "Candidatura online"), null,
                            List.of("ID_CARD"), List.of(), Set.of(Channel.ONLINE, Channel.KIOSK)))
                    .processingTime(new ProcessingTime(20, 60))
                    .build());                                           // version 1, a draft
            catalog.publish(editor, "SAFP-RECRUIT", 1, null);              // public from today

            Page<ServiceEntry> hits = catalog.search(CatalogQuery.text("招聘"), PageRequest.first());
            // end::quickstart[]
            assertThat(hits.items()).extracting(ServiceEntry::code).containsExactly("SAFP-RECRUIT");
            assertThat(catalog.search(CatalogQuery.text("recrutamento"), PageRequest.first()).total()).isEqualTo(1);
        }
    }
}
