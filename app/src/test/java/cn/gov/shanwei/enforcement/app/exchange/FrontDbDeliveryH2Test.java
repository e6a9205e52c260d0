package cn.gov.shanwei.enforcement.app.exchange;

/** The 前置库 mode on H2 (PostgreSQL mode), the sandbox's database. */
class FrontDbDeliveryH2Test extends FrontDbDeliveryContract {

    @Override
    ExchangeDatabase database() {
        return ExchangeDatabase.h2();
    }
}
