package cn.gov.shanwei.enforcement.domain.officer;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/** Identifies an officer (执法人员) in the 执法人员库. */
public record OfficerId(String value) {
    public OfficerId {
        if (value == null || value.isBlank()) {
            throw new DomainValidationException("officerId", "is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
