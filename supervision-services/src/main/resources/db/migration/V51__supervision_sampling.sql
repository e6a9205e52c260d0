-- Random sampling of closed cases (随机抽查), issue 8: every draw with its seed and algorithm, per stratum the
-- population's size and SM3 digest and the cases drawn in rank order, so anyone can redo it.
CREATE TABLE supervision_sampling_draw (
    id                  VARCHAR(64)   PRIMARY KEY,
    supervisor          VARCHAR(64)   NOT NULL,
    closed_from         DATE          NOT NULL,
    closed_to           DATE          NOT NULL,
    rate_percent        INT           NOT NULL CHECK (rate_percent BETWEEN 1 AND 100),
    minimum_per_stratum INT           NOT NULL,
    seed                VARCHAR(128)  NOT NULL,
    algorithm           VARCHAR(1000) NOT NULL,
    drawn_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    drawn_by            VARCHAR(100)  NOT NULL
);

CREATE INDEX supervision_sampling_draw_by_supervisor ON supervision_sampling_draw (supervisor, drawn_at);

CREATE TABLE supervision_sampling_stratum (
    draw_id           VARCHAR(64) NOT NULL REFERENCES supervision_sampling_draw (id),
    subject_id        VARCHAR(64) NOT NULL,
    population_size   INT         NOT NULL,
    population_digest VARCHAR(64) NOT NULL,
    PRIMARY KEY (draw_id, subject_id)
);

CREATE TABLE supervision_sampling_case (
    draw_id     VARCHAR(64)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    draw_rank   INT          NOT NULL,
    case_number VARCHAR(100) NOT NULL,
    PRIMARY KEY (draw_id, subject_id, draw_rank),
    FOREIGN KEY (draw_id, subject_id) REFERENCES supervision_sampling_stratum (draw_id, subject_id)
);
