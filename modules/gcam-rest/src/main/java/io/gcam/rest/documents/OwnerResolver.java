package io.gcam.rest.documents;

import io.gcam.core.Actor;
import io.gcam.documents.OwnerRef;

/**
 * Turns the {@code ownerRef} of an upload into the owner of the document: the application
 * reference the client names, within the agency and application type the app serves.
 */
@FunctionalInterface
public interface OwnerResolver {

    /**
     * @param actor who uploads
     * @param ownerRef the {@code ownerRef} form field, e.g. an application reference
     * @return the owner
     * @throws io.gcam.core.GcamException when the reference is not valid for the actor
     */
    OwnerRef resolve(Actor actor, String ownerRef);
}
