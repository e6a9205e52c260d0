-- Data-sharing exchange (政务大数据中心/共享交换, issues 5 + 7 + 9, ADR 0310-0312).
-- One row per durable push (exchange.push-record): the tracking id is the outbox idempotency key and the batch id
-- sent to the exchange. Written in the transaction that enqueues the push (a case step or POST /exchange/records).
CREATE TABLE exchange_submission (
    tracking_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    calling_system  VARCHAR(64)   NOT NULL,
    case_number     VARCHAR(64),
    record_count    INTEGER       NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    mode            VARCHAR(16),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT exchange_submission_state_ck CHECK (state IN ('PENDING', 'DELIVERED', 'REFUSED')),
    CONSTRAINT exchange_submission_count_ck CHECK (record_count BETWEEN 1 AND 500)
);

-- Each record of a push with the exchange's answer for it: PENDING until delivered, then ACCEPTED, DUPLICATE or
-- REJECTED (service and front-db modes) or HANDED_OVER (file mode: the collector answers later, if at all).
CREATE TABLE exchange_record_result (
    tracking_id     VARCHAR(64)   NOT NULL,
    position        INTEGER       NOT NULL,
    record_id       VARCHAR(64)   NOT NULL,
    record_type     VARCHAR(16)   NOT NULL,
    version         INTEGER       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    code            VARCHAR(64),
    message         VARCHAR(500),
    CONSTRAINT exchange_record_result_pk PRIMARY KEY (tracking_id, position),
    CONSTRAINT exchange_record_result_uk UNIQUE (tracking_id, record_id),
    CONSTRAINT exchange_record_result_fk FOREIGN KEY (tracking_id) REFERENCES exchange_submission (tracking_id)
);

-- 双公示 of a case's penalty decision: opened when the decision is served, with the 7-working-day deadline
-- (DecisionPublicationDeadline); the province's confirmation fills published_at; a change of the decision sets
-- the 3-working-day withdrawal deadline (PublicationWithdrawalDeadline) until the withdrawal is confirmed.
CREATE TABLE exchange_publication (
    case_id          UUID          NOT NULL PRIMARY KEY,
    publication_id   VARCHAR(64)   NOT NULL,
    subject_id       VARCHAR(64)   NOT NULL,
    case_number      VARCHAR(64)   NOT NULL,
    decision_number  VARCHAR(64)   NOT NULL,
    decided_on       DATE          NOT NULL,
    publish_due      DATE          NOT NULL,
    state            VARCHAR(24)   NOT NULL,
    published_at     TIMESTAMP WITH TIME ZONE,
    changed_on       DATE,
    withdraw_due     DATE,
    withdrawn_at     TIMESTAMP WITH TIME ZONE,
    note             VARCHAR(500),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT exchange_publication_id_uk UNIQUE (publication_id),
    CONSTRAINT exchange_publication_state_ck CHECK (state IN ('PENDING', 'PUBLISHED', 'NOT_PUBLISHED',
        'WITHDRAWAL_PENDING', 'WITHDRAWN'))
);
