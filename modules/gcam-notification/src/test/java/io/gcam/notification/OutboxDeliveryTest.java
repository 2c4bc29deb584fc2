package io.gcam.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gcam.core.Actor;
import io.gcam.core.DomainEvent;
import io.gcam.core.GcamException;
import io.gcam.core.GcamLocales;
import io.gcam.core.PageRequest;
import io.gcam.core.SynchronousEventPublisher;
import io.gcam.notification.spi.DeliveryException;
import io.gcam.notification.spi.NotificationChannel;
import io.gcam.testsupport.db.TestDatabases;
import io.gcam.testsupport.db.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The outbox, worker and status lifecycle on the JDBC store, on H2 and PostgreSQL. */
class OutboxDeliveryTest {

    static final Actor STAFF = Actor.staff("officer-1", "SAFP", NotificationService.ROLE_NOTIFICATION_ADMIN);
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(5), 0.2);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final List<Notification> delivered = new CopyOnWriteArrayList<>();
    Outbox outbox;

    static Stream<TestDatabase> databases() {
        return Stream.of(TestDatabases.h2(), TestDatabases.postgres());
    }

    @AfterEach
    void close() {
        if (outbox != null) {
            outbox.close();
        }
    }

    NotificationService service(TestDatabase db) {
        outbox = new Outbox(db, 4);
        SynchronousEventPublisher bus = SynchronousEventPublisher.create();
        bus.subscribe(SynchronousEventPublisher.ALL_TYPES, events::add);
        return NotificationService.builder()
                .store(outbox.store)
                .templates(NotificationTemplates.of(Outbox.WELCOME))
                .recipients(id -> id.equals("applicant-7")
                        ? Optional.of(new Recipient(id, "ana@example.org", "+85361234567", GcamLocales.PORTUGUESE, null))
                        : Optional.empty())
                .transactions(outbox.tx)
                .events(bus)
                .inbox(outbox.inbox)
                .clock(clock)
                .build();
    }

    NotificationWorker worker(NotificationChannel... channels) {
        NotificationWorker.Builder b = NotificationWorker.builder().store(outbox.store).clock(clock).retry(RETRY)
                .events(events::add);
        for (NotificationChannel c : channels) {
            b.channel(c);
        }
        return b.build();
    }

    NotificationChannel channel(Channel kind, Function<Notification, RuntimeException> failure) {
        return new NotificationChannel() {
            @Override
            public Channel channel() {
                return kind;
            }

            @Override
            public void deliver(Notification n) {
                RuntimeException e = failure.apply(n);
                if (e != null) {
                    throw e;
                }
                delivered.add(n);
            }
        };
    }

    static NotificationRequest welcome(String reference) {
        return NotificationRequest.builder("welcome").toSubject("applicant-7").value("name", "Ana")
                .reference(reference).agency("SAFP").build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void storesTheRequestInTheCallersTransactionSoARollbackSendsNothing(TestDatabase db) {
        NotificationService service = service(db);
        NotificationWorker worker = worker(channel(Channel.EMAIL, n -> null));

        assertThatThrownBy(() -> outbox.tx.inTransaction(() -> {
            service.send(STAFF, welcome("REG-1"));
            throw new IllegalStateException("the registration failed");
        })).isInstanceOf(IllegalStateException.class);
        outbox.tx.inTransaction(() -> service.send(STAFF, welcome("REG-2")));

        assertThat(worker.drain()).isEqualTo(1);
        assertThat(delivered).extracting(Notification::reference).containsExactly("REG-2");
        assertThat(service.findByReference(STAFF, "REG-1")).isEmpty();
        assertThat(outbox.count("1 = 1")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsLanguageTemplateVersionAndDeliveredStatus(TestDatabase db) {
        NotificationService service = service(db);
        Notification sent = service.send(STAFF, welcome("REG-3"));
        worker(channel(Channel.EMAIL, n -> null)).drain();

        Notification n = service.get(STAFF, sent.id());
        assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(n.templateVersion()).isEqualTo(2);
        assertThat(n.locale()).isEqualTo(GcamLocales.PORTUGUESE);
        assertThat(n.subject()).isEqualTo("Bem-vindo(a), Ana");
        assertThat(n.recipient()).isEqualTo("ana@example.org");
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(service.get(Actor.applicant("applicant-7"), sent.id()).id()).isEqualTo(sent.id());
        assertThatThrownBy(() -> service.get(Actor.applicant("someone-else"), sent.id()))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.NOTIFICATION_NOT_FOUND);
        assertThat(service.findByReference(Actor.staff("x", "OTHER-AGENCY"), "REG-3")).isEmpty();
        assertThat(events).extracting(DomainEvent::type)
                .containsExactly("notification.created", "notification.delivered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retriesTransientFailuresWithBackoffThenLeavesATechnicalFailureForStaff(TestDatabase db) {
        NotificationService service = service(db);
        Notification sent = service.send(STAFF, welcome("REG-4"));
        NotificationWorker failing = worker(channel(Channel.EMAIL,
                n -> DeliveryException.transientFailure("SMTP 451", null)));

        assertThat(failing.runOnce()).isEqualTo(1);
        Notification afterFirst = service.get(STAFF, sent.id());
        assertThat(afterFirst.status()).isEqualTo(NotificationStatus.TEMPORARY_FAILURE);
        assertThat(afterFirst.lastError()).contains("SMTP 451");
        Duration firstDelay = Duration.between(clock.instant(), afterFirst.nextAttemptAt());
        assertThat(firstDelay).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
        assertThat(failing.runOnce()).as("not due before the backoff").isZero();

        clock.advance(firstDelay);
        assertThat(failing.runOnce()).isEqualTo(1);
        Notification afterSecond = service.get(STAFF, sent.id());
        Duration secondDelay = Duration.between(clock.instant(), afterSecond.nextAttemptAt());
        assertThat(secondDelay).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));

        clock.advance(secondDelay);
        assertThat(failing.runOnce()).isEqualTo(1);
        assertThat(service.get(STAFF, sent.id()).status()).isEqualTo(NotificationStatus.TECHNICAL_FAILURE);
        clock.advance(Duration.ofHours(1));
        assertThat(failing.runOnce()).as("a dead letter is not retried by itself").isZero();

        assertThatThrownBy(() -> service.retry(Actor.staff("clerk", "SAFP"), sent.id()))
                .isInstanceOf(io.gcam.core.AccessDeniedException.class);
        Notification requeued = service.retry(STAFF, sent.id());
        assertThat(requeued.status()).isEqualTo(NotificationStatus.CREATED);
        assertThat(requeued.attempts()).isZero();
        worker(channel(Channel.EMAIL, n -> null)).drain();
        assertThat(service.get(STAFF, sent.id()).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(events).extracting(DomainEvent::type).containsExactly("notification.created",
                "notification.temporary_failure", "notification.temporary_failure", "notification.technical_failure",
                "notification.retried", "notification.delivered");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void stopsAtOnceOnAPermanentFailure(TestDatabase db) {
        NotificationService service = service(db);
        Notification sent = service.send(STAFF, welcome("REG-5"));

        worker(channel(Channel.EMAIL, n -> DeliveryException.permanentFailure("SMTP 550", null))).drain();

        Notification n = service.get(STAFF, sent.id());
        assertThat(n.status()).isEqualTo(NotificationStatus.PERMANENT_FAILURE);
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.lastError()).isEqualTo("DELIVERY_FAILED_PERMANENT: SMTP 550");
        assertThatThrownBy(() -> service.retry(STAFF, sent.id() + "x"))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.NOTIFICATION_NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesToRetryANotificationThatDidNotFail(TestDatabase db) {
        NotificationService service = service(db);
        Notification sent = service.send(STAFF, welcome("REG-6"));

        assertThatThrownBy(() -> service.retry(STAFF, sent.id()))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.NOTIFICATION_NOT_RETRYABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void reclaimsANotificationWhoseWorkerDiedAfterTheLease(TestDatabase db) {
        NotificationService service = service(db);
        Notification sent = service.send(STAFF, welcome("REG-7"));
        List<Notification> claimed = outbox.store.claim(clock.instant(), clock.instant().plusSeconds(60), 10);
        assertThat(claimed).hasSize(1);
        NotificationWorker worker = worker(channel(Channel.EMAIL, n -> null));

        assertThat(worker.runOnce()).as("leased to the dead worker").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(worker.runOnce()).isEqualTo(1);

        assertThat(service.get(STAFF, sent.id()).attempts()).isEqualTo(2);
        assertThat(outbox.store.complete(sent.id(), 1, NotificationStatus.DELIVERED, clock.instant(), null,
                clock.instant())).as("the dead worker's late outcome is refused").isFalse();
        assertThat(delivered).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rejectsRequestsWithoutAnAddressOrWithAMissingValueAndStoresNothing(TestDatabase db) {
        NotificationService service = service(db);

        assertThatThrownBy(() -> service.send(STAFF, NotificationRequest.builder("welcome").toSubject("unknown")
                .value("name", "x").agency("SAFP").build()))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.RECIPIENT_ADDRESS_MISSING);
        assertThatThrownBy(() -> service.send(STAFF, NotificationRequest.builder("welcome")
                .toEmail("x@example.org").agency("SAFP").build()))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.PLACEHOLDER_VALUE_MISSING);
        assertThatThrownBy(() -> service.send(Actor.staff("y", "OTHER"), welcome("REG-8")))
                .isInstanceOf(io.gcam.core.AccessDeniedException.class);
        assertThat(outbox.count("1 = 1")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deliversInAppMessagesOnceIntoTheApplicantsInbox(TestDatabase db) {
        NotificationService service = service(db);
        Notification sent = service.send(STAFF, NotificationRequest.builder("welcome").toSubject("applicant-7")
                .channel(Channel.IN_APP).value("name", "Ana").agency("SAFP").build());
        InboxChannel inApp = InboxChannel.over(outbox.inbox);
        worker(inApp).drain();
        inApp.deliver(service.get(STAFF, sent.id())); // a redelivery

        Actor applicant = Actor.applicant("applicant-7");
        var page = service.inbox(applicant, PageRequest.first());
        assertThat(page.items()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Welcome, Ana!");
            assertThat(m.readAt()).isNull();
        });
        service.markRead(applicant, sent.id());
        assertThat(service.inbox(applicant, PageRequest.first()).items().get(0).readAt()).isEqualTo(clock.instant());
        assertThat(service.inbox(Actor.applicant("other"), PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> service.markRead(Actor.applicant("other"), sent.id()))
                .extracting(e -> ((GcamException) e).errorCode())
                .isEqualTo(NotificationErrorCode.NOTIFICATION_NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void holdsSmsBackDuringQuietHoursAndBeyondTheRateLimit(TestDatabase db) {
        NotificationService service = service(db);
        for (int i = 0; i < 3; i++) {
            service.send(STAFF, NotificationRequest.builder("welcome").toPhone("+853 6123 456" + i)
                    .value("name", "x").agency("SAFP").build());
        }
        // 02:00 UTC is 10:00 in Macau; quiet from 22:00 to 08:00 Macau time.
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Macau"));
        clock.advance(Duration.ofHours(13)); // 23:00 in Macau
        NotificationWorker worker = NotificationWorker.builder().store(outbox.store).clock(clock)
                .channel(LoggingSmsChannel.create()).channel(channel(Channel.SMS, n -> null))
                .quietHours(Channel.SMS, quiet)
                .rateLimit(Channel.SMS, new NotificationWorker.RateLimit(2, Duration.ofMinutes(1)))
                .build();

        worker.runOnce();
        assertThat(delivered).isEmpty();
        assertThat(outbox.count("status = 'CREATED' AND attempts = 0")).isEqualTo(3);

        clock.advance(Duration.ofHours(9)); // 08:00 in Macau
        worker.drain();
        assertThat(delivered).hasSize(2);
        clock.advance(Duration.ofMinutes(1));
        worker.drain();
        assertThat(delivered).hasSize(3);
        assertThat(outbox.count("status = 'DELIVERED' AND attempts = 1")).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void turnsOtherModulesEventsIntoNotificationsInTheirTransaction(TestDatabase db) {
        NotificationService service = service(db);
        SynchronousEventPublisher bus = SynchronousEventPublisher.create();
        bus.subscribe("registration.confirmed", service.subscriptions(List.of(
                EventRule.on("registration.confirmed", e -> Optional.of(NotificationRequest.builder("welcome")
                        .toSubject((String) e.payload().get("applicant"))
                        .value("name", (String) e.payload().get("name"))
                        .reference(e.aggregateId())
                        .build())))), SynchronousEventPublisher.OnFailure.PROPAGATE);
        DomainEvent confirmed = DomainEvent.builder("registration.confirmed").id("e1").occurredAt(clock.instant())
                .aggregate("registration", "REG-9").payload("applicant", "applicant-7").payload("name", "Ana").build();
        DomainEvent rolledBack = DomainEvent.builder("registration.confirmed").id("e2").occurredAt(clock.instant())
                .aggregate("registration", "REG-10").payload("applicant", "applicant-7").payload("name", "Bo").build();

        outbox.tx.inTransaction(() -> bus.publish(confirmed));
        assertThatThrownBy(() -> outbox.tx.inTransaction(() -> {
            bus.publish(rolledBack);
            throw new IllegalStateException("registration failed after the event");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(service.findByReference(Actor.system("test"), "REG-9")).singleElement()
                .satisfies(n -> assertThat(n.text()).isEqualTo("Caro(a) Ana, bem-vindo(a)."));
        assertThat(service.findByReference(Actor.system("test"), "REG-10")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void letsNotificationAdminsPreviewTemplatesWithoutStoringAnything(TestDatabase db) {
        NotificationService service = service(db);

        RenderedMessage preview = service.preview(STAFF, "welcome", Channel.EMAIL, GcamLocales.TRADITIONAL_CHINESE,
                java.util.Map.of("name", "<陳大文>"));

        assertThat(preview.subject()).isEqualTo("歡迎，<陳大文>");
        assertThat(preview.html()).isEqualTo("<p>&lt;陳大文&gt; 您好，歡迎。</p>");
        assertThat(preview.templateVersion()).isEqualTo(2);
        assertThat(outbox.count("1 = 1")).isZero();
        assertThatThrownBy(() -> service.preview(Actor.applicant("applicant-7"), "welcome", Channel.EMAIL,
                GcamLocales.ENGLISH, java.util.Map.of("name", "x")))
                .isInstanceOf(io.gcam.core.AccessDeniedException.class);
        assertThatThrownBy(() -> service.preview(Actor.staff("clerk", "SAFP"), "welcome", Channel.EMAIL,
                GcamLocales.ENGLISH, java.util.Map.of("name", "x")))
                .isInstanceOf(io.gcam.core.AccessDeniedException.class);
    }
}
