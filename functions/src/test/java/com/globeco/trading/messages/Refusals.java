package com.globeco.trading.messages;

import static org.assertj.core.api.Assertions.assertThat;

/** What the answer readers' tests ask of a reading: the answer changed by one case, and the reason it was refused for. */
public final class Refusals {
    private Refusals() {}

    /** {@code answer} with {@code from} replaced by {@code to}; fails when the case does not change the answer. */
    public static String changed(String answer, String from, String to) {
        String changed = answer.replace(from, to);
        assertThat(changed).as("the case changes the answer").isNotEqualTo(answer);
        return changed;
    }

    /** Why the reading was refused; fails when it was not. */
    public static String reasonOf(Reading<?> reading) {
        assertThat(reading).isInstanceOf(Reading.Rejected.class);
        return ((Reading.Rejected<?>) reading).explanation();
    }
}
