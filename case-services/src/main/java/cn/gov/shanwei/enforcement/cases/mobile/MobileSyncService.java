package cn.gov.shanwei.enforcement.cases.mobile;

import cn.gov.shanwei.enforcement.cases.access.Actor;
import cn.gov.shanwei.enforcement.cases.access.CaseAccessDeniedException;
import cn.gov.shanwei.enforcement.cases.penalty.application.FilingChecks;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseDetail;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCaseService;
import cn.gov.shanwei.enforcement.cases.penalty.application.PenaltyCommand;
import cn.gov.shanwei.enforcement.cases.shared.ConcurrentEditException;
import cn.gov.shanwei.enforcement.cases.shared.RuleViolationException;
import cn.gov.shanwei.enforcement.domain.call.ProviderFailedException;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;
import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies batches captured offline on a device (移动办案): each item in its own transaction, in order, so one
 * refused item does not undo the others; an applied item is remembered by its device-made id in the same
 * transaction as its change, so a re-sent batch applies nothing twice. Failed items are not remembered: the device
 * may fix and re-send them.
 *
 * <p>A filing asks the province (立案核查) <em>before</em> its item's transaction opens, as the REST filing does
 * ({@link PenaltyCaseService#checkFiling}): a slow or unreachable province holds no database connection, a mismatch
 * is the item's REJECTED and an unreachable province its UNAVAILABLE; the other items are applied as usual.
 */
public class MobileSyncService {

    private static final Logger LOG = LoggerFactory.getLogger(MobileSyncService.class);

    /** Largest batch accepted. */
    public static final int MAX_ITEMS = 100;

    private final PenaltyCaseService cases;
    private final EntityManager em;
    private final TransactionTemplate perItem;
    private final TransactionTemplate lookUp;
    private final Clock clock;

    /**
     * @param cases        the penalty workflow
     * @param em           the persistence context
     * @param transactions the transaction manager (one new transaction per item)
     * @param clock        the clock
     */
    public MobileSyncService(PenaltyCaseService cases, EntityManager em, PlatformTransactionManager transactions,
                             Clock clock) {
        this.cases = cases;
        this.em = em;
        this.perItem = new TransactionTemplate(transactions);
        this.perItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lookUp = new TransactionTemplate(transactions);
        this.lookUp.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lookUp.setReadOnly(true);
        this.clock = clock;
    }

    /** Applies {@code items} for {@code actor} from {@code deviceId}; one result per item, in order. */
    public List<SyncResult> apply(Actor actor, String deviceId, List<SyncItem> items) {
        if (deviceId == null || !deviceId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new DomainValidationException("deviceId", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new DomainValidationException("items", "must hold 1 to " + MAX_ITEMS + " items");
        }
        List<SyncResult> results = new ArrayList<>();
        for (SyncItem item : items) {
            results.add(applyOne(actor, deviceId, item));
        }
        return results;
    }

    private SyncResult applyOne(Actor actor, String deviceId, SyncItem item) {
        try {
            FilingChecks.Checked prechecked = null;
            if (item instanceof SyncItem.Step s && s.command() instanceof PenaltyCommand.File filing) {
                // A re-sent filing is answered from the record, without asking the province again.
                Optional<SyncResult> earlier = lookUp.execute(status -> earlier(actor, item));
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                prechecked = cases.checkFiling(actor, s.caseId(), filing);   // no transaction, no connection held
            }
            FilingChecks.Checked checked = prechecked;
            return perItem.execute(status -> {
                Optional<SyncResult> earlier = earlier(actor, item);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                PenaltyCaseDetail detail = item instanceof SyncItem.Lead lead
                        ? cases.registerLead(actor, lead.lead(), lead.clientId())
                        : step(actor, (SyncItem.Step) item, checked);
                long version = detail.summary().version();
                em.persist(new SyncItemEntity(item.clientId(), actor.officer().id().value(), deviceId,
                        detail.summary().id(), version, clock.instant()));
                em.flush();
                return new SyncResult(item.clientId(), SyncResult.Outcome.APPLIED, detail.summary().id(), version, "");
            });
        } catch (ConcurrentEditException | DataIntegrityViolationException e) {
            return failed(item, SyncResult.Outcome.CONFLICT, e instanceof ConcurrentEditException ? e.getMessage()
                    : "the item's id or its case was taken by another send: refresh and decide again");
        } catch (RuleViolationException e) {
            return failed(item, SyncResult.Outcome.REJECTED, e.getMessage());
        } catch (ProviderUnavailableException e) {
            return failed(item, SyncResult.Outcome.UNAVAILABLE, "a provincial service (" + e.provider().code()
                    + ") could not answer, so nothing was applied: send the item again in "
                    + Math.max(1, e.retryAfter().toSeconds()) + " s or later");
        } catch (ProviderFailedException e) {
            return failed(item, SyncResult.Outcome.REJECTED, "a provincial service (" + e.provider().code()
                    + ") refused the check: " + e.getMessage());
        } catch (CaseAccessDeniedException e) {
            return failed(item, SyncResult.Outcome.DENIED, e.getMessage());
        } catch (DomainValidationException e) {
            return failed(item, SyncResult.Outcome.INVALID, e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            // A value the domain's constructors refuse (or a field the device left out): the item, not the batch.
            return failed(item, SyncResult.Outcome.INVALID, "the item is malformed: " + String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // Anything else ends this item only: the items before it are committed, the ones after it still run.
            LOG.error("Sync item {} from device {} failed unexpectedly", item.clientId(), deviceId, e);
            return failed(item, SyncResult.Outcome.REJECTED, "the item could not be applied because of an internal "
                    + "error (reference " + item.clientId() + "); it was logged for the administrators");
        }
    }

    private PenaltyCaseDetail step(Actor actor, SyncItem.Step step, FilingChecks.Checked prechecked) {
        return cases.execute(actor, step.caseId(), step.expectedVersion(), step.command(), prechecked);
    }

    private Optional<SyncResult> earlier(Actor actor, SyncItem item) {
        SyncItemEntity seen = em.find(SyncItemEntity.class, item.clientId());
        if (seen == null) {
            return Optional.empty();
        }
        if (!seen.officerId().equals(actor.officer().id().value())) {
            return Optional.of(failed(item, SyncResult.Outcome.CONFLICT, "the item id " + item.clientId()
                    + " was already used: make a new one"));
        }
        return Optional.of(new SyncResult(item.clientId(), SyncResult.Outcome.DUPLICATE, seen.caseId(),
                seen.caseVersion(), ""));
    }

    private static SyncResult failed(SyncItem item, SyncResult.Outcome outcome, String detail) {
        return new SyncResult(item.clientId(), outcome, item instanceof SyncItem.Step s ? s.caseId() : null, null,
                detail);
    }
}
