package com.globeco.trading.compliance.reporting;

import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** What the reporting job writes to Postgres, exactly once: a report's row, or one attempt of the audit trail. */
@TypeInfo(SealedKinds.class)
public sealed interface ReportingRow permits ReportRow, SubmissionAttempt {}
