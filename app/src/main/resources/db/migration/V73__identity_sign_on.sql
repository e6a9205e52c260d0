-- Sign-ons of municipal systems' users through the hub (identity.sign-on, ADR 0915). A row is started by the calling
-- system; its id is the `state` sent to the unified identity service, so the hub's callback (on any hub instance)
-- knows which system's page to send the browser back to. The exchange completes it once; nothing personal is kept.
-- Rows are deleted a day after they expire.
CREATE TABLE identity_sign_on (
    sign_on_id    VARCHAR(64)              NOT NULL PRIMARY KEY,
    client_id     VARCHAR(64)              NOT NULL,
    return_url    VARCHAR(512)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX identity_sign_on_by_expiry ON identity_sign_on (expires_at);
