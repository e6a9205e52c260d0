package cn.gov.shanwei.enforcement.app.exchange;

import cn.gov.shanwei.enforcement.adapters.exchange.PushBatch;
import cn.gov.shanwei.enforcement.adapters.exchange.RecordResult;

import java.util.List;
import java.util.Objects;

/** 服务接口方式: the batch is POSTed to the exchange with its id as idempotency key; the exchange answers per record. */
public class ServiceDelivery implements RecordDelivery {

    private final ExchangeProvider provider;

    public ServiceDelivery(ExchangeProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public ExchangeProperties.Mode mode() {
        return ExchangeProperties.Mode.SERVICE;
    }

    @Override
    public List<Answer> deliver(PushBatch batch) {
        return provider.client().push(batch).results().stream().map(ServiceDelivery::answer).toList();
    }

    private static Answer answer(RecordResult r) {
        RecordStatus status = switch (r.status()) {
            case ACCEPTED -> RecordStatus.ACCEPTED;
            case DUPLICATE -> RecordStatus.DUPLICATE;
            case REJECTED -> RecordStatus.REJECTED;
        };
        return new Answer(r.recordId(), status, r.code(), r.message());
    }
}
