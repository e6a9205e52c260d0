package cn.gov.shanwei.enforcement.supervision.sampling;

import cn.gov.shanwei.enforcement.domain.common.SeededDraw;
import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How a stratum's cases are selected. A draw records the algorithm's text; the name before the first colon selects
 * the implementation when the draw is verified, so draws recorded under an earlier algorithm stay reproducible
 * (ADR 0711). New draws use {@link #CURRENT}.
 */
public enum SamplingAlgorithm {

    /** The hub's one draw ({@link SeededDraw}, shared with the 双随机 inspection draw); current since ADR 0711. */
    SM3_FISHER_YATES_V1(SeededDraw.ALGORITHM + ": strata = subjects; population of a stratum = its cases closed in "
            + "[closedFrom, closedTo], case numbers sorted ascending; stream = \"cases|\" + subject id; partial "
            + "Fisher-Yates: for i = 0..n-1, j = i + SM3(seed + \"|\" + stream + \"|\" + i) mod (N - i), swap i and j; "
            + "the first n are drawn in that order, n = min(N, max(minimumPerStratum, ceil(N * ratePercent / 100)))") {
        @Override
        List<CaseNumber> select(String seed, SubjectId subject, List<CaseNumber> sortedPopulation, int n) {
            return SeededDraw.pick(seed, "cases|" + subject.value(), sortedPopulation, n);
        }
    },

    /** Supervision's own ranking before ADR 0711 (ADR 0702); kept to verify the draws recorded with it. */
    SHA256_RANK_V1("SHA256-RANK-v1: strata = subjects; population of a stratum = its cases "
            + "closed in [closedFrom, closedTo]; key(case) = SHA-256 of UTF-8 (seed + \"\\n\" + case number), as "
            + "unsigned hex; select the n cases with the smallest keys, n = min(N, max(minimumPerStratum, "
            + "ceil(N * ratePercent / 100)))") {
        @Override
        List<CaseNumber> select(String seed, SubjectId subject, List<CaseNumber> sortedPopulation, int n) {
            return sortedPopulation.stream()
                    .sorted(Comparator.comparing((CaseNumber c) -> rankKey(seed, c)).thenComparing(CaseNumber::value))
                    .limit(n)
                    .toList();
        }
    };

    /** The algorithm of new draws. */
    public static final SamplingAlgorithm CURRENT = SM3_FISHER_YATES_V1;

    private final String text;

    SamplingAlgorithm(String text) {
        this.text = text;
    }

    /** The text recorded with a draw: the name and version, a colon, the algorithm in words. */
    public String text() {
        return text;
    }

    /** The name and version (the text before the first colon), e.g. {@code SM3-FisherYates-v1}. */
    public String algorithmName() {
        return nameOf(text);
    }

    /** The algorithm a recorded text names, if the hub knows it. */
    public static Optional<SamplingAlgorithm> recorded(String text) {
        String name = nameOf(text);
        return Arrays.stream(values()).filter(a -> a.algorithmName().equals(name)).findFirst();
    }

    /**
     * The {@code n} cases drawn from a stratum's population, in draw order.
     *
     * @param sortedPopulation the stratum's case numbers sorted ascending, no duplicates
     */
    abstract List<CaseNumber> select(String seed, SubjectId subject, List<CaseNumber> sortedPopulation, int n);

    /** The SHA256-RANK-v1 key of a case: SHA-256 of (seed, newline, case number) in lower-case hex. */
    static String rankKey(String seed, CaseNumber number) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + "\n" + number.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String nameOf(String text) {
        int colon = text.indexOf(':');
        return (colon < 0 ? text : text.substring(0, colon)).strip();
    }
}
