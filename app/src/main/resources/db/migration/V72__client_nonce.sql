-- Nonces of signed client requests (ADR 0003, 0916): one row per (client, nonce) the hub accepted, so that a request
-- replayed to another hub instance is refused too. The primary key is the replay check; each hub instance keeps an
-- in-memory cache in front of it. A row is kept while the request's timestamp could still be accepted (twice the
-- signature window after it) and purged after that by every instance (JdbcNonceStore).
CREATE TABLE client_nonce (
    client_id   VARCHAR(64)              NOT NULL,
    nonce       VARCHAR(64)              NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT client_nonce_pk PRIMARY KEY (client_id, nonce)
);

CREATE INDEX client_nonce_by_expiry ON client_nonce (expires_at);
