package org.cticache.testing;

/**
 * One documented way to give cticache its settings, in the container it applies to: docs/operations.md's
 * "Where settings come from", and the deploy guides.
 */
public enum SettingWay {

    TOMCAT_SYSTEM_PROPERTY(Container.TOMCAT, "system properties"),
    TOMCAT_ENVIRONMENT(Container.TOMCAT, "environment"),
    /** {@code <Parameter name=".." value=".."/>} in conf/Catalina/localhost/cticache.xml. */
    TOMCAT_PARAMETER(Container.TOMCAT, "context parameters"),
    /** The same with {@code override="false"}. */
    TOMCAT_PARAMETER_NO_OVERRIDE(Container.TOMCAT, "context parameters"),
    JETTY_SYSTEM_PROPERTY(Container.JETTY, "system properties"),
    JETTY_ENVIRONMENT(Container.JETTY, "environment"),
    /** {@code <Call name="setInitParameter">} in the context XML, webapps/cticache.xml. */
    JETTY_CONTEXT_XML(Container.JETTY, "context parameters"),
    /** {@code <context-param>} in an override descriptor the context XML names. */
    JETTY_OVERRIDE_DESCRIPTOR(Container.JETTY, "context parameters");

    /** The stock containers, each from the home a system property names. */
    public enum Container {
        TOMCAT("test.tomcat.home"), JETTY("test.jetty.home");

        final String homeProperty;

        Container(String homeProperty) {
            this.homeProperty = homeProperty;
        }
    }

    private final Container container;
    private final String startUpWord;

    SettingWay(Container container, String startUpWord) {
        this.container = container;
        this.startUpWord = startUpWord;
    }

    public Container container() {
        return container;
    }

    /** How cticache's start-up line calls this way: {@code settings given as system properties ...}. */
    public String startUpWord() {
        return startUpWord;
    }

    /** Whether the setting reaches cticache under its environment variable's name. */
    public boolean isEnvironment() {
        return this == TOMCAT_ENVIRONMENT || this == JETTY_ENVIRONMENT;
    }
}
