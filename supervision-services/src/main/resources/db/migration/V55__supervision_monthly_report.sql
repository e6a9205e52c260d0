-- The monthly reports to the justice bureau (监督月报, seed task 13), generated on schedule and kept (issue 8): one
-- per supervisor and month, never regenerated once stored (the primary key makes a second generation a no-op), the
-- OFD document with its SM3 digest and the hub's SM2 signature over it, and the trace of every figure to its cases.
CREATE TABLE supervision_monthly_report (
    supervisor_id    VARCHAR(64)              NOT NULL,
    report_month     CHAR(7)                  NOT NULL,
    as_of            DATE                     NOT NULL,
    generated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    generated_by     VARCHAR(100)             NOT NULL,
    document         BYTEA                    NOT NULL,
    document_sm3     CHAR(64)                 NOT NULL,
    signature_alg    VARCHAR(40)              NOT NULL,
    signature        BYTEA                    NOT NULL,
    signer_key       BYTEA                    NOT NULL,
    trace_json       TEXT                     NOT NULL,
    PRIMARY KEY (supervisor_id, report_month)
);
