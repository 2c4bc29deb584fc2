package io.gcam.identity;

import io.gcam.core.GcamException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code INSUFFICIENT_ASSURANCE}: the service demands a higher level than the person holds. The
 * step-up hint is {@link #requiredLevel()}: verify again with a method reaching it.
 */
public final class InsufficientAssuranceException extends GcamException {

    private static final long serialVersionUID = 1L;

    private final AssuranceLevel requiredLevel;
    private final @Nullable AssuranceLevel heldLevel;

    /**
     * @param requiredLevel the level the service demands
     * @param heldLevel the level the person holds, {@code null} when no valid verification exists
     */
    public InsufficientAssuranceException(AssuranceLevel requiredLevel, @Nullable AssuranceLevel heldLevel) {
        super(IdentityErrorCode.INSUFFICIENT_ASSURANCE, requiredLevel.name(),
                heldLevel == null ? "NONE" : heldLevel.name());
        this.requiredLevel = requiredLevel;
        this.heldLevel = heldLevel;
    }

    /** @return the level to step up to */
    public AssuranceLevel requiredLevel() {
        return requiredLevel;
    }

    /** @return the level held, empty when there is no valid verification */
    public Optional<AssuranceLevel> heldLevel() {
        return Optional.ofNullable(heldLevel);
    }
}
