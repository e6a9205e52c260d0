package cn.gov.shanwei.enforcement.app.exchange;

/** The 前置库 mode on PostgreSQL (127.0.0.1:5432, database {@code test}), in a throw-away schema. */
class FrontDbDeliveryPostgresIT extends FrontDbDeliveryContract {

    @Override
    ExchangeDatabase database() {
        return ExchangeDatabase.postgres();
    }
}
