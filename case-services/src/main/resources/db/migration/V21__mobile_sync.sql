-- Mobile enforcement (移动办案, issue 7): the items a device sent that were applied, by the id the device made,
-- so that a re-sent batch applies nothing twice.
CREATE TABLE case_sync_item (
    client_id    UUID         PRIMARY KEY,
    officer_id   VARCHAR(64)  NOT NULL,
    device_id    VARCHAR(64)  NOT NULL,
    case_id      UUID         NOT NULL,
    case_version BIGINT       NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
