package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.globeco.trading.compliance.Lei;
import com.globeco.trading.messages.Excerpt;

/**
 * What a well-formed report must satisfy whatever the repository holds, judged in this order: the reporting entity is an
 * LEI ({@code INVALID_LEI}), the UTI is 1 to 52 of {@code 0-9 A-Z} starting with that LEI ({@code INVALID_UTI}), and a
 * report with terms has a positive quantity and price and a notional equal to their product ({@code INVALID_VALUE}).
 */
final class ReportRules {

    private static final Pattern UTI = Pattern.compile("[0-9A-Z]{1,52}");

    private ReportRules() {
    }

    static Optional<Rejection> refusal(SubmittedReport report) {
        if (!Lei.isValid(report.reportingEntity())) {
            return Optional.of(Rejection.of(report, ReasonCode.INVALID_LEI,
                    "reportingEntity must be an ISO 17442 LEI, was " + Excerpt.of(report.reportingEntity())));
        }
        if (!UTI.matcher(report.uti()).matches()) {
            return Optional.of(Rejection.of(report, ReasonCode.INVALID_UTI,
                    "uti must be 1 to 52 of 0-9 A-Z, was " + Excerpt.of(report.uti())));
        }
        if (!report.uti().startsWith(report.reportingEntity())) {
            return Optional.of(Rejection.of(report, ReasonCode.INVALID_UTI,
                    "uti must start with the reporting entity's LEI " + report.reportingEntity() + ", was " + report.uti()));
        }
        return report.action() == ReportAction.CANCEL ? Optional.empty() : valueRefusal(report);
    }

    private static Optional<Rejection> valueRefusal(SubmittedReport report) {
        List<String> violations = new ArrayList<>();
        requirePositive("quantity", report.quantity(), violations);
        requirePositive("price", report.price(), violations);
        BigDecimal product = report.quantity().multiply(report.price());
        if (report.notional().compareTo(product) != 0) {
            violations.add("notional must be quantity x price = " + product.toPlainString() + ", was "
                    + report.notional().toPlainString());
        }
        return violations.isEmpty() ? Optional.empty()
                : Optional.of(Rejection.of(report, ReasonCode.INVALID_VALUE, String.join("; ", violations)));
    }

    private static void requirePositive(String field, BigDecimal value, List<String> violations) {
        if (value.signum() <= 0) {
            violations.add(field + " must be above zero, was " + value.toPlainString());
        }
    }
}
