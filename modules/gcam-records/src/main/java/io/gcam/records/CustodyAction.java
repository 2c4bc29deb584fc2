package io.gcam.records;

import java.util.Optional;

/** What a custody event records. Each has a stable action name written into the hash chain. */
public enum CustodyAction {
    /** The record was registered. */
    REGISTERED("record.registered"),
    /** Someone opened the record's metadata. */
    VIEWED("record.viewed"),
    /** Someone read a content version. */
    DOWNLOADED("record.downloaded"),
    /** Someone took the edit lock. */
    CHECKED_OUT("record.checked_out"),
    /** A new version was added and the lock released. */
    CHECKED_IN("record.checked_in"),
    /** The lock was released without a new version. */
    CHECK_OUT_CANCELLED("record.check_out_cancelled"),
    /** A transfer to another department or agency was sent. */
    TRANSFER_SENT("record.transfer_sent"),
    /** The receiver acknowledged a transfer and became the custodian. */
    TRANSFER_ACKNOWLEDGED("record.transfer_acknowledged"),
    /** The physical file moved. */
    LOCATION_CHANGED("record.location_changed"),
    /** The record was closed. */
    CLOSED("record.closed"),
    /** A legal hold was placed. */
    LEGAL_HOLD_PLACED("record.legal_hold_placed"),
    /** A legal hold was released. */
    LEGAL_HOLD_RELEASED("record.legal_hold_released"),
    /** The record was handed over to the archives. */
    ARCHIVED("record.archived");

    private final String actionName;

    CustodyAction(String actionName) {
        this.actionName = actionName;
    }

    /** @return the stable name written into the chain, e.g. {@code record.viewed} */
    public String actionName() {
        return actionName;
    }

    /**
     * @param actionName a stored action name
     * @return the action with that name, if any
     */
    public static Optional<CustodyAction> ofActionName(String actionName) {
        for (CustodyAction action : values()) {
            if (action.actionName.equals(actionName)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
