package com.globeco.trading.compliance.breaks;

/** Why a step was not recorded, as a category and in words. */
public record Refusal(Reason reason, String message) {

    public enum Reason {
        /** Every step names who took it. */
        ACTOR_REQUIRED,
        /** Resolving, reopening, closing and a note say why (or what). */
        NOTE_REQUIRED,
        /** An assignment names the assignee. */
        ASSIGNEE_REQUIRED,
        /** The action does not apply to a ticket in its status, e.g. closing one not resolved. */
        NOT_ALLOWED_IN_STATUS,
        /** A closed ticket takes nothing more. */
        TICKET_CLOSED,
        /** No ticket has the id. */
        UNKNOWN_TICKET,
        /** Reopening would make two tickets of one break active: the newer one is being worked on. */
        ANOTHER_TICKET_ACTIVE
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
