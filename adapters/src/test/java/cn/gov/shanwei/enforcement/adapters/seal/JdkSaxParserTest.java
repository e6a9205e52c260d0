package cn.gov.shanwei.enforcement.adapters.seal;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.SAXParserFactory;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class JdkSaxParserTest {

    @Test
    void readingOfdNamesTheJdkFactory_whichIsTheOneJaxpWouldFindAnyway() throws Exception {
        Class.forName(OfficialDocumentOfdWriter.class.getName(), true, getClass().getClassLoader());

        assertThat(System.getProperty(JdkSaxParser.PROPERTY)).isEqualTo(JdkSaxParser.JDK_FACTORY);
        assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(JdkSaxParser.JDK_FACTORY);
        assertThat(SAXParserFactory.newDefaultInstance().getClass()).isEqualTo(SAXParserFactory.newInstance().getClass());
    }

    @Test
    void aFactoryNamedAtStartUpIsKept() {
        Properties started = new Properties();
        started.setProperty(JdkSaxParser.PROPERTY, "org.example.OtherFactory");

        JdkSaxParser.nameUnlessSet(started);

        assertThat(started.getProperty(JdkSaxParser.PROPERTY)).isEqualTo("org.example.OtherFactory");
    }

    @Test
    void noneNamed_theJdksIsNamed() {
        Properties started = new Properties();

        JdkSaxParser.nameUnlessSet(started);

        assertThat(started.getProperty(JdkSaxParser.PROPERTY)).isEqualTo(JdkSaxParser.JDK_FACTORY);
    }
}
