package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * cticache.war in a stock Tomcat or Jetty, every cticache setting given one documented way ({@link SettingWay}) and
 * no other. The rest of the base is the least that serves the WAR: a connector on a free loopback port, a realm
 * with the test users, and a pretend TLS-terminating proxy ({@code X-Forwarded-Proto: https} on every call of
 * {@link #api()}), so that cticache.tls.required can be on. The deploy guides' own bases are the contract tests'
 * (StandaloneTomcat, StandaloneJetty); this one isolates the settings' ways, so a setting cannot arrive by another.
 */
public final class SettingsDeployment implements AutoCloseable {

    private static final String PROXY_HEADER = "X-Forwarded-Proto";
    /** Where the settings of the Jetty guide's context XML begin; the rest of it up to there is the realm binding. */
    private static final String GUIDE_SETTINGS_START = "  <Set name=\"overrideDescriptor\">";

    private final ContainerProcess process;
    private final Api api;
    private final Api plainApi;

    private SettingsDeployment(ContainerProcess process, Api api, Api plainApi) {
        this.process = process;
        this.api = api;
        this.plainApi = plainApi;
    }

    /** Starts the container with the WAR, and waits until cticache answers /health. */
    public static SettingsDeployment start(SettingWay way, Map<String, String> settings) {
        String home = System.getProperty(way.container().homeProperty);
        if (home == null) {
            throw new IllegalStateException("system property " + way.container().homeProperty
                    + " is not set; run through mvn verify");
        }
        int port = Workspace.freePort();
        try {
            Path base = fresh(way.name().toLowerCase(Locale.ROOT));
            ContainerProcess process = way.container() == SettingWay.Container.TOMCAT
                    ? tomcat(Path.of(home), base, port, way, settings)
                    : jetty(Path.of(home), base, port, way, settings);
            URI root = URI.create("http://127.0.0.1:" + port + "/cticache/");
            process.awaitHealthy(root.resolve("health"), Api.client(null));
            return new SettingsDeployment(process, new Api(root, Api.client(null), Map.of(PROXY_HEADER, "https")),
                    new Api(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The way clients reach the service: through the pretend TLS-terminating proxy. */
    public Api api() {
        return api;
    }

    /** Plain HTTP, straight to the container. */
    public Api plainApi() {
        return plainApi;
    }

    /** The console, where both containers' stock logging puts cticache's log lines. */
    public String log() {
        return process.console();
    }

    @Override
    public void close() {
        process.close();
    }

    private static ContainerProcess tomcat(Path home, Path base, int port, SettingWay way,
                                           Map<String, String> settings) throws IOException {
        for (String directory : List.of("conf/Catalina/localhost", "logs", "temp", "webapps", "work")) {
            Files.createDirectories(base.resolve(directory));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        String server = Files.readString(serverXml);
        String stockConnector = "<Connector port=\"8080\"";
        if (!server.contains(stockConnector) || !server.contains("<Server port=\"8005\"")) {
            throw new IllegalStateException("the stock server.xml has changed: " + serverXml);
        }
        Files.writeString(serverXml, server.replace("<Server port=\"8005\"", "<Server port=\"-1\"")
                .replace(stockConnector, "<Connector address=\"127.0.0.1\" port=\"" + port + "\""));
        // The stock UserDatabaseRealm reads conf/tomcat-users.xml, passwords in clear.
        StringBuilder users = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tomcat-users>\n");
        testUsers().forEach((user, role) -> users.append("  <user username=\"").append(user).append("\" password=\"")
                .append(password(user)).append("\" roles=\"").append(role).append("\"/>\n"));
        Files.writeString(base.resolve("conf/tomcat-users.xml"), users.append("</tomcat-users>\n"));

        StringBuilder context = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Context>\n"
                + "  <Valve className=\"org.apache.catalina.valves.RemoteIpValve\" protocolHeader=\""
                + PROXY_HEADER + "\"/>\n");
        if (way == SettingWay.TOMCAT_PARAMETER || way == SettingWay.TOMCAT_PARAMETER_NO_OVERRIDE) {
            String override = way == SettingWay.TOMCAT_PARAMETER_NO_OVERRIDE ? " override=\"false\"" : "";
            settings.forEach((name, value) -> context.append("  <Parameter name=\"").append(xml(name))
                    .append("\" value=\"").append(xml(value)).append("\"").append(override).append("/>\n"));
        }
        Files.writeString(base.resolve("conf/Catalina/localhost/cticache.xml"), context.append("</Context>\n"));
        Files.copy(Targets.war(), base.resolve("webapps/cticache.war"));

        Map<String, String> environment = new HashMap<>(Map.of("CATALINA_HOME", home.toString(),
                "CATALINA_BASE", base.toString(), "JAVA_HOME", System.getProperty("java.home")));
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        if (way == SettingWay.TOMCAT_SYSTEM_PROPERTY) {
            // catalina.sh expands CATALINA_OPTS unquoted: the values must hold no blank, as these do not.
            settings.forEach((name, value) -> options.add("-D" + name + "=" + value));
        }
        environment.put("CATALINA_OPTS", String.join(" ", options));
        if (way == SettingWay.TOMCAT_ENVIRONMENT) {
            settings.forEach((name, value) -> environment.put(environmentName(name), value));
        }
        return ContainerProcess.start(List.of("bash", home.resolve("bin/catalina.sh").toString(), "run"), base,
                environment, base.resolve("logs/console.log"));
    }

    private static ContainerProcess jetty(Path home, Path base, int port, SettingWay way,
                                          Map<String, String> settings) throws IOException {
        Files.createDirectories(base.resolve("start.d"));
        Files.createDirectories(base.resolve("webapps"));
        Files.createDirectories(base.resolve("etc"));
        Files.writeString(base.resolve("start.d/http.ini"), "--module=http\njetty.http.host=127.0.0.1\n"
                + "jetty.http.port=" + port + "\n");
        Files.writeString(base.resolve("start.d/ee10-deploy.ini"), "--module=ee10-deploy\n");
        Files.writeString(base.resolve("start.d/forwarded.ini"), "--module=forwarded\n");
        StringBuilder realm = new StringBuilder();
        testUsers().forEach((user, role) -> realm.append(user).append(": ").append(password(user)).append(',')
                .append(role).append('\n'));
        Files.writeString(base.resolve("etc/cticache-realm.properties"), realm);

        // The guide's context XML with its realm binding, but without the guide's own settings: this base gives
        // each setting one way only.
        String guide = Files.readString(DeployFiles.ROOT.resolve("jetty/webapps/cticache.xml"));
        int settingsStart = guide.indexOf(GUIDE_SETTINGS_START);
        if (settingsStart < 0) {
            throw new IllegalStateException("the Jetty guide's context XML no longer sets " + GUIDE_SETTINGS_START);
        }
        StringBuilder context = new StringBuilder(guide.substring(0, settingsStart));
        if (way == SettingWay.JETTY_CONTEXT_XML) {
            settings.forEach((name, value) -> context.append("  <Call name=\"setInitParameter\"><Arg>")
                    .append(xml(name)).append("</Arg><Arg>").append(xml(value)).append("</Arg></Call>\n"));
        }
        if (way == SettingWay.JETTY_OVERRIDE_DESCRIPTOR) {
            StringBuilder descriptor = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
            settings.forEach((name, value) -> descriptor.append("  <context-param><param-name>").append(xml(name))
                    .append("</param-name><param-value>").append(xml(value))
                    .append("</param-value></context-param>\n"));
            Files.writeString(base.resolve("etc/cticache-override-web.xml"), descriptor.append("</web-app>\n"));
            context.append("  <Set name=\"overrideDescriptor\"><Property name=\"jetty.base\"/>"
                    + "/etc/cticache-override-web.xml</Set>\n");
        }
        Files.writeString(base.resolve("webapps/cticache.xml"), context.append("</Configure>\n"));
        Files.copy(Targets.war(), base.resolve("webapps/cticache.war"));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        if (way == SettingWay.JETTY_SYSTEM_PROPERTY) {
            settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        }
        command.addAll(List.of("-jar", home.resolve("start.jar").toString()));
        Map<String, String> environment = new HashMap<>();
        if (way == SettingWay.JETTY_ENVIRONMENT) {
            settings.forEach((name, value) -> environment.put(environmentName(name), value));
        }
        return ContainerProcess.start(command, base, environment, base.resolve("console.log"));
    }

    /**
     * A base directory under target/settings-run, kept for a post-mortem; not under containers-run, whose logs the
     * log test expects to hold the contract tests' audit lines.
     */
    private static Path fresh(String name) throws IOException {
        Path directory = Targets.war().getParent().resolve("settings-run").resolve(name);
        if (Files.exists(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(directory);
    }

    /** The environment variable of a setting, as docs/operations.md names it. */
    public static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> testUsers() {
        return Map.of(Deployment.ADMIN, "cticache", Deployment.MONITOR, "cticache-monitor");
    }

    private static String password(String user) {
        return user.equals(Deployment.ADMIN) ? "password" : user;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
