package cn.gov.shanwei.enforcement.domain.matter;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/** The code of an enforcement matter in the 执法事项库. */
public record MatterCode(String value) {
    public MatterCode {
        if (value == null || value.isBlank()) {
            throw new DomainValidationException("matterCode", "is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
