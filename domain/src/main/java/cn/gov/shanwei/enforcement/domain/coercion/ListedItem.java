package cn.gov.shanwei.enforcement.domain.coercion;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the list (清单) of premises, facilities, property or funds under the measure (行政强制法 art. 24(2)3).
 *
 * @param name        what it is, e.g. "散装白酒" or "账户 6222…1234 存款"
 * @param quantity    how much, e.g. 12.5
 * @param unit        the unit, e.g. "kg", "瓶", "yuan"
 * @param description condition, marks, where it is kept
 */
public record ListedItem(String name, BigDecimal quantity, String unit, String description) {
    public ListedItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException(name + ": a listed quantity must be positive");
        }
    }
}
