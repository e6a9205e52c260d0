package cn.gov.shanwei.enforcement.app;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class HubApplicationTest {

    @Test
    void aSmallMachineGetsACommonPoolOfTwo_unlessTheOperatorChoseOne_andALargerOneKeepsTheJdkDefault() {
        Properties small = new Properties();
        HubApplication.commonPoolForSmallMachines(2, small);
        assertThat(small.getProperty(HubApplication.COMMON_POOL_PARALLELISM)).isEqualTo("2");

        Properties chosen = new Properties();
        chosen.setProperty(HubApplication.COMMON_POOL_PARALLELISM, "1");
        HubApplication.commonPoolForSmallMachines(1, chosen);
        assertThat(chosen.getProperty(HubApplication.COMMON_POOL_PARALLELISM)).isEqualTo("1");

        Properties large = new Properties();
        HubApplication.commonPoolForSmallMachines(8, large);
        assertThat(large.getProperty(HubApplication.COMMON_POOL_PARALLELISM)).isNull();
    }
}
