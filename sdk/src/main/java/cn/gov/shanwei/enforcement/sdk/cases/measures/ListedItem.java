package cn.gov.shanwei.enforcement.sdk.cases.measures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the list (清单) of what is sealed up, seized or frozen (行政强制法 art. 24).
 *
 * @param name        what it is, for example 散装白酒 or 账户 6222…1234 存款
 * @param quantity    how much, positive, for example 12.5 (never floating point)
 * @param unit        the unit, for example kg, 瓶, yuan
 * @param description condition, marks, where it is kept; may be {@code null}
 */
public record ListedItem(String name, BigDecimal quantity, String unit, String description) {

    /** Validates required components; the hub checks the rest and names the field. */
    public ListedItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
    }
}
