package cn.gov.shanwei.enforcement.supervision.review;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;

/**
 * One scored line of a review template (评查项目).
 *
 * @param code      stable code within the template, e.g. {@code EVIDENCE-1}
 * @param section   the part of the file it checks, e.g. 证据 (evidence)
 * @param text      what the reviewer checks
 * @param maxPoints the points it carries, 1–100
 */
public record ChecklistItem(String code, String section, String text, int maxPoints) {
    public ChecklistItem {
        if (code == null || !code.matches("[A-Z][A-Z0-9-]{0,31}")) {
            throw new DomainValidationException("items.code", "'" + code + "' must be 1–32 upper-case letters, digits, '-'");
        }
        if (section == null || section.isBlank() || text == null || text.isBlank()) {
            throw new DomainValidationException("items", code + ": section and text are required");
        }
        if (maxPoints < 1 || maxPoints > 100) {
            throw new DomainValidationException("items.maxPoints", code + ": must be between 1 and 100");
        }
    }
}
