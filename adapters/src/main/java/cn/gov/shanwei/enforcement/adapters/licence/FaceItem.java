package cn.gov.shanwei.enforcement.adapters.licence;

import java.util.Objects;

/**
 * One named item of a licence's face (照面项), e.g. {@code 法定代表人 = 陈某某}.
 *
 * @param name  the item's name
 * @param value its value, possibly empty
 */
public record FaceItem(String name, String value) {

    public FaceItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
