package cn.gov.shanwei.enforcement.cases.access;

import java.util.Objects;

/**
 * Which cases a member of staff may see, as a query condition that every case query applies (never only the
 * controller): the cases of one subject, or of every subject whose area lies under a region path, or none.
 */
public sealed interface CaseScope {

    /** The cases handled by one subject (officers, legal reviewers, subject heads). */
    record OwnSubject(String subjectId) implements CaseScope {
        public OwnSubject {
            Objects.requireNonNull(subjectId, "subjectId");
        }
    }

    /** The cases of every subject in an area and the areas below it (supervisors); {@code /441500/} is the city. */
    record Area(String regionPathPrefix) implements CaseScope {
        public Area {
            if (regionPathPrefix == null || !regionPathPrefix.startsWith("/") || !regionPathPrefix.endsWith("/")) {
                throw new IllegalArgumentException("a region path looks like /441500/441521/");
            }
        }
    }

    /** No case at all (administrators). */
    record Nothing() implements CaseScope { }
}
