package com.globeco.trading.testkit.repository;

import com.globeco.trading.testkit.http.Reply;

/** What became of one {@code POST /api/v1/reports}, and how the repository answers it. */
interface Submission {

    Reply reply();

    /** 201 when the report was accepted now, 200 with the same receipt when it had been already. */
    record Acknowledged(Acknowledgement acknowledgement, boolean firstTime) implements Submission {
        private static final int CREATED = 201;
        private static final int OK = 200;

        @Override
        public Reply reply() {
            return Reply.json(firstTime ? CREATED : OK, RepositoryJson.acknowledgement(acknowledgement));
        }
    }

    record Refused(Rejection rejection) implements Submission {
        @Override
        public Reply reply() {
            return Reply.json(rejection.reasonCode().httpStatus(), RepositoryJson.rejection(rejection));
        }
    }
}
