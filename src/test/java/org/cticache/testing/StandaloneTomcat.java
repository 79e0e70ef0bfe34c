package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A stock Apache Tomcat from its distribution, set up the way docs/deploy-tomcat.md tells an administrator:
 * its own CATALINA_BASE with the guide's server.xml (one pool of 8 request threads for every connector, a realm
 * that keeps one salted SHA-256 hash per user in tomcat-users.xml), settings through setenv.sh (system
 * properties), an environment variable and {@code <Parameter>}s in conf/Catalina/localhost/cticache.xml, an
 * access log that leaves cticache's audited calls to the audit log, which has a file of its own, the WAR in
 * webapps/, started with {@code catalina.sh run}. With {@code tls}, it also has an HTTPS connector
 * and runs with cticache.tls.required on.
 */
public final class StandaloneTomcat extends StandaloneContainer {

    /** The user of the manager application's text interface, for redeploys. */
    private static final String DEPLOYER = "deployer";

    private final Path base;
    private final int httpPort;

    private StandaloneTomcat(String name, Path base, ContainerProcess process, int httpPort, Api api, Api plainApi,
                             boolean tls) {
        super(name, process, api, plainApi, tls);
        this.base = base;
        this.httpPort = httpPort;
    }

    static StandaloneTomcat start(String name, Path home, TestRedis redis, boolean tls) {
        Path base = Workspace.fresh(name);
        try {
            for (String directory : List.of("bin", "conf/Catalina/localhost", "logs", "temp", "webapps", "work",
                    "staging")) {
                Files.createDirectories(base.resolve(directory));
            }
            try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
                for (Path file : conf.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
                }
            }
            copyTree(home.resolve("webapps/manager"), base.resolve("webapps/manager"));
            routeAuditLogToItsOwnFile(base.resolve("conf/logging.properties"));

            int httpPort = Workspace.freePort();
            int httpsPort = Workspace.freePort();
            Path keystore = tls ? Keystores.create(base.resolve("conf")) : null;
            Files.writeString(base.resolve("conf/server.xml"), serverXml(httpPort, httpsPort, keystore));
            Files.writeString(base.resolve("conf/tomcat-users.xml"), tomcatUsers(home));
            Files.writeString(base.resolve("bin/setenv.sh"), "CATALINA_OPTS=\"-Xms512m -Xmx512m -XX:+UseParallelGC\"\n"
                    + "CATALINA_OPTS=\"$CATALINA_OPTS"
                    + " -Dcticache.redis.uri=" + redis.uri() + " -Dcticache.tls.required=" + tls + "\"\n");
            String context = contextXml();
            Files.writeString(base.resolve("conf/Catalina/localhost/cticache.xml"), context);
            Files.writeString(base.resolve("staging/cticache.xml"), context);
            Files.copy(Targets.war(), base.resolve("webapps/cticache.war"));
            Files.copy(Targets.war(), base.resolve("staging/cticache.war"));

            Map<String, String> environment = new HashMap<>();
            environment.put("CATALINA_HOME", home.toString());
            environment.put("CATALINA_BASE", base.toString());
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("CTICACHE_DNIS_POOL_SMALL", ContractSettings.SMALL_POOL);
            ContainerProcess process = ContainerProcess.start(
                    List.of("bash", home.resolve("bin/catalina.sh").toString(), "run"), base, environment,
                    base.resolve("logs/console.log"));

            Api plain = new Api(URI.create("http://127.0.0.1:" + httpPort + "/cticache/"));
            Api api = tls ? new Api(URI.create("https://127.0.0.1:" + httpsPort + "/cticache/"),
                    Api.client(Keystores.trusting(keystore)), Map.of()) : plain;
            process.awaitHealthy(api.base().resolve("health"), Api.client(tls ? Keystores.trusting(keystore) : null));
            return new StandaloneTomcat(name, base, process, httpPort, api, plain, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit log in logs/cticache-audit.<date>.log, as docs/deploy-tomcat.md section 7 shows. */
    private static void routeAuditLogToItsOwnFile(Path loggingProperties) throws IOException {
        String handler = "5cticache-audit.org.apache.juli.FileHandler";
        String stock = Files.readString(loggingProperties);
        Files.writeString(loggingProperties, stock.replaceFirst("(?m)^handlers = (.*), java.util.logging.ConsoleHandler$",
                "handlers = $1, " + handler + ", java.util.logging.ConsoleHandler") + """

                %1$s.level = INFO
                %1$s.directory = ${catalina.base}/logs
                %1$s.prefix = cticache-audit.
                %1$s.maxDays = 90
                %1$s.encoding = UTF-8
                %1$s.bufferSize = 0

                org.cticache.audit.level = INFO
                org.cticache.audit.handlers = %1$s
                org.cticache.audit.useParentHandlers = false
                """.formatted(handler));
    }

    /** The server.xml of docs/deploy-tomcat.md sections 2 and 5a, its connectors bound to 127.0.0.1 on free ports. */
    private static String serverXml(int httpPort, int httpsPort, Path keystore) {
        String https = keystore == null ? "" : """
                    <Connector address="127.0.0.1" port="%d" protocol="org.apache.coyote.http11.Http11NioProtocol"
                               SSLEnabled="true" executor="tomcatThreadPool">
                      <SSLHostConfig>
                        <Certificate certificateKeystoreFile="%s" certificateKeystorePassword="%s" type="RSA"/>
                      </SSLHostConfig>
                    </Connector>
                """.formatted(httpsPort, keystore, Keystores.PASSWORD);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server port="-1" shutdown="SHUTDOWN">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Listener className="org.apache.catalina.core.AprLifecycleListener"/>
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.mbeans.GlobalResourcesLifecycleListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <GlobalNamingResources>
                    <Resource name="UserDatabase" auth="Container" type="org.apache.catalina.UserDatabase"
                              factory="org.apache.catalina.users.MemoryUserDatabaseFactory"
                              pathname="conf/tomcat-users.xml"/>
                  </GlobalNamingResources>
                  <Service name="Catalina">
                    <!-- request threads: 4 per core; this file is for 2 cores -->
                    <Executor name="tomcatThreadPool" maxThreads="8" minSpareThreads="8"/>
                    <Connector address="127.0.0.1" port="%d" protocol="HTTP/1.1" connectionTimeout="20000"
                               executor="tomcatThreadPool"/>
                %s    <Engine name="Catalina" defaultHost="localhost">
                      <Realm className="org.apache.catalina.realm.LockOutRealm">
                        <Realm className="org.apache.catalina.realm.UserDatabaseRealm" resourceName="UserDatabase">
                          <CredentialHandler className="org.apache.catalina.realm.MessageDigestCredentialHandler"
                                             algorithm="SHA-256" iterations="1" saltLength="16"/>
                        </Realm>
                      </Realm>
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="false">
                        <Valve className="org.apache.catalina.valves.AccessLogValve" directory="logs"
                               prefix="localhost_access_log" suffix=".txt" pattern="common"
                               conditionUnless="org.cticache.audited"/>
                      </Host>
                    </Engine>
                  </Service>
                </Server>
                """.formatted(httpPort, https);
    }

    private static String tomcatUsers(Path home) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(Deployment.ADMIN, "cticache");
        roles.put(Deployment.WRITER, "cticache-writer");
        roles.put(Deployment.READER, "cticache-reader");
        roles.put(Deployment.MONITOR, "cticache-monitor");
        roles.put(Deployment.NO_ROLE, "other");
        roles.put(DEPLOYER, "manager-script");
        Map<String, String> hashes = PasswordHashes.tomcat(home,
                roles.keySet().stream().map(StandaloneTomcat::password).toList());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tomcat-users>\n");
        for (String role : List.of("cticache", "cticache-writer", "cticache-reader", "cticache-monitor", "other",
                "manager-script")) {
            xml.append("  <role rolename=\"").append(role).append("\"/>\n");
        }
        roles.forEach((user, role) -> xml.append("  <user username=\"").append(user).append("\" password=\"")
                .append(hashes.get(password(user))).append("\" roles=\"").append(role).append("\"/>\n"));
        return xml.append("</tomcat-users>\n").toString();
    }

    private static String password(String user) {
        return user.equals(Deployment.ADMIN) ? "password" : user;
    }

    private static String contextXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Context>
                  <Parameter name="cticache.dnis.pool" value="%s"/>
                  <Parameter name="cticache.dnis.pool.intl" value="%s"/>
                  <Parameter name="cticache.ttl.default" value="%d" override="false"/>
                </Context>
                """.formatted(ContractSettings.DEFAULT_POOL, ContractSettings.INTL_POOL,
                ContractSettings.TTL_DEFAULT);
    }

    /** Calls the manager application's text interface, e.g. {@code reload?path=/cticache}; returns its answer. */
    public String manager(String command) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort + "/manager/text/" + command))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((DEPLOYER + ":" + DEPLOYER).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).build();
        try {
            return Api.client(null).send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL-encoded file: URLs of the staged WAR and context file, for a manager deploy. */
    public String stagedDeployParameters() {
        return "config=" + base.resolve("staging/cticache.xml").toUri() + "&war="
                + base.resolve("staging/cticache.war").toUri();
    }

    /** All that Tomcat logged so far: console and the per-host log, where leak warnings go. */
    @Override
    public String log() {
        StringBuilder log = new StringBuilder(process().console());
        try (Stream<Path> logs = Files.list(base.resolve("logs"))) {
            for (Path file : logs.filter(path -> path.getFileName().toString().startsWith("localhost.")).toList()) {
                log.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
