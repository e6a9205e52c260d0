package cn.gov.shanwei.enforcement.routes.durable;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Some messages of a batch were not delivered: the batch's JMS transaction must roll back so that the broker
 * redelivers them (the delivered ones of the batch are acknowledged as settled when they come again). The first
 * failure is the cause; the others are attached as suppressed.
 */
public class BatchNotDeliveredException extends RuntimeException {

    private final int notDelivered;

    public BatchNotDeliveredException(ProviderOperation operation, int batchSize, List<Attempt> failed) {
        super(failed.size() + " of " + batchSize + " " + operation + " messages not delivered; first: "
                + failed.get(0).failure(), failed.get(0).failure());
        this.notDelivered = failed.size();
        Set<Throwable> attached = Collections.newSetFromMap(new IdentityHashMap<>());
        attached.add(getCause());
        for (Attempt attempt : failed) {
            if (attached.add(attempt.failure())) {
                addSuppressed(attempt.failure());
            }
        }
    }

    /** How many messages of the batch must come again. */
    public int notDelivered() {
        return notDelivered;
    }
}
