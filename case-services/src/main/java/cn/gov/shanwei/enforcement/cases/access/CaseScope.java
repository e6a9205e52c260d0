package cn.gov.shanwei.enforcement.cases.access;

import cn.gov.shanwei.enforcement.domain.subject.RegionCode;

import java.util.Arrays;
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

    /**
     * The cases of every subject in an area and the areas below it (supervisors); {@code /441500/} is the city. The
     * path is made of region codes (digits, {@code -} and capital letters only, see {@code RegionCode}), so it holds no
     * {@code like} wildcard and is used in the query as it is.
     */
    record Area(String regionPathPrefix) implements CaseScope {
        public Area {
            if (!isPathOfRegionCodes(regionPathPrefix)) {
                throw new IllegalArgumentException("a region path looks like /441500/441521/");
            }
        }

        private static boolean isPathOfRegionCodes(String path) {
            if (path == null || path.length() < 2 || !path.startsWith("/") || !path.endsWith("/")) {
                return false;
            }
            String codes = path.substring(1, path.length() - 1);
            return Arrays.stream(codes.split("/", -1)).allMatch(RegionCode::isWellFormed);
        }
    }

    /** No case at all (administrators). */
    record Nothing() implements CaseScope { }
}
