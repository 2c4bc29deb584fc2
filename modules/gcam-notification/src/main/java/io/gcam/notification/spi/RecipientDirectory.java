package io.gcam.notification.spi;

import io.gcam.notification.Recipient;
import java.util.Optional;

/**
 * Looks up how to reach a person by subject id: addresses, preferred language and channel. An
 * agency wires it to its profile store (gcam-profile, an LDAP directory, ...).
 */
@FunctionalInterface
public interface RecipientDirectory {

    /** A directory that knows no one: every request must give an explicit address. */
    RecipientDirectory NONE = subjectId -> Optional.empty();

    /**
     * @param subjectId the person's subject id
     * @return the recipient, or empty when unknown
     */
    Optional<Recipient> find(String subjectId);
}
