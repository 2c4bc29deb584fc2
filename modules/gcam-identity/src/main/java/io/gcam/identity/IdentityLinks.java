package io.gcam.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AssociatedData;
import io.gcam.core.AuditTrail;
import io.gcam.core.DomainEvent;
import io.gcam.core.FieldCipher;
import io.gcam.core.IdGenerator;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.identity.spi.StoredVerification;
import io.gcam.identity.spi.VerificationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links verifications to one person and decides their current assurance level: the strongest
 * verification that is still valid counts ({@link AssuranceLevels#strongestValid}).
 *
 * <p>Guarantees: an applicant links and reads only their own verifications (staff may not; the
 * system actor of a login flow may); every link is audited and publishes {@code identity.linked}
 * in one transaction; verified attributes are stored encrypted with {@link FieldCipher}, bound to
 * the verification's id, and never appear in log lines or audit details.
 */
public final class IdentityLinks {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityLinks.class);
    private static final String TABLE = "gcam_identity_verification";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerificationStore store;
    private final FieldCipher cipher;
    private final Clock clock;
    private final @Nullable AuditTrail audit;
    private final EventPublisher events;
    private final TransactionRunner transactions;
    private final IdGenerator ids;

    private IdentityLinks(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.cipher = Objects.requireNonNull(builder.cipher, "cipher");
        this.clock = builder.clock;
        this.audit = builder.audit;
        this.events = builder.events;
        this.transactions = builder.transactions;
        this.ids = IdGenerator.create(builder.clock);
    }

    /** @return a builder; {@code store} and {@code cipher} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Links {@code identity} to {@code personId}.
     *
     * @param actor the person themselves, or a system process (a login callback)
     * @param personId the person
     * @param identity a verification just made
     * @return the id of the link
     * @throws AccessDeniedException {@code ACCESS_DENIED} when the actor is another applicant or staff
     */
    public String link(Actor actor, String personId, VerifiedIdentity identity) {
        requireSelfOrSystem(actor, personId, "link an identity verification");
        Objects.requireNonNull(identity, "identity");
        String id = ids.next();
        String ciphertext = cipher.encrypt(serialize(identity), AssociatedData.forColumn(TABLE, "attributes", id));
        StoredVerification stored = new StoredVerification(id, personId, identity.method().name(),
                identity.level().name(), identity.verifiedAt(), identity.expiresAt(), ciphertext);
        transactions.inTransaction(() -> {
            store.add(stored);
            if (audit != null) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("method", identity.method().name());
                details.put("level", identity.level().name());
                details.put("expiresAt", identity.expiresAt().toString());
                audit.append(actor, "identity.linked", "identity_verification", id, details);
            }
            events.publish(DomainEvent.builder("identity.linked").id(id).occurredAt(clock.instant())
                    .aggregate("identity_person", personId)
                    .payload("method", identity.method().name())
                    .payload("level", identity.level().name())
                    .build());
        });
        LOG.debug("verification {} linked ({} {})", id, identity.method(), identity.level());
        return id;
    }

    /**
     * @param actor the person themselves or a system process
     * @param personId the person
     * @return every linked verification, oldest first, with attributes decrypted
     * @throws AccessDeniedException {@code ACCESS_DENIED} when the actor is another applicant or staff
     */
    public List<VerifiedIdentity> verifications(Actor actor, String personId) {
        requireSelfOrSystem(actor, personId, "read identity verifications");
        List<VerifiedIdentity> result = new ArrayList<>();
        for (StoredVerification stored : store.findByPerson(personId)) {
            result.add(deserialize(stored));
        }
        return result;
    }

    /**
     * @param actor the person themselves or a system process
     * @param personId the person
     * @return the strongest verification valid now, empty when none is
     */
    public Optional<VerifiedIdentity> strongest(Actor actor, String personId) {
        return AssuranceLevels.strongestValid(verifications(actor, personId), clock.instant());
    }

    /**
     * The strongest valid verification, if it reaches {@code minimum}.
     *
     * @param actor the person themselves or a system process
     * @param personId the person
     * @param minimum the level the service demands
     * @return the verification that satisfies the demand
     * @throws InsufficientAssuranceException {@code INSUFFICIENT_ASSURANCE} with the step-up level
     */
    public VerifiedIdentity require(Actor actor, String personId, AssuranceLevel minimum) {
        Instant now = clock.instant();
        return AssuranceLevels.require(strongest(actor, personId).orElse(null), minimum, now);
    }

    private static void requireSelfOrSystem(Actor actor, String personId, String operation) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(personId, "personId");
        boolean self = actor.isApplicant() && actor.subjectId().equals(personId);
        if (!self && !actor.isSystem()) {
            throw new AccessDeniedException(operation);
        }
    }

    private static String serialize(VerifiedIdentity identity) {
        VerifiedAttributes a = identity.attributes();
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("subjectId", identity.subjectId());
        map.put("familyName", a.familyName());
        map.put("givenNames", a.givenNames());
        map.put("nameInChinese", a.nameInChinese());
        LocalDate birth = a.dateOfBirth();
        map.put("dateOfBirth", birth == null ? null : birth.toString());
        IdentityDocument document = a.document();
        map.put("documentType", document == null ? null : document.type().name());
        map.put("documentNumber", document == null ? null : document.number());
        ResidencyStatus residency = a.residencyStatus();
        map.put("residencyStatus", residency == null ? null : residency.name());
        map.put("email", a.email());
        map.put("phone", a.phone());
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes cannot be serialized", e);
        }
    }

    private VerifiedIdentity deserialize(StoredVerification stored) {
        String json = cipher.decrypt(stored.attributesCiphertext(),
                AssociatedData.forColumn(TABLE, "attributes", stored.verificationId()));
        Map<?, ?> map;
        try {
            map = JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes cannot be read", e);
        }
        String birth = text(map, "dateOfBirth");
        String documentType = text(map, "documentType");
        String documentNumber = text(map, "documentNumber");
        String residency = text(map, "residencyStatus");
        VerifiedAttributes attributes = VerifiedAttributes.builder()
                .familyName(text(map, "familyName"))
                .givenNames(text(map, "givenNames"))
                .nameInChinese(text(map, "nameInChinese"))
                .dateOfBirth(birth == null ? null : LocalDate.parse(birth))
                .document(documentType == null || documentNumber == null ? null
                        : new IdentityDocument(IdentityDocumentType.valueOf(documentType), documentNumber))
                .residencyStatus(residency == null ? null : ResidencyStatus.valueOf(residency))
                .email(text(map, "email"))
                .phone(text(map, "phone"))
                .build();
        String subjectId = text(map, "subjectId");
        return new VerifiedIdentity(subjectId == null ? stored.personId() : subjectId,
                VerificationMethod.valueOf(stored.method()), AssuranceLevel.valueOf(stored.level()), attributes,
                stored.verifiedAt(), stored.expiresAt());
    }

    private static @Nullable String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    /** Builds {@link IdentityLinks}. Defaults: system UTC clock, no audit, events discarded, no transaction. */
    public static final class Builder {
        private @Nullable VerificationStore store;
        private @Nullable FieldCipher cipher;
        private Clock clock = Clock.systemUTC();
        private @Nullable AuditTrail audit;
        private EventPublisher events = event -> { };
        private TransactionRunner transactions = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };

        private Builder() {
        }

        /** @param value where links are kept; @return this builder */
        public Builder store(VerificationStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** @param value encrypts the verified attributes; @return this builder */
        public Builder cipher(FieldCipher value) {
            this.cipher = Objects.requireNonNull(value, "cipher");
            return this;
        }

        /** @param value the clock; @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @param value the audit trail; @return this builder */
        public Builder audit(AuditTrail value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /** @param value receives {@code identity.linked}; @return this builder */
        public Builder events(EventPublisher value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /** @param value runs store, audit and event in one transaction; @return this builder */
        public Builder transactions(TransactionRunner value) {
            this.transactions = Objects.requireNonNull(value, "transactions");
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when {@code store} or {@code cipher} is missing
         */
        public IdentityLinks build() {
            return new IdentityLinks(this);
        }
    }
}
