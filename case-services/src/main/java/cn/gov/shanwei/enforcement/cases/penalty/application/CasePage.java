package cn.gov.shanwei.enforcement.cases.penalty.application;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total items matching in the caller's jurisdiction
 * @param <T>   item type
 */
public record CasePage<T>(List<T> items, int page, int size, long total) {
}
