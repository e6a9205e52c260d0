package cn.gov.shanwei.enforcement.cases.admin.application;

import java.util.List;

/**
 * A page of one of the registry's lists (subjects, officers, matters), as administration asks for it.
 *
 * @param text       any part of the id / code or name, ignoring case; null for all
 * @param sort       the field to sort by, one of the list's (its id field first: {@link #SUBJECT_SORTS},
 *                   {@link #OFFICER_SORTS}, {@link #MATTER_SORTS}); ties are broken by the id in the same direction
 * @param descending the direction
 * @param page       0-based page
 * @param size       page size, 1..100
 */
public record RegistryQuery(String text, String sort, boolean descending, int page, int size) {

    /** Sort fields of the subject list; the first is the id. */
    public static final List<String> SUBJECT_SORTS = List.of("id", "name");
    /** Sort fields of the officer list; the first is the id. */
    public static final List<String> OFFICER_SORTS = List.of("id", "name");
    /** Sort fields of the matter list: the code. */
    public static final List<String> MATTER_SORTS = List.of("code");
}
