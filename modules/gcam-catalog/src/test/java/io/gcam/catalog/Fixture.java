package io.gcam.catalog;

import io.gcam.catalog.jdbc.JdbcCatalogStore;
import io.gcam.core.Actor;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.LocalizedText;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** A catalogue on a real database with a real audit trail, a settable clock and recorded events. */
final class Fixture {

    static final Actor SAFP_EDITOR = Actor.staff("editor-1", "SAFP", CatalogService.EDITOR);
    static final Actor DSAL_EDITOR = Actor.staff("editor-2", "DSAL", CatalogService.EDITOR);
    static final Actor SAFP_CLERK = Actor.staff("clerk-1", "SAFP", "REVIEWER");

    final DataSource pool;
    final LocalTransactions tx;
    final MutableClock clock = new MutableClock(Instant.parse("2026-09-29T02:00:00Z"));
    final SynchronousEventPublisher events = SynchronousEventPublisher.create();
    final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    final AuditTrail audit;
    final JdbcCatalogStore store;
    final CatalogService catalog;

    Fixture(DataSource pool, String... moreMigrations) {
        this.pool = pool;
        Migrations.migrate(pool, "core");
        Migrations.migrate(pool, "catalog");
        for (String m : moreMigrations) {
            Migrations.migrate(pool, m);
        }
        tx = LocalTransactions.over(pool);
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, published::add, SynchronousEventPublisher.OnFailure.PROPAGATE);
        audit = AuditTrail.builder().store(new JdbcAuditStore(tx.dataSource())).clock(clock).build();
        store = new JdbcCatalogStore(tx.dataSource());
        catalog = newCatalog();
    }

    CatalogService newCatalog() {
        return CatalogService.builder().store(store).transactions(tx).audit(audit).events(events).clock(clock)
                .zone(ZoneId.of("Asia/Macau")).refreshInterval(Duration.ZERO).build();
    }

    static ServiceDefinition recruitment() {
        return ServiceDefinition.builder("SAFP-RECRUIT", "SAFP")
                .name(LocalizedText.of("Civil service recruitment", "公務人員招聘", "Recrutamento da função pública"))
                .description(LocalizedText.of("Apply for a post in the public administration through the central"
                        + " recruitment.", "透過統一招聘程序報考公共行政職位。",
                        "Candidatar-se a um lugar na Administração Pública através do recrutamento centralizado."))
                .keywords(Keywords.of(List.of("job", "civil servant"), List.of("公職", "考試"), List.of("emprego", "concurso")))
                .category("employment")
                .lifeEvent("looking-for-work")
                .whoMayApply(LocalizedText.of("Permanent residents aged 18 or over", "年滿十八歲的永久性居民",
                        "Residentes permanentes com 18 ou mais anos"))
                .step(new Step(LocalizedText.of("Apply online", "網上報名", "Candidatura online"), null,
                        List.of("ID_CARD", "DEGREE"), List.of(new Fee(LocalizedText.of("Application fee", "報名費",
                        "Taxa de candidatura"), new BigDecimal("0.00"), "MOP")), Set.of(Channel.ONLINE, Channel.KIOSK)))
                .step(new Step(LocalizedText.of("Sit the examination", "參加考試", "Realizar o exame"), null,
                        List.of(), List.of(), Set.of(Channel.COUNTER)))
                .processingTime(new ProcessingTime(20, 60))
                .legalBasis(LocalizedText.of("Administrative Regulation 14/2016", "第14/2016號行政法規",
                        "Regulamento Administrativo n.º 14/2016"))
                .contactPoint(new ContactPoint(LocalizedText.of("Recruitment enquiries", "招聘查詢",
                        "Informações sobre recrutamento"), "+853 0000 0000", "recruit@safp.example", null))
                .applyOnlineUrl("https://portal.example/apply/SAFP-RECRUIT")
                .appointmentUrl("https://portal.example/appointments/SAFP")
                .build();
    }

    static ServiceDefinition workPermit() {
        return ServiceDefinition.builder("DSAL-JOBSEEK", "DSAL")
                .name(LocalizedText.of("Job seeker registration", "求職登記", "Inscrição de candidato a emprego"))
                .description(LocalizedText.of("Register as a job seeker and receive job matching.",
                        "登記求職並獲得職業配對服務。", "Inscreva-se como candidato a emprego e receba ofertas."))
                .category("employment")
                .lifeEvent("looking-for-work")
                .step(new Step(LocalizedText.of("Register at a counter", "到櫃檯登記", "Inscrição ao balcão"), null,
                        List.of("ID_CARD"), List.of(), Set.of(Channel.COUNTER, Channel.PHONE)))
                .processingTime(new ProcessingTime(1, 5))
                .build();
    }

    long count(String sql, Object... params) {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
