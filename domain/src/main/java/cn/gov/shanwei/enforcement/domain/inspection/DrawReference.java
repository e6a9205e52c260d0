package cn.gov.shanwei.enforcement.domain.inspection;

import cn.gov.shanwei.enforcement.domain.common.Sm3;

import java.util.Objects;

/**
 * What an inspection records about the 双随机 draw that chose it: enough to find the published draw and check it.
 *
 * @param drawId           the draw's id
 * @param algorithm        the draw algorithm ({@link SpotCheckDraw#ALGORITHM})
 * @param seed             the seed
 * @param entityPoolDigest SM3 of the entity pool
 * @param position         the entity's place in the draw order, from 1
 */
public record DrawReference(String drawId, String algorithm, String seed, Sm3 entityPoolDigest, int position) {
    public DrawReference {
        Objects.requireNonNull(drawId, "drawId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(entityPoolDigest, "entityPoolDigest");
    }
}
