-- 前置库 mode of the exchange (数据库方式, GB/T 39443-2020; ADR 0311): the hub writes each record version as a row
-- the province's collector polls; the collector sets proc_status (NEW → ACCEPTED / REJECTED) with its code,
-- message and time. update_time and delete_flag are the standard's change-tracking columns. The table lives here
-- by default; hub.exchange.front-db.url points the hub at a separate 前置库 holding the same table.
CREATE TABLE exchange_front_record (
    record_id       VARCHAR(64)   NOT NULL,
    version         INTEGER       NOT NULL,
    record_type     VARCHAR(16)   NOT NULL,
    batch_id        VARCHAR(64)   NOT NULL,
    data_json       TEXT          NOT NULL,
    data_sm3        CHAR(64)      NOT NULL,
    update_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    delete_flag     SMALLINT      NOT NULL,
    written_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    proc_status     VARCHAR(16)   NOT NULL,
    proc_code       VARCHAR(64),
    proc_message    VARCHAR(500),
    proc_time       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT exchange_front_record_pk PRIMARY KEY (record_id, version),
    CONSTRAINT exchange_front_record_status_ck CHECK (proc_status IN ('NEW', 'ACCEPTED', 'REJECTED')),
    CONSTRAINT exchange_front_record_flag_ck CHECK (delete_flag IN (0, 1))
);
CREATE INDEX exchange_front_record_new_ix ON exchange_front_record (proc_status, written_at);
