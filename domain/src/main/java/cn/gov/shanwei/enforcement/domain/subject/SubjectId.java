package cn.gov.shanwei.enforcement.domain.subject;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/** Identifies an enforcement subject; in practice its unified social credit code (统一社会信用代码) or local id. */
public record SubjectId(String value) {
    public SubjectId {
        if (value == null || value.isBlank()) {
            throw new DomainValidationException("subjectId", "is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
