package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;
import org.eclipse.jetty.util.security.Credential;

/**
 * The built cticache.war deployed in a real Jetty 12 on a free loopback port, with a realm of test users and
 * settings given as context parameters through Jetty's override descriptor, as an administrator would.
 */
public final class Deployment implements AutoCloseable {

    /** The test realm's users; each one's password equals its name. */
    public static final String ADMIN = "username";
    public static final String WRITER = "writer";
    public static final String READER = "reader";
    public static final String MONITOR = "monitor";
    public static final String NO_ROLE = "norole";

    private final Server server;
    private final WebAppContext webapp;
    private final Path overrideDescriptor;

    private Deployment(Server server, WebAppContext webapp, Path overrideDescriptor) {
        this.server = server;
        this.webapp = webapp;
        this.overrideDescriptor = overrideDescriptor;
    }

    public static Builder of(RedisUnderTest redis) {
        Builder builder = new Builder();
        redis.cticacheSettings().forEach(builder::set);
        return builder;
    }

    public static Builder withoutRedis() {
        return new Builder();
    }

    public URI baseUri() {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return URI.create("http://127.0.0.1:" + port + "/cticache/");
    }

    public Api api() {
        return new Api(baseUri());
    }

    /** Whether the web application started; false when the deployment failed, e.g. on a bad setting. */
    public boolean isAvailable() {
        return webapp.isAvailable();
    }

    /** Why the web application did not start, or null. */
    public Throwable startupFailure() {
        return webapp.getUnavailableException();
    }

    /** Undeploys the web application while the container keeps running. */
    public void undeploy() {
        try {
            webapp.stop();
        } catch (Exception e) {
            throw new IllegalStateException("undeploy failed", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
            Files.deleteIfExists(overrideDescriptor);
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        }
    }

    /** Collects context parameters, then deploys. */
    public static final class Builder {

        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {
            parameters.put("cticache.dnis.pool", "5551234500-5551234599");
        }

        public Builder set(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public Builder unset(String name) {
            parameters.remove(name);
            return this;
        }

        public Deployment start() {
            Path override = overrideDescriptor(parameters);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);

            WebAppContext webapp = new WebAppContext();
            webapp.setContextPath("/cticache");
            webapp.setWar(Targets.war().toString());
            // In a real container the application's libraries exist only inside the WAR. Here the test
            // classpath holds copies too (Jersey, Jackson, Jedis); hiding them makes the webapp load its own,
            // as in production, instead of mixing the two.
            webapp.addHiddenClassMatcher(new ClassMatcher(packagesInside(Targets.war())));
            webapp.addOverrideDescriptor(override.toString());
            webapp.setThrowUnavailableOnStartupException(false);
            webapp.getSecurityHandler().setLoginService(realm());
            server.setHandler(webapp);
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty did not start", e);
            }
            return new Deployment(server, webapp, override);
        }

        /** The top two levels of every package the WAR carries, such as "org.glassfish." and "redis.clients.". */
        private static String[] packagesInside(Path war) {
            Set<String> packages = new TreeSet<>();
            try (ZipInputStream outer = new ZipInputStream(Files.newInputStream(war))) {
                for (ZipEntry entry; (entry = outer.getNextEntry()) != null; ) {
                    if (entry.getName().startsWith("WEB-INF/lib/") && entry.getName().endsWith(".jar")) {
                        ZipInputStream inner = new ZipInputStream(outer);
                        for (ZipEntry member; (member = inner.getNextEntry()) != null; ) {
                            addPackage(member.getName(), packages);
                        }
                    } else if (entry.getName().startsWith("WEB-INF/classes/")) {
                        addPackage(entry.getName().substring("WEB-INF/classes/".length()), packages);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return packages.toArray(String[]::new);
        }

        private static void addPackage(String path, Set<String> packages) {
            if (!path.endsWith(".class") || path.startsWith("META-INF/")) {
                return;
            }
            String[] parts = path.split("/");
            if (parts.length > 2) {
                packages.add(parts[0] + "." + parts[1] + ".");
            } else if (parts.length == 2) {
                packages.add(parts[0] + ".");
            }
        }

        private static HashLoginService realm() {
            UserStore users = new UserStore();
            users.addUser(ADMIN, Credential.getCredential("password"), new String[] {"cticache"});
            users.addUser(WRITER, Credential.getCredential(WRITER), new String[] {"cticache-writer"});
            users.addUser(READER, Credential.getCredential(READER), new String[] {"cticache-reader"});
            users.addUser(MONITOR, Credential.getCredential(MONITOR), new String[] {"cticache-monitor"});
            users.addUser(NO_ROLE, Credential.getCredential(NO_ROLE), new String[] {"manager-gui"});
            HashLoginService realm = new HashLoginService("cticache");
            realm.setUserStore(users);
            return realm;
        }

        private static Path overrideDescriptor(Map<String, String> parameters) {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
            parameters.forEach((name, value) -> xml.append("  <context-param><param-name>").append(name)
                    .append("</param-name><param-value>").append(value.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</param-value></context-param>\n"));
            xml.append("</web-app>\n");
            try {
                Path file = Files.createTempFile("cticache-override-", ".xml");
                Files.writeString(file, xml);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
