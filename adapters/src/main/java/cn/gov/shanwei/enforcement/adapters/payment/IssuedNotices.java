package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.OptionalLong;

/** The notices we issued, as our own records hold them (implemented over the hub's database by the app). */
@FunctionalInterface
public interface IssuedNotices {

    /** The amount due in fen of a notice we issued; empty if we never issued it. */
    OptionalLong amountDueFen(String noticeNumber);
}
