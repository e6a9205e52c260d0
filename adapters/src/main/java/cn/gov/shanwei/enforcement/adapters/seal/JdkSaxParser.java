package cn.gov.shanwei.enforcement.adapters.seal;

import java.util.Properties;

/**
 * Names the JDK's own SAX parser factory for JAXP, unless the JVM was started with another. ofdrw reads each part of an
 * OFD package through dom4j, which asks JAXP for a new {@code SAXParserFactory} on every read; with no factory named,
 * JAXP searches {@code META-INF/services} of every jar on the class path each time (the hub has about 280) before it
 * falls back to the JDK's parser, which is the one it finds, as no jar the hub ships offers another. That search was
 * about 3 % of the CPU a complete case costs (docs/benchmarks.md, issue 7). Naming the factory skips the search and
 * changes nothing else; a {@code -Djavax.xml.parsers.SAXParserFactory=…} given at start-up still wins.
 */
final class JdkSaxParser {

    static final String PROPERTY = "javax.xml.parsers.SAXParserFactory";
    static final String JDK_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl";

    static {
        nameUnlessSet(System.getProperties());
    }

    private JdkSaxParser() {
    }

    /** Loads this class, which names the factory once per JVM; called by each class that reads OFD packages. */
    static void ensureNamed() {
        // the static initialiser above does the work
    }

    /** Names the JDK's factory in {@code properties} unless one is named there already. */
    static void nameUnlessSet(Properties properties) {
        properties.putIfAbsent(PROPERTY, JDK_FACTORY);
    }
}
