package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/**
 * A finding of a review (评查发现的问题), tied to a checklist item.
 *
 * @param itemCode the checklist item
 * @param text     what is wrong
 */
public record Finding(String itemCode, String text) {
    public Finding {
        if (itemCode == null || itemCode.isBlank() || text == null || text.isBlank()) {
            throw new DomainValidationException("findings", "each finding needs an item code and a text");
        }
        if (text.length() > 2000) {
            throw new DomainValidationException("findings.text", "at most 2000 characters");
        }
    }
}
