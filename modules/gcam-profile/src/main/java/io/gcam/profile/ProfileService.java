package io.gcam.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gcam.core.AccessDeniedException;
import io.gcam.core.Actor;
import io.gcam.core.AssociatedData;
import io.gcam.core.AuditTrail;
import io.gcam.core.BeanValidation;
import io.gcam.core.BlindIndex;
import io.gcam.core.ConflictException;
import io.gcam.core.CoreErrorCode;
import io.gcam.core.DomainEvent;
import io.gcam.core.FieldCipher;
import io.gcam.core.GcamException;
import io.gcam.core.IdGenerator;
import io.gcam.core.NotFoundException;
import io.gcam.core.spi.EventPublisher;
import io.gcam.core.spi.TransactionRunner;
import io.gcam.identity.AssuranceLevel;
import io.gcam.identity.IdentityDocument;
import io.gcam.identity.IdentityDocumentType;
import io.gcam.identity.IdentityDocuments;
import io.gcam.identity.VerifiedAttributes;
import io.gcam.identity.VerifiedIdentity;
import io.gcam.profile.internal.ProfileJson;
import io.gcam.profile.spi.ProfileStore;
import io.gcam.profile.spi.StoredProfile;
import io.gcam.profile.spi.StoredSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applicants' personal profiles.
 *
 * <pre>{@code
 * ProfileService profiles = ProfileService.builder()
 *         .store(JdbcProfileStore.create(tx.dataSource()))
 *         .cipher(FieldCipher.create(encryptionKeys))
 *         .blindIndex(BlindIndex.create(indexKeys))
 *         .validation(BeanValidation.create())
 *         .clock(clock).events(events).audit(audit).transactions(tx)
 *         .build();
 * Profile profile = profiles.create(applicant, verifiedIdentity, ProfileData.EMPTY);
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>A profile is created from a {@link VerifiedIdentity} valid at creation; the attributes it
 *       verified are copied and locked: the applicant's updates cannot change them
 *       ({@code PROFILE_FIELD_LOCKED}). One profile per applicant ({@code PROFILE_EXISTS}) and per
 *       identity document ({@code PROFILE_DOCUMENT_IN_USE}).</li>
 *   <li>Every save is checked with Bean Validation (messages in English, Traditional Chinese and
 *       Portuguese) and an entered identity-document number with its published rules.</li>
 *   <li>Every change creates a new version with a history entry (who, when, which fields; never the
 *       values); an update based on an older version fails with {@code CONFLICT} and changes
 *       nothing, also when instances race.</li>
 *   <li>Personal data is stored only as {@link FieldCipher} ciphertext bound to its row (a value
 *       copied to another row does not decrypt), the identity document also as a {@link BlindIndex}
 *       token for exact lookup. {@code toString()} of every value masks it; logs name ids only.</li>
 *   <li>Only the owner reads and changes a profile; an agency's staff read it only with a consent in
 *       force for the purpose ({@code CONSENT_REQUIRED}) or through the frozen snapshot attached to
 *       an application submitted to that agency.</li>
 *   <li>Erasure removes the personal data and the link to the applicant, withdraws consents and
 *       deletes snapshots whose retention ended; snapshots still under retention stay until then.</li>
 *   <li>Every change and every agency read is audited and every change publishes a
 *       {@link DomainEvent}, inside one transaction with the change.</li>
 * </ul>
 */
public final class ProfileService {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileService.class);

    /** Blind-index field name of identity documents (type and number). */
    public static final String DOCUMENT_INDEX_FIELD = "profile.identity_document";

    /** The fields counted by {@link #completeness(Profile)} unless configured otherwise. */
    public static final Set<ProfileField> DEFAULT_COMPLETENESS_FIELDS = Set.copyOf(EnumSet.complementOf(
            EnumSet.of(ProfileField.NAME_IN_CHINESE, ProfileField.WORK_EXPERIENCE)));

    private static final String OWNER = "owner";
    private static final String OBJECT_TYPE = "profile";

    private final ProfileStore store;
    private final FieldCipher cipher;
    private final BlindIndex blindIndex;
    private final Clock clock;
    private final EventPublisher events;
    private final @Nullable AuditTrail audit;
    private final TransactionRunner transactions;
    private final Supplier<BeanValidation> validation;
    private final IdGenerator ids;
    private final List<ProfileField> completenessFields;
    private final Duration snapshotRetention;

    private ProfileService(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.cipher = Objects.requireNonNull(builder.cipher, "cipher");
        this.blindIndex = Objects.requireNonNull(builder.blindIndex, "blindIndex");
        this.clock = builder.clock;
        this.events = builder.events;
        this.audit = builder.audit;
        this.transactions = builder.transactions;
        BeanValidation configured = builder.validation;
        this.validation = configured != null ? () -> configured : new LazyValidation();
        this.ids = builder.ids != null ? builder.ids : IdGenerator.create(builder.clock);
        this.completenessFields = List.copyOf(EnumSet.copyOf(builder.completenessFields));
        this.snapshotRetention = builder.snapshotRetention;
    }

    /** @return a builder; {@code store}, {@code cipher} and {@code blindIndex} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the applicant's profile from a verification: the verified attributes are copied over
     * {@code initial} and locked.
     *
     * @param actor the applicant the identity belongs to, or a system process (a login flow)
     * @param identity the verification, valid now
     * @param initial further data the applicant entered; verified attributes replace its values
     * @return the new profile, version 1
     * @throws ProfileException {@code IDENTITY_NOT_VALID} when the verification expired or belongs
     *     to another applicant; {@code PROFILE_EXISTS}; {@code PROFILE_DOCUMENT_IN_USE}
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} when the data breaks a
     *     constraint
     * @throws AccessDeniedException when the actor is staff
     */
    public Profile create(Actor actor, VerifiedIdentity identity, ProfileData initial) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(initial, "initial");
        if (!(actor.isSystem() || actor.isApplicant())) {
            throw new AccessDeniedException("profile.create");
        }
        Instant now = clock.instant();
        if (!identity.isValidAt(now) || (actor.isApplicant() && !actor.subjectId().equals(identity.subjectId()))) {
            throw new ProfileException(ProfileErrorCode.IDENTITY_NOT_VALID);
        }
        Set<ProfileField> locked = EnumSet.noneOf(ProfileField.class);
        ProfileData data = normalize(withVerified(initial, identity.attributes(), locked));
        validation.get().validate(data);
        if (store.findBySubject(identity.subjectId()).isPresent()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_EXISTS);
        }
        String token = documentIndex(data);
        if (token != null && store.findIdByDocumentIndex(token).isPresent()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_DOCUMENT_IN_USE);
        }
        ProfileId id = ids.next(ProfileId::new);
        Set<ProfileField> filled = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            if (field.isFilledIn(data)) {
                filled.add(field);
            }
        }
        StoredProfile stored = new StoredProfile(id, identity.subjectId(), encrypt(id, data), token, locked,
                identity.level(), 1, ProfileStatus.ACTIVE, now, now);
        ProfileVersion created = version(actor, identity.subjectId(), id, 1, "created", filled, now);
        transactions.inTransaction(() -> {
            store.insert(stored, created);
            audit(actor, "profile.created", id, Map.of("version", 1, "lockedFields", names(locked)));
            events.publish(event("profile.created", id, now).payload("version", 1).build());
        });
        LOG.info("profile {} created from a {} verification ({} fields locked)", id, identity.level(), locked.size());
        return toProfile(stored, data);
    }

    /**
     * @param actor an applicant
     * @return the applicant's own profile, empty when they have none
     */
    public Optional<Profile> mine(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.isApplicant()) {
            throw new AccessDeniedException("profile.read");
        }
        return store.findBySubject(actor.subjectId()).map(stored -> toProfile(stored, decrypt(stored)));
    }

    /**
     * @param actor the owner or a system process
     * @param id the profile
     * @return the profile
     * @throws NotFoundException when it does not exist or is not the applicant's
     * @throws AccessDeniedException when the actor is staff (use {@link #readForAgency})
     */
    public Profile get(Actor actor, ProfileId id) {
        StoredProfile stored = requireOwned(actor, id, "profile.read");
        return toProfile(stored, decrypt(stored));
    }

    /**
     * Saves a new version of the owner's profile.
     *
     * @param actor the owner
     * @param id the profile
     * @param expectedVersion the version the change is based on
     * @param data the complete new data (locked fields unchanged)
     * @return the profile as saved; the same version when nothing changed
     * @throws ConflictException {@code CONFLICT} when the profile is no longer at {@code expectedVersion}
     * @throws ProfileException {@code PROFILE_FIELD_LOCKED}, {@code PROFILE_DOCUMENT_IN_USE},
     *     {@code PROFILE_ERASED}
     * @throws io.gcam.core.ValidationException {@code VALIDATION_FAILED} when the data breaks a constraint
     */
    public Profile update(Actor actor, ProfileId id, long expectedVersion, ProfileData data) {
        Objects.requireNonNull(data, "data");
        StoredProfile stored = requireOwned(actor, id, "profile.update");
        if (!actor.isApplicant()) {
            throw new AccessDeniedException("profile.update");
        }
        requireActive(stored);
        ProfileData current = decrypt(stored);
        ProfileData next = normalize(data);
        validation.get().validate(next);
        Set<ProfileField> changed = changes(current, next);
        Set<ProfileField> lockedChanges = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : changed) {
            if (stored.lockedFields().contains(field)) {
                lockedChanges.add(field);
            }
        }
        if (!lockedChanges.isEmpty()) {
            throw new ProfileException(ProfileErrorCode.PROFILE_FIELD_LOCKED, names(lockedChanges));
        }
        if (stored.version() != expectedVersion) {
            throw new ConflictException("profile " + id + " version " + expectedVersion);
        }
        if (changed.isEmpty()) {
            return toProfile(stored, current);
        }
        String token = documentIndex(next);
        if (token != null && !token.equals(stored.documentIndex())) {
            Optional<ProfileId> holder = store.findIdByDocumentIndex(token);
            if (holder.isPresent() && !holder.get().equals(id)) {
                throw new ProfileException(ProfileErrorCode.PROFILE_DOCUMENT_IN_USE);
            }
        }
        Instant now = clock.instant();
        long version = stored.version() + 1;
        StoredProfile updated = new StoredProfile(id, stored.subjectId(), encrypt(id, next), token,
                stored.lockedFields(), stored.assuranceLevel(), version, stored.status(), stored.createdAt(), now);
        ProfileVersion change = version(actor, stored.subjectId(), id, version, "updated", changed, now);
        transactions.inTransaction(() -> {
            if (!store.update(updated, change)) {
                throw new ConflictException("profile " + id + " version " + expectedVersion);
            }
            audit(actor, "profile.updated", id, Map.of("version", version, "changedFields", names(changed)));
            events.publish(event("profile.updated", id, now).payload("version", version)
                    .payload("changedFields", names(changed)).build());
        });
        LOG.info("profile {} updated to version {} ({} fields changed)", id, version, changed.size());
        return toProfile(updated, next);
    }

    /**
     * Applies a further verification of the owner (for example an eID sign-in after a profile was
     * created from an email code): the attributes it verified replace the profile's values and are
     * locked, and the profile's assurance level becomes the higher of the two. Saves a new version
     * (action {@code verified}) even when no value changed but more fields became locked.
     *
     * @param actor the owner, or a system process (a login flow)
     * @param id the profile
     * @param expectedVersion the version the change is based on
     * @param identity a verification of the owner, valid now
     * @return the profile as saved
     * @throws ProfileException {@code IDENTITY_NOT_VALID}, {@code PROFILE_DOCUMENT_IN_USE},
     *     {@code PROFILE_ERASED}
     * @throws ConflictException {@code CONFLICT} when the profile is no longer at {@code expectedVersion}
     */
    public Profile applyVerification(Actor actor, ProfileId id, long expectedVersion, VerifiedIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        StoredProfile stored = requireOwned(actor, id, "profile.verify");
        requireActive(stored);
        Instant now = clock.instant();
        if (!identity.isValidAt(now) || !identity.subjectId().equals(stored.subjectId())) {
            throw new ProfileException(ProfileErrorCode.IDENTITY_NOT_VALID);
        }
        if (stored.version() != expectedVersion) {
            throw new ConflictException("profile " + id + " version " + expectedVersion);
        }
        ProfileData current = decrypt(stored);
        Set<ProfileField> locked = EnumSet.noneOf(ProfileField.class);
        locked.addAll(stored.lockedFields());
        ProfileData next = normalize(withVerified(current, identity.attributes(), locked));
        validation.get().validate(next);
        Set<ProfileField> changed = changes(current, next);
        AssuranceLevel level = identity.level().compareTo(stored.assuranceLevel()) > 0 ? identity.level()
                : stored.assuranceLevel();
        if (changed.isEmpty() && locked.equals(stored.lockedFields()) && level == stored.assuranceLevel()) {
            return toProfile(stored, current);
        }
        String token = documentIndex(next);
        if (token != null && !token.equals(stored.documentIndex())) {
            Optional<ProfileId> holder = store.findIdByDocumentIndex(token);
            if (holder.isPresent() && !holder.get().equals(id)) {
                throw new ProfileException(ProfileErrorCode.PROFILE_DOCUMENT_IN_USE);
            }
        }
        long version = stored.version() + 1;
        StoredProfile updated = new StoredProfile(id, stored.subjectId(), encrypt(id, next), token, locked, level,
                version, stored.status(), stored.createdAt(), now);
        ProfileVersion change = version(actor, stored.subjectId(), id, version, "verified", changed, now);
        transactions.inTransaction(() -> {
            if (!store.update(updated, change)) {
                throw new ConflictException("profile " + id + " version " + expectedVersion);
            }
            audit(actor, "profile.verified", id, Map.of("version", version, "level", level.name(),
                    "method", identity.method().name(), "changedFields", names(changed), "lockedFields", names(locked)));
            events.publish(event("profile.verified", id, now).payload("version", version)
                    .payload("level", level.name()).build());
        });
        LOG.info("profile {} verified again ({}, level now {}; {} fields changed)", id, identity.method(), level,
                changed.size());
        return toProfile(updated, next);
    }

    /**
     * @param actor the owner or a system process
     * @param id the profile
     * @return its versions, oldest first: who, when, which fields
     */
    public List<ProfileVersion> history(Actor actor, ProfileId id) {
        requireOwned(actor, id, "profile.history");
        return store.history(id);
    }

    /**
     * @param profile a profile
     * @return the share of the counted fields filled in, and the missing ones
     */
    public Completeness completeness(Profile profile) {
        List<ProfileField> missing = new ArrayList<>();
        for (ProfileField field : completenessFields) {
            if (!field.isFilledIn(profile.data())) {
                missing.add(field);
            }
        }
        int total = completenessFields.size();
        int percent = total == 0 ? 100 : (total - missing.size()) * 100 / total;
        return new Completeness(percent, missing);
    }

    /**
     * Lets {@code agency} read the owner's profile for {@code purpose}, until withdrawn.
     *
     * @param actor the owner
     * @param purpose what the agency may use the profile for, 1 to 100 characters
     * @param agency the agency code, 1 to 64 characters
     * @return the consent
     */
    public Consent grantConsent(Actor actor, String purpose, String agency) {
        requireText("purpose", purpose, 100);
        requireText("agency", agency, 64);
        StoredProfile stored = requireOwnProfile(actor, "profile.consent");
        requireActive(stored);
        Instant now = clock.instant();
        Consent consent = new Consent(ids.next(ConsentId::new), stored.id(), purpose, agency, now, null);
        transactions.inTransaction(() -> {
            store.insertConsent(consent);
            audit(actor, "profile.consent.granted", stored.id(), Map.of("consentId", consent.id().value(),
                    "purpose", purpose, "agency", agency));
            events.publish(event("profile.consent.granted", stored.id(), now).agency(agency)
                    .payload("consentId", consent.id().value()).payload("purpose", purpose).build());
        });
        LOG.info("profile {} consent {} granted to {} for {}", stored.id(), consent.id(), agency, purpose);
        return consent;
    }

    /**
     * Withdraws a consent from now on; reads already made stay lawful.
     *
     * @param actor the owner
     * @param consentId the consent
     * @return the consent, withdrawn
     * @throws NotFoundException when it is not one of the owner's consents
     */
    public Consent withdrawConsent(Actor actor, ConsentId consentId) {
        Objects.requireNonNull(consentId, "consentId");
        StoredProfile stored = requireOwnProfile(actor, "profile.consent");
        Consent consent = store.consents(stored.id()).stream().filter(c -> c.id().equals(consentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("consent", consentId));
        if (consent.withdrawnAt() != null) {
            return consent;
        }
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            if (store.withdrawConsent(consentId, now)) {
                audit(actor, "profile.consent.withdrawn", stored.id(), Map.of("consentId", consentId.value()));
                events.publish(event("profile.consent.withdrawn", stored.id(), now).agency(consent.agency())
                        .payload("consentId", consentId.value()).build());
            }
        });
        LOG.info("profile {} consent {} withdrawn", stored.id(), consentId);
        return store.consents(stored.id()).stream().filter(c -> c.id().equals(consentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("consent", consentId));
    }

    /**
     * @param actor the owner
     * @return the owner's consents, withdrawn ones included, oldest first
     */
    public List<Consent> consents(Actor actor) {
        return store.consents(requireOwnProfile(actor, "profile.consent").id());
    }

    /**
     * Reads a profile for an agency, which needs a consent in force for {@code purpose}. The read is
     * audited.
     *
     * @param actor a staff member of the agency
     * @param id the profile
     * @param purpose the purpose the consent must name
     * @return the profile
     * @throws ProfileException {@code CONSENT_REQUIRED} without such a consent
     * @throws AccessDeniedException when the actor is not staff
     */
    public Profile readForAgency(Actor actor, ProfileId id, String purpose) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(purpose, "purpose");
        String agency = actor.agency();
        if (!actor.isStaff() || agency == null) {
            throw new AccessDeniedException("profile.read");
        }
        StoredProfile stored = store.find(id).orElseThrow(() -> new ProfileException(
                ProfileErrorCode.CONSENT_REQUIRED, purpose, agency));
        Instant now = clock.instant();
        boolean consented = stored.status() == ProfileStatus.ACTIVE
                && store.consents(id).stream().anyMatch(c -> c.covers(purpose, agency, now));
        transactions.inTransaction(() -> audit(actor, consented ? "profile.read" : "profile.read.refused", id,
                Map.of("purpose", purpose)));
        if (!consented) {
            LOG.info("profile {} read by agency {} refused: no consent for {}", id, agency, purpose);
            throw new ProfileException(ProfileErrorCode.CONSENT_REQUIRED, purpose, agency);
        }
        return toProfile(stored, decrypt(stored));
    }

    /**
     * Freezes the current profile and attaches the copy to an application being submitted. The
     * agency reads it through {@link #snapshot} without further consent.
     *
     * @param actor the owner or a system process
     * @param id the profile
     * @param applicationRef the application's id or reference number, 1 to 100 characters
     * @param agency the agency the application is submitted to, 1 to 64 characters
     * @return the snapshot, retained for the configured retention period
     * @throws ConflictException {@code CONFLICT} when the application already has a snapshot
     */
    public ProfileSnapshot attachSnapshot(Actor actor, ProfileId id, String applicationRef, String agency) {
        requireText("applicationRef", applicationRef, 100);
        requireText("agency", agency, 64);
        StoredProfile stored = requireOwned(actor, id, "profile.snapshot");
        requireActive(stored);
        ProfileData data = decrypt(stored);
        Instant now = clock.instant();
        SnapshotId snapshotId = ids.next(SnapshotId::new);
        StoredSnapshot snapshot = new StoredSnapshot(snapshotId, id, stored.version(), applicationRef, agency,
                cipher.encrypt(ProfileJson.write(data), snapshotOwner(snapshotId)), now, now.plus(snapshotRetention));
        transactions.inTransaction(() -> {
            store.insertSnapshot(snapshot);
            audit(actor, "profile.snapshot.attached", id, Map.of("snapshotId", snapshotId.value(),
                    "applicationRef", applicationRef, "agency", agency, "version", stored.version()));
            events.publish(event("profile.snapshot.attached", id, now).agency(agency)
                    .payload("snapshotId", snapshotId.value()).payload("applicationRef", applicationRef).build());
        });
        LOG.info("profile {} version {} frozen as snapshot {} for agency {}", id, stored.version(), snapshotId, agency);
        return toSnapshot(snapshot, data);
    }

    /**
     * @param actor staff of the snapshot's agency, the owner, or a system process
     * @param id the snapshot
     * @return the frozen profile
     * @throws NotFoundException when it does not exist or the actor may not see it
     */
    public ProfileSnapshot snapshot(Actor actor, SnapshotId id) {
        Objects.requireNonNull(actor, "actor");
        StoredSnapshot snapshot = store.findSnapshot(id).orElseThrow(() -> new NotFoundException("snapshot", id));
        boolean allowed = actor.isSystem() || actor.isStaffOf(snapshot.agency())
                || (actor.isApplicant() && store.find(snapshot.profileId())
                        .map(p -> p.subjectId().equals(actor.subjectId())).orElse(false));
        if (!allowed) {
            throw new NotFoundException("snapshot", id);
        }
        if (actor.isStaff()) {
            transactions.inTransaction(() -> audit(actor, "profile.snapshot.read", snapshot.profileId(),
                    Map.of("snapshotId", id.value())));
        }
        ProfileData data = ProfileJson.read(cipher.decrypt(snapshot.encryptedData(), snapshotOwner(id)));
        return toSnapshot(snapshot, data);
    }

    /**
     * Finds the profile holding an identity document, by exact match on the blind index (no
     * decryption). The lookup is audited; reading the profile still needs consent.
     *
     * @param actor a staff member
     * @param type the document type
     * @param number the number as typed
     * @return the profile's id, empty when none holds the document
     */
    public Optional<ProfileId> findIdByDocument(Actor actor, IdentityDocumentType type, String number) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.isStaff() && !actor.isSystem()) {
            throw new AccessDeniedException("profile.lookup");
        }
        IdentityDocument document = IdentityDocuments.validate(type, number);
        Optional<ProfileId> found = store.findIdByDocumentIndex(documentToken(document));
        transactions.inTransaction(() -> audit(actor, "profile.lookup", found.map(ProfileId::value).orElse("none"),
                Map.of("documentType", type.name(), "found", found.isPresent())));
        return found;
    }

    /**
     * Everything the service holds about the owner, as JSON: the profile, its history, consents and
     * snapshots' metadata (the right of access and to data portability).
     *
     * @param actor the owner
     * @return a JSON document
     */
    public String exportJson(Actor actor) {
        StoredProfile stored = requireOwnProfile(actor, "profile.export");
        ProfileData data = decrypt(stored);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", "gcam-profile-export/1");
        export.put("exportedAt", clock.instant().toString());
        export.put("profileId", stored.id().value());
        export.put("version", stored.version());
        export.put("status", stored.status().name());
        export.put("assuranceLevel", stored.assuranceLevel().name());
        export.put("lockedFields", names(stored.lockedFields()));
        export.put("data", data);
        export.put("history", store.history(stored.id()));
        export.put("consents", store.consents(stored.id()));
        List<Map<String, Object>> snapshots = new ArrayList<>();
        for (StoredSnapshot s : store.snapshots(stored.id())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("snapshotId", s.id().value());
            entry.put("applicationRef", s.applicationRef());
            entry.put("agency", s.agency());
            entry.put("profileVersion", s.profileVersion());
            entry.put("takenAt", s.takenAt().toString());
            entry.put("retainUntil", s.retainUntil().toString());
            snapshots.add(entry);
        }
        export.put("snapshots", snapshots);
        transactions.inTransaction(() -> audit(actor, "profile.exported", stored.id(), Map.of()));
        try {
            return ProfileJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(export);
        } catch (JsonProcessingException e) {
            throw new GcamException(CoreErrorCode.CONFIGURATION_INVALID, e, "the profile export cannot be written");
        }
    }

    /**
     * Erases the owner's profile: the personal data and the link to the applicant are removed (the
     * history of versions stays, without values), consents in force are withdrawn, snapshots past
     * their retention are deleted and those still under retention are kept until it ends. The
     * applicant may create a new profile afterwards.
     *
     * @param actor the owner, or a system process acting on the owner's request
     * @param id the profile
     * @return what was erased and what is retained
     */
    public ErasureReport erase(Actor actor, ProfileId id) {
        StoredProfile stored = requireOwned(actor, id, "profile.erase");
        requireActive(stored);
        Instant now = clock.instant();
        long version = stored.version() + 1;
        StoredProfile erased = new StoredProfile(id, "erased:" + id.value(), encrypt(id, ProfileData.EMPTY), null,
                Set.of(), stored.assuranceLevel(), version, ProfileStatus.ERASED, stored.createdAt(), now);
        ProfileData current = decrypt(stored);
        ProfileVersion change = version(actor, stored.subjectId(), id, version, "erased",
                changes(current, ProfileData.EMPTY), now);
        List<ErasureReport.RetainedSnapshot> retained = new ArrayList<>();
        int[] counts = new int[2];
        transactions.inTransaction(() -> {
            if (!store.update(erased, change)) {
                throw new ConflictException("profile " + id + " version " + stored.version());
            }
            for (Consent consent : store.consents(id)) {
                if (consent.withdrawnAt() == null && store.withdrawConsent(consent.id(), now)) {
                    counts[0]++;
                }
            }
            for (StoredSnapshot snapshot : store.snapshots(id)) {
                if (snapshot.retainUntil().isAfter(now)) {
                    retained.add(new ErasureReport.RetainedSnapshot(snapshot.id(), snapshot.applicationRef(),
                            snapshot.agency(), snapshot.retainUntil()));
                } else if (store.deleteSnapshot(snapshot.id())) {
                    counts[1]++;
                }
            }
            audit(actor, "profile.erased", id, Map.of("version", version, "consentsWithdrawn", counts[0],
                    "snapshotsDeleted", counts[1], "snapshotsRetained", retained.size()));
            events.publish(event("profile.erased", id, now).payload("version", version).build());
        });
        LOG.info("profile {} erased; {} snapshots retained under retention rules", id, retained.size());
        return new ErasureReport(id, now, counts[0], counts[1], retained);
    }

    /**
     * Deletes every snapshot whose retention period has ended (run it from a daily job).
     *
     * @param actor the system process
     * @return how many were deleted
     */
    public int purgeExpiredSnapshots(Actor actor) {
        if (!actor.isSystem()) {
            throw new AccessDeniedException("profile.snapshot.purge");
        }
        Instant now = clock.instant();
        int deleted = transactions.inTransaction(() -> {
            int n = store.purgeSnapshotsRetainedBefore(now);
            if (n > 0) {
                audit(actor, "profile.snapshots.purged", "all", Map.of("deleted", n));
            }
            return n;
        });
        LOG.info("{} profile snapshots past retention deleted", deleted);
        return deleted;
    }

    // ---------------------------------------------------------------------------------------------

    private StoredProfile requireOwned(Actor actor, ProfileId id, String operation) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
        if (actor.isStaff()) {
            throw new AccessDeniedException(operation);
        }
        StoredProfile stored = store.find(id).orElseThrow(() -> new NotFoundException("profile", id));
        if (actor.isApplicant() && !actor.subjectId().equals(stored.subjectId())) {
            throw new NotFoundException("profile", id);
        }
        return stored;
    }

    private StoredProfile requireOwnProfile(Actor actor, String operation) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.isApplicant()) {
            throw new AccessDeniedException(operation);
        }
        return store.findBySubject(actor.subjectId())
                .orElseThrow(() -> new NotFoundException("profile", "own"));
    }

    private static void requireActive(StoredProfile stored) {
        if (stored.status() != ProfileStatus.ACTIVE) {
            throw new ProfileException(ProfileErrorCode.PROFILE_ERASED);
        }
    }

    private static void requireText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new io.gcam.core.ValidationException(List.of(new io.gcam.core.ValidationException.Violation(field,
                    io.gcam.core.Messages.text(ProfileErrorCode.BUNDLE, "text.length", 1, max))));
        }
    }

    private static ProfileData withVerified(ProfileData initial, VerifiedAttributes verified, Set<ProfileField> locked) {
        ProfileData.Builder b = initial.toBuilder();
        if (verified.familyName() != null) {
            b.familyName(verified.familyName());
            locked.add(ProfileField.FAMILY_NAME);
        }
        if (verified.givenNames() != null) {
            b.givenNames(verified.givenNames());
            locked.add(ProfileField.GIVEN_NAMES);
        }
        if (verified.nameInChinese() != null) {
            b.nameInChinese(verified.nameInChinese());
            locked.add(ProfileField.NAME_IN_CHINESE);
        }
        if (verified.dateOfBirth() != null) {
            b.dateOfBirth(verified.dateOfBirth());
            locked.add(ProfileField.DATE_OF_BIRTH);
        }
        if (verified.document() != null) {
            b.document(verified.document());
            locked.add(ProfileField.IDENTITY_DOCUMENT);
        }
        if (verified.residencyStatus() != null) {
            b.residencyStatus(verified.residencyStatus());
            locked.add(ProfileField.RESIDENCY_STATUS);
        }
        if (verified.email() != null) {
            b.email(verified.email());
            locked.add(ProfileField.EMAIL);
        }
        if (verified.phone() != null) {
            b.phone(verified.phone());
            locked.add(ProfileField.PHONE);
        }
        return b.build();
    }

    /** Normalizes the identity-document number by its type's rules (rejecting an invalid one). */
    private static ProfileData normalize(ProfileData data) {
        IdentityDocument document = data.document();
        if (document == null) {
            return data;
        }
        IdentityDocument normalized = IdentityDocuments.validate(document.type(), document.number());
        return normalized.equals(document) ? data : data.toBuilder().document(normalized).build();
    }

    private static Set<ProfileField> changes(ProfileData before, ProfileData after) {
        Set<ProfileField> changed = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            if (field.differs(before, after)) {
                changed.add(field);
            }
        }
        return changed;
    }

    private @Nullable String documentIndex(ProfileData data) {
        IdentityDocument document = data.document();
        return document == null ? null : documentToken(document);
    }

    private String documentToken(IdentityDocument document) {
        return blindIndex.compute(DOCUMENT_INDEX_FIELD, document.type().name() + ":" + document.number());
    }

    private String encrypt(ProfileId id, ProfileData data) {
        return cipher.encrypt(ProfileJson.write(data), profileOwner(id));
    }

    private ProfileData decrypt(StoredProfile stored) {
        return ProfileJson.read(cipher.decrypt(stored.encryptedData(), profileOwner(stored.id())));
    }

    private static AssociatedData profileOwner(ProfileId id) {
        return AssociatedData.forColumn("gcam_profile", "data_enc", id.value());
    }

    private static AssociatedData snapshotOwner(SnapshotId id) {
        return AssociatedData.forColumn("gcam_profile_snapshot", "data_enc", id.value());
    }

    private static Profile toProfile(StoredProfile stored, ProfileData data) {
        return new Profile(stored.id(), stored.subjectId(), data, stored.lockedFields(), stored.assuranceLevel(),
                stored.version(), stored.status(), stored.createdAt(), stored.updatedAt());
    }

    private static ProfileSnapshot toSnapshot(StoredSnapshot s, ProfileData data) {
        return new ProfileSnapshot(s.id(), s.profileId(), s.profileVersion(), s.applicationRef(), s.agency(), data,
                s.takenAt(), s.retainUntil());
    }

    private static ProfileVersion version(Actor actor, String ownerSubjectId, ProfileId id, long version,
            String action, Set<ProfileField> changed, Instant now) {
        // The owner is recorded as "owner", so erasing the profile leaves no subject id in its history.
        String actorId = actor.isApplicant() && actor.subjectId().equals(ownerSubjectId) ? OWNER : actor.subjectId();
        return new ProfileVersion(id, version, action, changed, actor.kind().name(), actorId, now);
    }

    private static List<String> names(Set<ProfileField> fields) {
        return fields.stream().sorted().map(Enum::name).collect(Collectors.toList());
    }

    private void audit(Actor actor, String action, ProfileId id, Map<String, ?> details) {
        audit(actor, action, id.value(), details);
    }

    private void audit(Actor actor, String action, String objectId, Map<String, ?> details) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.append(actor, action, OBJECT_TYPE, objectId, details);
        }
    }

    private DomainEvent.Builder event(String type, ProfileId id, Instant now) {
        return DomainEvent.builder(type).id(ids.next()).occurredAt(now).aggregate(OBJECT_TYPE, id);
    }

    /** Starts the default Bean Validation on first use, so a service without saves needs no provider. */
    private static final class LazyValidation implements Supplier<BeanValidation> {
        private volatile @Nullable BeanValidation instance;

        @Override
        public BeanValidation get() {
            BeanValidation v = instance;
            if (v == null) {
                synchronized (this) {
                    v = instance;
                    if (v == null) {
                        v = BeanValidation.create();
                        instance = v;
                    }
                }
            }
            return v;
        }
    }

    /**
     * Builds a {@link ProfileService}. Defaults: system UTC clock, events discarded, no audit, no
     * transaction (each store call on its own), Bean Validation started from the classpath on first
     * save, completeness over {@link #DEFAULT_COMPLETENESS_FIELDS}, snapshots retained for 7 years.
     */
    public static final class Builder {
        private @Nullable ProfileStore store;
        private @Nullable FieldCipher cipher;
        private @Nullable BlindIndex blindIndex;
        private Clock clock = Clock.systemUTC();
        private EventPublisher events = event -> { };
        private @Nullable AuditTrail audit;
        private TransactionRunner transactions = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        private @Nullable BeanValidation validation;
        private @Nullable IdGenerator ids;
        private Set<ProfileField> completenessFields = DEFAULT_COMPLETENESS_FIELDS;
        private Duration snapshotRetention = Duration.ofDays(7 * 365 + 2);

        private Builder() {
        }

        /** @param value where profiles are kept; @return this builder */
        public Builder store(ProfileStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** @param value encrypts the personal data; @return this builder */
        public Builder cipher(FieldCipher value) {
            this.cipher = Objects.requireNonNull(value, "cipher");
            return this;
        }

        /** @param value computes the identity-document lookup token (keys of its own); @return this builder */
        public Builder blindIndex(BlindIndex value) {
            this.blindIndex = Objects.requireNonNull(value, "blindIndex");
            return this;
        }

        /** @param value the clock; @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @param value receives {@code profile.*} events inside the transaction; @return this builder */
        public Builder events(EventPublisher value) {
            this.events = Objects.requireNonNull(value, "events");
            return this;
        }

        /** @param value the audit trail changes and agency reads are appended to; @return this builder */
        public Builder audit(AuditTrail value) {
            this.audit = Objects.requireNonNull(value, "audit");
            return this;
        }

        /** @param value runs store changes, audit and events in one transaction; @return this builder */
        public Builder transactions(TransactionRunner value) {
            this.transactions = Objects.requireNonNull(value, "transactions");
            return this;
        }

        /** @param value the Bean Validation to check saves with; @return this builder */
        public Builder validation(BeanValidation value) {
            this.validation = Objects.requireNonNull(value, "validation");
            return this;
        }

        /** @param value generates profile, consent and snapshot ids; @return this builder */
        public Builder ids(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /**
         * @param value the fields {@link ProfileService#completeness(Profile)} counts, at least one
         * @return this builder
         */
        public Builder completenessFields(Set<ProfileField> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("completenessFields must not be empty");
            }
            this.completenessFields = Set.copyOf(value);
            return this;
        }

        /**
         * @param value how long a snapshot attached to an application is kept, at least one day
         * @return this builder
         */
        public Builder snapshotRetention(Duration value) {
            if (value.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("snapshotRetention must be at least 1 day");
            }
            this.snapshotRetention = value;
            return this;
        }

        /**
         * @return the service
         * @throws NullPointerException when {@code store}, {@code cipher} or {@code blindIndex} is missing
         */
        public ProfileService build() {
            return new ProfileService(this);
        }
    }
}
