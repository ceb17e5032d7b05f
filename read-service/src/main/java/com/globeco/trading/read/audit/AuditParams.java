package com.globeco.trading.read.audit;

import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.read.http.Params;

/** The audit API's ids, or {@link BadRequest} with the reason. */
final class AuditParams {
    static final int MAX_IDENTIFIER = 200;

    private AuditParams() {}

    /** A correlation or user id: 1 to {@value #MAX_IDENTIFIER} characters, none of them a control character. */
    static String identifier(String name, String raw) {
        if (raw.isBlank() || raw.length() > MAX_IDENTIFIER || raw.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequest(name + " must be 1 to " + MAX_IDENTIFIER + " printable characters, got '" + Params.echoed(raw) + "'");
        }
        return raw;
    }
}
