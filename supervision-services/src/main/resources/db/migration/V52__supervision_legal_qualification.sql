-- Legal qualifications (法律职业资格) of officers who do legal reviews (法制审核), issue 8: 行政处罚法 art. 58.
-- One row per officer, recorded by the supervising justice bureau; the case platform's registry keeps the roles.
CREATE TABLE supervision_legal_qualification (
    officer_id         VARCHAR(64)  PRIMARY KEY,
    certificate_number VARCHAR(64)  NOT NULL,
    obtained_on        DATE         NOT NULL,
    revoked_on         DATE,
    recorded_by        VARCHAR(100) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
