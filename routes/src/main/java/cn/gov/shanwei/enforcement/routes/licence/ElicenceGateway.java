package cn.gov.shanwei.enforcement.routes.licence;

import cn.gov.shanwei.enforcement.adapters.licence.ElicenceClient;
import cn.gov.shanwei.enforcement.adapters.licence.LicenceState;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceRequest;
import cn.gov.shanwei.enforcement.adapters.licence.VerifyLicenceResult;
import cn.gov.shanwei.enforcement.domain.call.Provider;
import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.licence.LicenceDetails;
import cn.gov.shanwei.enforcement.domain.licence.LicenceStatus;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;
import cn.gov.shanwei.enforcement.routes.messagelog.ExchangeBodies;
import cn.gov.shanwei.enforcement.routes.messagelog.LoggedExchange;
import cn.gov.shanwei.enforcement.routes.messagelog.MessageLog;
import cn.gov.shanwei.enforcement.routes.support.AttemptTrace;
import cn.gov.shanwei.enforcement.routes.support.Bookkeeping;
import org.apache.camel.ExchangeProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The bean the licence route calls for one attempt: speaks to the adapter and maps the provider's words to the
 * domain's. The holder's id number is masked here, so it never travels further into the hub. Each attempt's request and
 * answer go to the {@link MessageLog} unmasked (the log encrypts them at rest), and their times and sizes to the call's
 * {@link AttemptTrace}.
 */
public final class ElicenceGateway {

    private final ElicenceClient client;
    private final Clock clock;
    private final MessageLog messageLog;

    /** A gateway that keeps no message log. */
    public ElicenceGateway(ElicenceClient client, Clock clock) {
        this(client, clock, MessageLog.NONE);
    }

    public ElicenceGateway(ElicenceClient client, Clock clock, MessageLog messageLog) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.messageLog = Objects.requireNonNull(messageLog, "messageLog");
    }

    /**
     * One attempt.
     *
     * @param trace the call's {@link AttemptTrace} (the exchange's), or null outside a route
     */
    public LicenceVerification verify(LicenceVerifyCall call,
                                      @ExchangeProperty(AttemptTrace.PROPERTY) AttemptTrace trace) {
        VerifyLicenceRequest request = new VerifyLicenceRequest(call.licenceId().value(),
                call.context().matterCode(), call.context().caseNumber(), call.context().officerId());
        String requestBody = ExchangeBodies.of(request);
        Instant sent = clock.instant();
        AttemptTrace.Attempt traced = trace == null ? null : trace.sent(sent, requestBody);
        VerifyLicenceResult result;
        try {
            result = client.verify(request);
        } catch (RuntimeException failure) {
            Instant failedAt = clock.instant();
            if (traced != null) {
                traced.failed(failedAt, failure);
            }
            throw Bookkeeping.keepingPrimary(failure, () -> messageLog.appendWithNextCommit(
                    LoggedExchange.failed(Provider.LICENCE, "verify", call.context(), sent, failedAt, requestBody,
                            failure)));
        }
        Instant answeredAt = clock.instant();
        String answerBody = ExchangeBodies.of(result);
        if (traced != null) {
            traced.answered(answeredAt, answerBody.getBytes(StandardCharsets.UTF_8).length);
        }
        Bookkeeping.afterSuccess("message log", () -> messageLog.appendWithNextCommit(
                LoggedExchange.answered(Provider.LICENCE, "verify", call.context(), sent, answeredAt, requestBody,
                        answerBody)));
        if (result.state() == LicenceState.NOT_FOUND) {
            return LicenceVerification.notFound(call.licenceId(), clock.instant());
        }
        LicenceDetails details = new LicenceDetails(result.licenceName(), result.catalogueCode(), result.holderName(),
                PersonalDataMask.mask(result.holderIdNumber()), result.issuerName(), result.validFrom(),
                result.validUntil());
        return LicenceVerification.found(call.licenceId(), toStatus(result.state()), details, clock.instant());
    }

    private static LicenceStatus toStatus(LicenceState state) {
        return switch (state) {
            case VALID -> LicenceStatus.VALID;
            case EXPIRED -> LicenceStatus.EXPIRED;
            case REVOKED -> LicenceStatus.REVOKED;
            case NOT_FOUND -> LicenceStatus.NOT_FOUND;
        };
    }
}
