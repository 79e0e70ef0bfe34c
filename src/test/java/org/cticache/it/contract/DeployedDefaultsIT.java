package org.cticache.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cticache.testing.Api;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.Planted;
import org.cticache.testing.RedisUnderTest;
import org.cticache.testing.SharedDeployment;
import org.cticache.testing.StandaloneContainer;
import org.cticache.testing.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The safe defaults of the deploy guides hold in the stock containers that the guides' commands set up: no answer
 * names the server, every file with a secret is for the container's user only, no process listing shows the Redis
 * password, and the guide's own monitoring user reads the metrics.
 */
@ExtendWith(SharedDeployment.class)
class DeployedDefaultsIT {

    /** Modes that let only the owner write and nobody but the owner and its group read. */
    private static final Set<PosixFilePermission> ALLOWED = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);

    @Test
    void noAnswerNamesTheServerOrItsVersion(Target target) {
        assumeStandalone(target);
        Api api = target.api();
        String ani = Numbers.uniqueAni();
        List<HttpResponse<String>> answers = List.of(
                api.health(),
                api.send(api.request("DNIS-ANI").header("Content-Type", "application/json").POST(
                        HttpRequest.BodyPublishers.ofString("{\"value\":\"v\",\"ani\":\"" + ani + "\"}")),
                        Deployment.ADMIN),
                api.send(api.request("DNIS-ANI/5551234500:" + Numbers.uniqueAni()).GET(), Deployment.ADMIN),
                api.send(api.request("DNIS-ANI/5551234500:" + ani).GET(), null),
                api.send(api.request("metrics").GET(), Deployment.NO_ROLE),
                api.sendAsIs(api.request("nosuch/..%2f").GET(), null),
                target.plainApi().health());
        for (HttpResponse<String> answer : answers) {
            assertFalse(answer.headers().firstValue("Server").isPresent(), () -> target.name() + " answered "
                    + answer.request().method() + " " + answer.uri() + " " + answer.statusCode() + " with Server: "
                    + answer.headers().firstValue("Server").orElseThrow());
            assertFalse(answer.headers().firstValue("X-Powered-By").isPresent(), answer.uri().toString());
        }
    }

    @Test
    void everyFileWithASecretIsForTheContainersUserOnly(Target target) throws IOException {
        assumeStandalone(target);
        List<Path> files = ((StandaloneContainer) target).secretFiles();
        assertFalse(files.isEmpty());
        String user = System.getProperty("user.name");
        for (Path file : files) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            assertTrue(ALLOWED.containsAll(mode), () -> file + " has mode " + mode);
            assertEquals(user, Files.getOwner(file).getName(), file + " belongs to the container's user");
        }
    }

    @Test
    void noProcessListingShowsTheRedisPassword(Target target, RedisUnderTest redis) {
        assumeStandalone(target);
        assertTrue(redis.cticacheSettings().get("cticache.redis.uri").contains(Planted.REDIS_PASSWORD),
                "this run's Redis requires the planted password");
        String listing = ((StandaloneContainer) target).processListing();
        assertTrue(listing.contains("java"), listing);
        assertFalse(listing.contains(Planted.REDIS_PASSWORD), () -> target.name() + "'s command line or environment"
                + " holds the Redis password");
    }

    @Test
    void theGuidesMonitoringUserReadsMetricsAndPoolsAndNothingElse(Target target) {
        assumeStandalone(target);
        Api api = target.api();
        String monitor = StandaloneContainer.guideMonitor();
        HttpResponse<String> metrics = api.send(api.request("metrics").GET(), monitor);
        assertEquals(200, metrics.statusCode(), metrics.body());
        HttpResponse<String> pools = api.send(api.request("pools").GET(), monitor);
        assertEquals(200, pools.statusCode(), pools.body());
        HttpResponse<String> read = api.send(api.request("DNIS-ANI/5551234500:" + Numbers.uniqueAni()).GET(),
                monitor);
        assertEquals(403, read.statusCode(), read.body());
    }

    /** The embedded Jetty is the tests' own server, not one a guide set up. */
    private static void assumeStandalone(Target target) {
        assumeTrue(target instanceof StandaloneContainer, target.name() + " is not set up by a deploy guide");
    }
}
