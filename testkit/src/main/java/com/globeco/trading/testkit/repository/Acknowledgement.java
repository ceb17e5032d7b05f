package com.globeco.trading.testkit.repository;

import java.time.Instant;

/** The repository's receipt for an accepted report: the same every time that report is submitted again. */
record Acknowledgement(String reportId, String uti, String submissionId, Instant receivedAt) {
}
