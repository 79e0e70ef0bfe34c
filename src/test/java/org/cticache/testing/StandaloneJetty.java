package org.cticache.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.security.Credential;

/**
 * A stock Jetty 12 from jetty-home, set up the way docs/deploy-jetty.md tells an administrator: a jetty-base with
 * the ee10-deploy, http, forwarded and requestlog modules (the request log leaves cticache's calls to its audit
 * log, which has a file of its own) and 8 request threads, the WAR with a context XML that binds a
 * HashLoginService named cticache, whose users have {@code MD5:} passwords, and sets the settings (an init
 * parameter, and an override descriptor for those web.xml declares), plus a system property and an environment
 * variable. It stands behind a pretend TLS-terminating load balancer: cticache.tls.required is on, and the tests'
 * requests carry {@code X-Forwarded-Proto: https}, which the forwarded module turns into a secure request.
 */
final class StandaloneJetty extends StandaloneContainer {

    private StandaloneJetty(String name, ContainerProcess process, Api api, Api plainApi) {
        super(name, process, api, plainApi, true);
    }

    static StandaloneJetty start(String name, Path home, TestRedis redis) {
        Path base = Workspace.fresh(name);
        int port = Workspace.freePort();
        try {
            Files.createDirectories(base.resolve("webapps"));
            Files.createDirectories(base.resolve("etc"));
            // What --add-modules=requestlog creates; the request log does not start without it.
            Files.createDirectories(base.resolve("logs"));
            Files.writeString(base.resolve("start.ini"), String.join("\n",
                    "--module=http", "--module=ee10-deploy", "--module=forwarded", "--module=requestlog",
                    "jetty.http.host=127.0.0.1", "jetty.http.port=" + port,
                    "jetty.threadPool.minThreads=8", "jetty.threadPool.maxThreads=8",
                    "etc/cticache-requestlog.xml", ""));
            Files.writeString(base.resolve("etc/cticache-requestlog.xml"), REQUEST_LOG_XML);
            Files.writeString(base.resolve("etc/cticache-logging.properties"), LOGGING_PROPERTIES);
            Files.copy(Targets.war(), base.resolve("webapps/cticache.war"));
            Files.writeString(base.resolve("webapps/cticache.xml"), CONTEXT_XML);
            Files.writeString(base.resolve("etc/cticache-realm.properties"), realm());
            Files.writeString(base.resolve("etc/cticache-override-web.xml"), overrideDescriptor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContainerProcess process = ContainerProcess.start(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms512m", "-Xmx512m", "-XX:+UseParallelGC",
                        "-Dcticache.redis.uri=" + redis.uri(), "-Dcticache.tls.required=true",
                        "-Djava.util.logging.config.file=etc/cticache-logging.properties",
                        "-jar", home.resolve("start.jar").toString()),
                base, Map.of("CTICACHE_DNIS_POOL_SMALL", ContractSettings.SMALL_POOL), base.resolve("console.log"));
        URI root = URI.create("http://127.0.0.1:" + port + "/cticache/");
        process.awaitHealthy(root.resolve("health"), Api.client(null));
        return new StandaloneJetty(name, process,
                new Api(root, Api.client(null), Map.of("X-Forwarded-Proto", "https")), new Api(root));
    }

    /** The console, where Jetty and cticache log all but the audit log. */
    @Override
    public String log() {
        return process().console();
    }

    /** The audit log in logs/cticache-audit.0.log, everything else on the console. */
    private static final String LOGGING_PROPERTIES = """
            handlers = java.util.logging.ConsoleHandler
            java.util.logging.ConsoleHandler.level = INFO
            org.cticache.audit.handlers = java.util.logging.FileHandler
            org.cticache.audit.useParentHandlers = false
            java.util.logging.FileHandler.pattern = logs/cticache-audit.%g.log
            java.util.logging.FileHandler.limit = 50000000
            java.util.logging.FileHandler.count = 10
            java.util.logging.FileHandler.append = true
            java.util.logging.FileHandler.formatter = java.util.logging.SimpleFormatter
            java.util.logging.SimpleFormatter.format = %4$s %3$s %5$s%6$s%n
            """;

    private static final String REQUEST_LOG_XML = """
            <?xml version="1.0"?>
            <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
            <Configure id="Server" class="org.eclipse.jetty.server.Server">
              <Ref refid="RequestLog">
                <Set name="ignorePaths">
                  <Array type="String">
                    <Item>/cticache/*</Item>
                  </Array>
                </Set>
              </Ref>
            </Configure>
            """;

    private static final String CONTEXT_XML = """
            <?xml version="1.0"?>
            <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
            <Configure class="org.eclipse.jetty.ee10.webapp.WebAppContext">
              <Set name="contextPath">/cticache</Set>
              <Set name="war"><Property name="jetty.webapps" default="."/>/cticache.war</Set>
              <Call class="org.eclipse.jetty.util.resource.ResourceFactory" name="root">
                <Call id="cticacheRealm" name="newResource">
                  <Arg><Property name="jetty.base"/>/etc/cticache-realm.properties</Arg>
                </Call>
              </Call>
              <Call name="getSecurityHandler">
                <Set name="loginService">
                  <New class="org.eclipse.jetty.security.HashLoginService">
                    <Set name="name">cticache</Set>
                    <Set name="config"><Ref refid="cticacheRealm"/></Set>
                  </New>
                </Set>
              </Call>
              <Set name="overrideDescriptor"><Property name="jetty.base"/>/etc/cticache-override-web.xml</Set>
              <Call name="setInitParameter">
                <Arg>cticache.dnis.pool.intl</Arg>
                <Arg>%s</Arg>
              </Call>
            </Configure>
            """.formatted(ContractSettings.INTL_POOL);

    /** Every password in the {@code MD5:} form that Jetty's password tool prints, as docs/deploy-jetty.md says. */
    private static String realm() {
        return Deployment.ADMIN + ": " + Credential.MD5.digest("password") + ",cticache\n"
                + Deployment.WRITER + ": " + Credential.MD5.digest(Deployment.WRITER) + ",cticache-writer\n"
                + Deployment.READER + ": " + Credential.MD5.digest(Deployment.READER) + ",cticache-reader\n"
                + Deployment.MONITOR + ": " + Credential.MD5.digest(Deployment.MONITOR) + ",cticache-monitor\n"
                + Deployment.NO_ROLE + ": " + Credential.MD5.digest(Deployment.NO_ROLE) + ",other\n";
    }

    private static String overrideDescriptor() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>cticache.dnis.pool</param-name><param-value>%s</param-value>
                  </context-param>
                  <context-param>
                    <param-name>cticache.ttl.default</param-name><param-value>%d</param-value>
                  </context-param>
                </web-app>
                """.formatted(ContractSettings.DEFAULT_POOL, ContractSettings.TTL_DEFAULT);
    }
}
