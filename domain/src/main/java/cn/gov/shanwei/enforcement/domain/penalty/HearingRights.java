package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.Money;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which intended penalties besides large fines give the party a right to a hearing: large confiscations and the
 * listed kinds. "Large" is set by the province or ministry, so the threshold and the kinds are configuration.
 *
 * @param confiscation the total confiscated value from which the right arises
 * @param kinds        kinds that always give the right
 */
// 行政处罚法 art. 63(1) (fines: PenaltyRules.hearingRight), (2) confiscation, (3)–(4) kinds, (5) 其他较重 by configuration
public record HearingRights(FineThreshold confiscation, Set<PenaltyKind> kinds) {

    public HearingRights {
        Objects.requireNonNull(confiscation, "confiscation");
        kinds = Set.copyOf(kinds);
    }

    /**
     * The law's list: 降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业, and confiscation from the same amounts as
     * the fine threshold (as the market-supervision hearing rules count it).
     */
    public static HearingRights standard(FineThreshold largeAmount) {
        return new HearingRights(largeAmount, EnumSet.of(PenaltyKind.QUALIFICATION_DOWNGRADE,
                PenaltyKind.LICENCE_REVOCATION, PenaltyKind.SUSPENSION_OF_BUSINESS, PenaltyKind.CLOSURE,
                PenaltyKind.EMPLOYMENT_RESTRICTION));
    }

    /**
     * Why {@code sanctions} for {@code party} give a hearing right, or empty if they do not.
     *
     * @param largeFine the fine threshold ({@link PenaltyRules#hearingRight()})
     */
    public Optional<String> ground(Party.Kind party, List<Sanction> sanctions, FineThreshold largeFine) {
        long fines = total(sanctions, PenaltyKind.FINE);
        long confiscated = total(sanctions, PenaltyKind.CONFISCATION);
        if (fines > 0 && largeFine.isReachedBy(party, fines)) {
            return Optional.of("a fine of " + Money.yuan(fines) + " (行政处罚法 art. 63(1))");
        }
        if (confiscated > 0 && confiscation.isReachedBy(party, confiscated)) {
            return Optional.of("confiscation worth " + Money.yuan(confiscated) + " (行政处罚法 art. 63(2))");
        }
        return sanctions.stream().filter(s -> kinds.contains(s.kind())).findFirst()
                .map(s -> s.describe() + " (行政处罚法 art. 63)");
    }

    /** The sum of the amounts of {@code kind} in {@code sanctions}. */
    static long total(List<Sanction> sanctions, PenaltyKind kind) {
        return sanctions.stream().filter(s -> s.kind() == kind).mapToLong(Sanction::amountFen).sum();
    }
}
