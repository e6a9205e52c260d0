package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/** A case number (案件编号), e.g. 汕海市监罚〔2025〕12号 or a system id. */
public record CaseNumber(String value) {
    public CaseNumber {
        if (value == null || value.isBlank()) {
            throw new DomainValidationException("caseNumber", "is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
