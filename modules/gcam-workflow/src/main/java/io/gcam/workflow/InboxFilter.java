package io.gcam.workflow;

import org.jspecify.annotations.Nullable;

/**
 * Narrows a staff inbox. The inbox is always limited to the staff member's agency.
 *
 * @param type only this application type, or {@code null}
 * @param state only this state, or {@code null}
 * @param assignee only applications assigned to this subject id, or {@code null}
 * @param actionableOnly only applications in a state where one of the staff member's roles may take
 *     an action
 */
public record InboxFilter(@Nullable String type, @Nullable String state, @Nullable String assignee,
        boolean actionableOnly) {

    /** @return no narrowing: every application of the agency */
    public static InboxFilter all() {
        return new InboxFilter(null, null, null, false);
    }

    /** @return only applications the staff member's roles can act on */
    public static InboxFilter actionable() {
        return new InboxFilter(null, null, null, true);
    }
}
