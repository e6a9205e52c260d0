package cn.gov.shanwei.enforcement.cases.admin.application;

/**
 * A value with the optimistic-locking version it was read at.
 *
 * @param value   the value
 * @param version the version (send it back as If-Match to change it)
 * @param <T>     the value's type
 */
public record Versioned<T>(T value, long version) {
}
