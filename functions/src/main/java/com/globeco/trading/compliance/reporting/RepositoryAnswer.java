package com.globeco.trading.compliance.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;

import java.util.ArrayList;
import java.util.List;

/**
 * What the Trade Repository answered a report: 200 or 201 with {@code ACKNOWLEDGED} and its submission id, 409 or 422
 * with {@code REJECTED}, its reason code and reason. Anything else, or a body that does not say so, is no answer, and
 * the report is retried.
 */
public record RepositoryAnswer(SubmissionResult result, String submissionId, String reasonCode, String reason) {
    private static final int MAX_TEXT = 2_000;

    public static RepositoryAnswer of(int httpStatus, String body) {
        if (httpStatus == 429 || httpStatus >= 500) {
            return unavailable("HTTP " + httpStatus);
        }
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(body, "a Trade Repository answer", violations);
        if (root == null) {
            return unavailable("HTTP " + httpStatus + " with " + String.join("; ", violations));
        }
        String status = JsonFields.text(root, "status", true, violations);
        if ((httpStatus == 200 || httpStatus == 201) && "ACKNOWLEDGED".equals(status)) {
            String submissionId = JsonFields.text(root, "submissionId", true, violations);
            return submissionId == null ? unavailable("an acknowledgement without a submission id")
                    : new RepositoryAnswer(SubmissionResult.ACKNOWLEDGED, submissionId, null, null);
        }
        if ((httpStatus == 409 || httpStatus == 422) && "REJECTED".equals(status)) {
            String code = JsonFields.text(root, "reasonCode", false, violations);
            String reason = JsonFields.text(root, "reason", false, violations);
            return new RepositoryAnswer(SubmissionResult.REJECTED, null, code == null ? "UNSPECIFIED" : Excerpt.of(code),
                    reason == null ? null : reason.length() > MAX_TEXT ? reason.substring(0, MAX_TEXT) : reason);
        }
        return unavailable("HTTP " + httpStatus + " saying " + Excerpt.of(body));
    }

    public static RepositoryAnswer unavailable(String why) {
        return new RepositoryAnswer(SubmissionResult.UNAVAILABLE, null, null, why);
    }
}
