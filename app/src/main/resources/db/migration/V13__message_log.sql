-- Issue 6: the tamper-evident message log of provincial exchanges (modelled on X-Road's message log), written by
-- JdbcMessageLog. Append-only: entry n's entry_hash = SM3(prev_hash ‖ n's fields and body digests), prev_hash being
-- entry n-1's entry_hash. Bodies are SM4-GCM encrypted (sm4gcm1:…) and may be absent where policy keeps none;
-- the digests (SM3 of the clear bodies) are always kept and chained. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE message_log (
    seq             BIGINT       PRIMARY KEY,
    logged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    provider        VARCHAR(16)  NOT NULL,
    operation       VARCHAR(64)  NOT NULL,
    calling_system  VARCHAR(64)  NOT NULL,
    case_number     VARCHAR(64),
    trace_id        VARCHAR(128) NOT NULL,
    fault           VARCHAR(128),
    request_digest  CHAR(64)     NOT NULL,
    response_digest CHAR(64),
    request_body    TEXT,
    response_body   TEXT,
    prev_hash       CHAR(64)     NOT NULL,
    entry_hash      CHAR(64)     NOT NULL
);

CREATE INDEX message_log_by_trace ON message_log (trace_id);
CREATE INDEX message_log_by_case ON message_log (case_number);
CREATE INDEX message_log_by_time ON message_log (logged_at);

-- The chain's two ends, moved in the same transaction as the entries: appends move the head, retention moves the
-- anchor (the first kept entry and the hash it chains from). A deleted last or first entry is caught against them.
CREATE TABLE message_log_ends (
    id          INT      PRIMARY KEY,
    first_seq   BIGINT   NOT NULL,
    anchor_hash CHAR(64) NOT NULL,
    last_seq    BIGINT   NOT NULL,
    last_hash   CHAR(64) NOT NULL
);

INSERT INTO message_log_ends (id, first_seq, anchor_hash, last_seq, last_hash)
VALUES (1, 1, '0000000000000000000000000000000000000000000000000000000000000000', 0,
        '0000000000000000000000000000000000000000000000000000000000000000');
