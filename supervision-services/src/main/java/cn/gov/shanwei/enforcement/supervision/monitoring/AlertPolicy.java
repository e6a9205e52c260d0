package cn.gov.shanwei.enforcement.supervision.monitoring;

/**
 * The thresholds of the alerts, configurable per deployment.
 *
 * @param dueSoonDays            natural days before a due date from which a deadline is due soon
 * @param repeatedCases          how many cases of one party within the window make it repeated
 * @param repeatWindowDays       the window, in natural days before the as-of day
 * @param certificateWarningDays natural days before a certificate's expiry from which it is flagged
 */
public record AlertPolicy(int dueSoonDays, int repeatedCases, int repeatWindowDays, int certificateWarningDays) {

    public AlertPolicy {
        if (dueSoonDays < 0 || repeatedCases < 2 || repeatWindowDays < 1 || certificateWarningDays < 0) {
            throw new IllegalArgumentException("invalid alert policy: " + dueSoonDays + ", " + repeatedCases + ", "
                    + repeatWindowDays + ", " + certificateWarningDays);
        }
    }

    /** Due soon within 3 days, two cases of one party within a year, certificates 30 days before expiry. */
    public static AlertPolicy defaults() {
        return new AlertPolicy(3, 2, 365, 30);
    }
}
