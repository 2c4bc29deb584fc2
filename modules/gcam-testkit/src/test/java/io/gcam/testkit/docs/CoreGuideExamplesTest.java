package io.gcam.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AssociatedData;
import io.gcam.core.AuditTrail;
import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.BusinessCalendar;
import io.gcam.core.ConfiguredHolidayCalendar;
import io.gcam.core.ConfiguredKeyProvider;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.FieldCipher;
import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.core.IdGenerator;
import io.gcam.core.IdempotentExecutor;
import io.gcam.core.LocalizedText;
import io.gcam.core.Page;
import io.gcam.core.PageRequest;
import io.gcam.core.ReferenceNumber;
import io.gcam.core.ReferenceNumberGenerator;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.core.SynchronousEventPublisher.OnFailure;
import io.gcam.core.TypedId;
import io.gcam.core.ValidationException;
import io.gcam.core.jdbc.JdbcAuditStore;
import io.gcam.core.jdbc.JdbcIdempotencyStore;
import io.gcam.core.jdbc.JdbcSequenceStore;
import io.gcam.core.jdbc.LocalTransactions;
import io.gcam.core.jdbc.Migrations;
import io.gcam.testsupport.db.TestDatabases;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/modules/core.md and docs/getting-started.md, compiled and run so that they
 * never rot. Each snippet sits between {@code // tag::name[]} and {@code // end::name[]}; the guides
 * name the test method next to each snippet.
 */
class CoreGuideExamplesTest {

    /** An application's own typed id. */
    // tag::typed-id[]
    public record ApplicationId(String value) implements TypedId {
        public ApplicationId {
            value = TypedId.requireValid(value, "applicationId");
        }
    }
    // end::typed-id[]

    /** A form checked with Bean Validation. */
    // tag::bean-validation-form[]
    record ContactForm(@NotBlank String name, @Email String email) {
    }
    // end::bean-validation-form[]

    record Register(String activity) {
    }

    record Receipt(String referenceNumber) {
    }

    @Test
    void wiresCoreOnAPooledDatabaseAndRecordsAChange() {
        String jdbcUrl = "jdbc:h2:mem:getting-started-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // tag::getting-started[]
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);                 // jdbc:postgresql://db:5432/agency in production
        HikariDataSource pool = new HikariDataSource(config);
        Migrations.migrate(pool, "core");           // gcam-core's tables, its own history table

        Clock clock = Clock.systemUTC();
        LocalTransactions tx = LocalTransactions.over(pool);
        DataSource dataSource = tx.dataSource();    // give the stores this one: it joins tx
        AuditTrail audit = AuditTrail.builder()
                .store(new JdbcAuditStore(dataSource)).clock(clock).build();
        ReferenceNumberGenerator applications = ReferenceNumberGenerator.builder()
                .name("application").format("REC-[cy:yyyy]-[SEQ:6]-[CHK]")
                .store(JdbcSequenceStore.create(pool))   // the plain pool: numbers in their own short tx
                .clock(clock).build();
        IdempotentExecutor idempotent = IdempotentExecutor.builder()
                .store(new JdbcIdempotencyStore(dataSource)).clock(clock).build();

        Actor applicant = Actor.applicant("applicant-42");
        Receipt receipt = idempotent.execute(applicant, "client-key-1", new Register("EXAM-2026-01"),
                Receipt.class, () -> tx.inTransaction(() -> {
                    ReferenceNumber number = applications.next();
                    // ... insert the application through dataSource ...
                    audit.append(applicant, "application.submitted", "application", number.value(), null);
                    return new Receipt(number.value());
                }));
        // end::getting-started[]
        try {
            assertThat(applications.isValid(receipt.referenceNumber())).isTrue();
            assertThat(audit.verify().ok()).isTrue();
            assertThat(audit.head().index()).isEqualTo(1);
            Receipt replay = idempotent.execute(applicant, "client-key-1", new Register("EXAM-2026-01"),
                    Receipt.class, () -> new Receipt("never"));
            assertThat(replay).isEqualTo(receipt);
        } finally {
            pool.close();
        }
    }

    @Test
    void checksWhoMayActOnAnApplication() {
        // tag::actor[]
        Actor applicant = Actor.applicant("applicant-42");
        Actor reviewer = Actor.staff("staff-7", "SAFP", "REVIEWER");
        Actor otherAgency = Actor.staff("staff-9", "DSAJ", "REVIEWER");

        reviewer.requireOwnerOrStaffOf("applicant-42", "SAFP", "view application");   // passes
        applicant.requireOwnerOrStaffOf("applicant-42", "SAFP", "view application");  // passes: own data
        reviewer.requireRole("SAFP", "REVIEWER", "review application");               // passes
        boolean mayApprove = reviewer.hasRole("APPROVER");                           // false
        // otherAgency.requireOwnerOrStaffOf(...) throws AccessDeniedException (ACCESS_DENIED)
        // end::actor[]

        assertThat(mayApprove).isFalse();
        assertThatThrownBy(() -> otherAgency.requireOwnerOrStaffOf("applicant-42", "SAFP", "view application"))
                .isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((GcamException) e).code()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void explainsAnErrorInTheUsersLanguage() {
        // tag::errors[]
        GcamException error = new GcamException(CoreErrorCode.IDEMPOTENCY_IN_FLIGHT);
        String code = error.code();                                  // "IDEMPOTENCY_IN_FLIGHT", stable
        String english = error.getMessage();                         // English
        String chinese = error.localizedMessage(Locale.forLanguageTag("zh-MO"));   // Traditional Chinese
        String portuguese = error.localizedMessage(Locale.forLanguageTag("pt-MO"));
        // end::errors[]

        assertThat(code).isEqualTo("IDEMPOTENCY_IN_FLIGHT");
        assertThat(error.kind().name()).isEqualTo("CONFLICT");
        assertThat(english).startsWith("A request with this Idempotency-Key is still being processed.");
        assertThat(chinese).isEqualTo("使用此 Idempotency-Key 的請求仍在處理中。請待其完成後再試。");
        assertThat(portuguese).startsWith("Um pedido com esta Idempotency-Key ainda está a ser processado.");
    }

    @Test
    void mapsEveryRequestedLanguageToOneOfThree() {
        // tag::locales[]
        Locale macao = GcamLocales.resolve(Locale.forLanguageTag("zh-MO"));       // zh-Hant
        Locale mainland = GcamLocales.resolve(Locale.forLanguageTag("zh-CN"));    // zh-Hant as well
        Locale brazil = GcamLocales.resolve(Locale.forLanguageTag("pt-BR"));      // pt
        Locale german = GcamLocales.resolve(Locale.GERMAN);                       // en, the fallback
        Locale fromHeader = GcamLocales.resolve(List.of(Locale.FRENCH, Locale.forLanguageTag("pt-PT")));  // pt
        // end::locales[]

        assertThat(macao).isEqualTo(GcamLocales.TRADITIONAL_CHINESE);
        assertThat(mainland).isEqualTo(GcamLocales.TRADITIONAL_CHINESE);
        assertThat(brazil).isEqualTo(GcamLocales.PORTUGUESE);
        assertThat(german).isEqualTo(GcamLocales.ENGLISH);
        assertThat(fromHeader).isEqualTo(GcamLocales.PORTUGUESE);
    }

    @Test
    void reportsBeanValidationViolationsInTraditionalChinese() {
        // tag::bean-validation[]
        try (BeanValidation validation = BeanValidation.create()) {   // once, at start-up
            ValidationException error = null;
            try {
                validation.validate(new ContactForm(" ", "not-an-address"));
            } catch (ValidationException e) {
                error = e;                                             // VALIDATION_FAILED
            }
            ValidationException.Violation first = error.violations().get(0);
            String field = first.field();                              // "email"
            String forMacao = first.message().in(Locale.forLanguageTag("zh-MO"));
            // end::bean-validation[]

            assertThat(error.violations()).extracting(ValidationException.Violation::field)
                    .containsExactly("email", "name");
            assertThat(field).isEqualTo("email");
            assertThat(forMacao).isEqualTo("必須為格式正確的電郵地址");
            assertThat(first.message().in(Locale.ENGLISH)).isEqualTo("must be a well-formed email address");
        }
    }

    @Test
    void showsATextInTheReadersLanguage() {
        // tag::localized-text[]
        LocalizedText status = LocalizedText.of("Under review", "審核中", "Em apreciação");
        LocalizedText untranslated = LocalizedText.english("Draft");

        String forMacao = status.in(Locale.forLanguageTag("zh-MO"));   // 審核中
        String forLisbon = status.in(Locale.forLanguageTag("pt-PT"));  // Em apreciação
        String fallback = untranslated.in(GcamLocales.PORTUGUESE);     // Draft
        // end::localized-text[]

        assertThat(forMacao).isEqualTo("審核中");
        assertThat(forLisbon).isEqualTo("Em apreciação");
        assertThat(fallback).isEqualTo("Draft");
    }

    @Test
    void pagesThroughAList() {
        List<String> all = List.of("a", "b", "c", "d", "e");
        // tag::paging[]
        PageRequest request = PageRequest.of(1, 2);            // ?page=1&size=2; ValidationException if out of range
        List<String> rows = all.subList((int) request.offset(), (int) request.offset() + request.size());
        Page<String> page = Page.of(rows, request, all.size());
        Page<String> upper = page.map(String::toUpperCase);    // e.g. to DTOs
        // page.totalPages() == 3, page.hasNext() == true, page.hasPrevious() == true
        // end::paging[]

        assertThat(upper.items()).containsExactly("C", "D");
        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.hasPrevious()).isTrue();
        assertThatThrownBy(() -> PageRequest.of(0, PageRequest.MAX_SIZE + 1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void createsTimeOrderedTypedIds() {
        Clock clock = Clock.systemUTC();
        // tag::ids[]
        IdGenerator ids = IdGenerator.create(clock);
        ApplicationId first = ids.next(ApplicationId::new);         // UUID version 7, time-ordered
        ApplicationId second = ids.next(ApplicationId::new);
        ApplicationId parsed = new ApplicationId(first.value().toUpperCase(Locale.ROOT));  // canonical lower case
        // new ApplicationId("42") throws ValidationException naming the field "applicationId"
        // end::ids[]

        assertThat(second.value()).isGreaterThan(first.value());
        assertThat(parsed).isEqualTo(first);
        assertThatThrownBy(() -> new ApplicationId("42"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("applicationId"));
    }

    @Test
    void deliversEventsInsideTheTransaction() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-07T02:00:00Z"), ZoneOffset.UTC);
        IdGenerator ids = IdGenerator.create(clock);
        List<String> outbox = new ArrayList<>();
        List<String> statistics = new ArrayList<>();
        // tag::events[]
        SynchronousEventPublisher events = SynchronousEventPublisher.create();
        events.subscribe("application.submitted", e -> outbox.add(e.id()), OnFailure.PROPAGATE);
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, e -> {
            throw new IllegalStateException("statistics are down");   // logged; delivery goes on
        });
        events.subscribe(SynchronousEventPublisher.ALL_TYPES, e -> statistics.add(e.type()));

        events.publish(DomainEvent.builder("application.submitted")
                .id(ids.next())
                .occurredAt(clock.instant())
                .aggregate("application", ids.next(ApplicationId::new))
                .agency("SAFP")
                .payload("activity", "EXAM-2026-01")
                .build());
        // end::events[]

        assertThat(outbox).hasSize(1);
        assertThat(statistics).containsExactly("application.submitted");
    }

    @Test
    void encryptsAFieldAndFindsItByBlindIndex() {
        String key2025 = Base64.getEncoder().encodeToString(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        String key2026 = Base64.getEncoder().encodeToString(other);
        byte[] index = new byte[32];
        index[0] = 2;
        String indexKey = Base64.getEncoder().encodeToString(index);
        Map<String, String> env = Map.of(
                "gcam.encryption.keys", "2025a:" + key2025,
                "gcam.blind-index.keys", "idx1:" + indexKey);
        Map<String, String> rotated = Map.of(
                "gcam.encryption.keys", "2025a:" + key2025 + ",2026a:" + key2026,
                "gcam.encryption.current-key-id", "2026a");
        // tag::encryption[]
        FieldCipher cipher = FieldCipher.create(ConfiguredKeyProvider.from("gcam.encryption", env::get));
        BlindIndex blindIndex = BlindIndex.create(ConfiguredKeyProvider.from("gcam.blind-index", env::get));

        AssociatedData owner = AssociatedData.forColumn("profile", "id_number", "0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b");
        String stored = cipher.encrypt("1234567(8)", owner);            // goes into a VARCHAR column
        String token = blindIndex.compute("profile.id_number", "1234567(8)");   // indexed column, for lookups
        String idNumber = cipher.decrypt(stored, owner);

        // another row's owner cannot decrypt it: DECRYPTION_FAILED
        AssociatedData otherRow = AssociatedData.forColumn("profile", "id_number", "0190a6b2-0000-7000-8000-000000000000");

        // rotation: add 2026a, make it current, re-encrypt old values, then drop 2025a
        FieldCipher afterRotation = FieldCipher.create(ConfiguredKeyProvider.from("gcam.encryption", rotated::get));
        String migrated = afterRotation.isCurrent(stored) ? stored : afterRotation.reencrypt(stored, owner);
        // end::encryption[]

        assertThat(idNumber).isEqualTo("1234567(8)");
        assertThat(stored).doesNotContain("1234567");
        assertThat(token).isEqualTo(blindIndex.compute("profile.id_number", " 1234567(8) "));
        assertThatThrownBy(() -> cipher.decrypt(stored, otherRow))
                .isInstanceOfSatisfying(GcamException.class, e -> assertThat(e.code()).isEqualTo("DECRYPTION_FAILED"));
        assertThat(afterRotation.keyIdOf(migrated)).isEqualTo("2026a");
        assertThat(afterRotation.decrypt(migrated, owner)).isEqualTo("1234567(8)");
    }

    @Test
    void takesGaplessNumbersInTheCallersTransaction() {
        DataSource pooledDataSource = TestDatabases.h2().dataSource();
        Migrations.migrate(pooledDataSource, "core");
        // tag::sequence-joining[]
        LocalTransactions tx = LocalTransactions.over(pooledDataSource);
        JdbcSequenceStore gapless = JdbcSequenceStore.joining(tx.dataSource());

        assertThatThrownBy(() -> tx.inTransaction(() -> {
            gapless.next("invoice/2026");                      // 1, then the transaction fails:
            throw new IllegalStateException("payment refused");
        })).hasMessage("payment refused");                     // the number is taken back
        long committed = tx.inTransaction(() -> gapless.next("invoice/2026"));   // 1 again
        // end::sequence-joining[]

        assertThat(committed).isEqualTo(1);
        assertThat(JdbcSequenceStore.create(pooledDataSource).current("invoice/2026")).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void countsWorkingDaysOverWeekendsAndHolidays() {
        // tag::business-calendar[]
        BusinessCalendar calendar = BusinessCalendar.builder()
                .holidays(ConfiguredHolidayCalendar.parse(List.of("2026-12-24", "2026-12-25")))
                .build(); // weekend Saturday and Sunday, zone Asia/Macau
        LocalDate due = calendar.addWorkingDays(LocalDate.of(2026, 12, 23), 3);
        // end::business-calendar[]

        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 30));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 23), due)).isEqualTo(3);
    }
}
