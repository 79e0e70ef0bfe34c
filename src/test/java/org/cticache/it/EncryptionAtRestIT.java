package org.cticache.it;

import static org.awaitility.Awaitility.await;
import static org.cticache.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.IdempotencyKey;
import org.cticache.crypto.ValueCipher;
import org.cticache.testing.Api;
import org.cticache.testing.DedicatedDeployment;
import org.cticache.testing.Deployment;
import org.cticache.testing.Numbers;
import org.cticache.testing.Planted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * With cticache.crypto.key, Redis holds call data only as ciphertext, and what cannot be decrypted is a logged
 * 500, never garbage; checked by reading and altering Redis directly.
 */
class EncryptionAtRestIT {

    private static final String KEY = "cticache.crypto.key";
    private static final String PREVIOUS = "cticache.crypto.key.previous";
    private static final byte[] KEY_A = Base64.getDecoder().decode(Planted.CRYPTO_KEY);
    private static final byte[] KEY_B = randomKey();
    private static final String A = Base64.getEncoder().encodeToString(KEY_A);
    private static final String B = Base64.getEncoder().encodeToString(KEY_B);
    private static final String ACCOUNT = "4111222233334444";
    private static final String OBJECT = "{\"account\":\"" + ACCOUNT + "\",\"verified\":true,"
            + "\"name\":\"Jane Q. Caller\",\"balance\":1.10,\"note\":null}";
    private static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");

    // The embedded Jetty runs in this JVM and the service logs through java.util.logging, so a handler on the
    // package's logger sees what an administrator would find in the container's log. Installed before the
    // deployment starts, to see its start-up line too.
    private static final Logger SERVICE_LOG = Logger.getLogger("org.cticache");
    private static final List<String> LOG = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (LOG) {
                LOG.add(record.getLevel() + " " + record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    static {
        SERVICE_LOG.addHandler(CAPTURE);
    }

    @RegisterExtension
    static final DedicatedDeployment SERVICE = DedicatedDeployment.with(service -> service
            .set(KEY, "file:" + keyFile(A))
            .set("cticache.dnis.pool.rewriting", "5550000001-5550000003")
            .set("cticache.match.rewriting", "dnis")
            .set("cticache.dnis.pool.bydnis", "5550000011-5550000013")
            .set("cticache.match.bydnis", "dnis")
            .set("cticache.ani.anonymous", "anonymous,restricted"));

    private final Api api = SERVICE.api();

    @AfterAll
    static void stopCapturing() {
        SERVICE_LOG.removeHandler(CAPTURE);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[ValueCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A key file as a secrets mount provides it: the base64 text and a newline. */
    private static Path keyFile(String base64) {
        try {
            Path file = Files.createTempFile("cticache-", ".key");
            file.toFile().deleteOnExit();
            return Files.writeString(file, base64 + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UnifiedJedis redis() {
        return SERVICE.redis().data();
    }

    /**
     * The one Redis key whose name holds all these parts (an ANI and a DNIS, say), found by scanning, so that
     * this test does not depend on how keys are laid out.
     */
    private static String redisKey(String... parts) {
        List<String> keys = redis().keys("*" + parts[0] + "*").stream()
                .filter(key -> List.of(parts).stream().allMatch(key::contains)).toList();
        assertEquals(1, keys.size(), () -> "Redis keys with " + List.of(parts) + ": " + keys);
        return keys.get(0);
    }

    private static String stored(String... parts) {
        return redis().get(redisKey(parts));
    }

    /** The stored form with one bit of its ciphertext flipped, whatever envelope surrounds it. */
    private static String tampered(String stored) {
        int colon = stored.indexOf(':', stored.indexOf(ValueCipher.MARKER));
        byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
        sealed[sealed.length / 2] ^= 1;
        return stored.substring(0, colon + 1) + Base64.getEncoder().encodeToString(sealed);
    }

    private static void overwrite(String redisKey, String value) {
        redis().set(redisKey, value, SetParams.setParams().keepTtl());
    }

    private static void assertCiphertextOnly(String stored, String keyId, String... plaintext) {
        String sealed = stored.substring(Math.max(0, stored.indexOf(ValueCipher.MARKER)));
        assertTrue(sealed.matches("\u0001" + keyId + ":[A-Za-z0-9+/]+=*"), () -> "stored form " + stored);
        for (String fragment : plaintext) {
            assertFalse(stored.contains(fragment), () -> "'" + fragment + "' in clear in " + stored);
        }
    }

    private static String logged() {
        synchronized (LOG) {
            return String.join("\n", LOG);
        }
    }

    /** The log line of the reference that a 500's detail quotes. */
    private static String loggedUnder(HttpResponse<String> response) {
        assertProblem(response, 500, "the stored entry could not be read");
        Matcher reference = REFERENCE.matcher(Api.json(response).path("detail").asText());
        assertTrue(reference.find(), response.body());
        return List.of(logged().split("\n")).stream().filter(line -> line.contains(reference.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("reference " + reference.group(1) + " not logged:\n"
                        + logged()));
    }

    private static String key(HttpResponse<String> created, String ani) {
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created).path("dnis").asText() + ":" + ani;
    }

    private static HttpResponse<String> createWithIdempotencyKey(Api client, String ani, String idempotencyKey) {
        return client.send(client.request("DNIS-ANI").header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"12345678\",\"ani\":\"" + ani + "\"}")),
                Deployment.ADMIN);
    }

    @Test
    void redisHoldsOnlyCiphertextAndReadsGetTheExactValueBack() {
        String ani = Numbers.uniqueAni();
        String stringKey = key(api.create(ani, "\"12345678\""), ani);
        String objectKey = key(api.create(ani, OBJECT), ani);

        String keyId = ValueCipher.keyId(KEY_A);
        assertTrue(stored(ani, stringKey.split(":")[0]).startsWith("\u0001" + keyId + ":"));
        assertCiphertextOnly(stored(ani, stringKey.split(":")[0]), keyId, "12345678", "1234", "5678");
        assertCiphertextOnly(stored(ani, objectKey.split(":")[0]), keyId, ACCOUNT, "4111", "4444", "account",
                "verified", "Jane", "Caller", "1.10", "null");

        assertEquals("{\"value\":\"12345678\"}", api.get(stringKey).body());
        assertEquals("{\"value\":" + OBJECT + "}", api.get(objectKey).body());
        assertEquals("{\"value\":" + OBJECT + "}", api.delete(objectKey).body());
        assertProblem(api.get(objectKey), 404, objectKey);
    }

    @Test
    void aPoolMatchedByDnisKeepsTheCiphertextInsideItsEnvelope() {
        String ani = Numbers.uniqueAni();
        HttpResponse<String> created = api.create("{\"value\":" + OBJECT + ",\"ani\":\"" + ani
                + "\",\"pool\":\"rewriting\"}");
        String dnis = key(created, ani).split(":")[0];

        assertCiphertextOnly(stored("rewriting", dnis), ValueCipher.keyId(KEY_A), ACCOUNT, "Jane");
        assertEquals("{\"value\":" + OBJECT + "}", api.send(api.request("DNIS/" + dnis).GET(), Deployment.ADMIN)
                .body());
        assertEquals("{\"value\":" + OBJECT + "}", api.delete(dnis + ":" + ani).body());
    }

    @Test
    void aTamperedEntryAnswers500WithAReferenceTheLogExplainsAndATakeRemovesIt() {
        String ani = Numbers.uniqueAni();
        String key = key(api.create(ani, OBJECT), ani);
        String redisKey = redisKey(ani, key.split(":")[0]);
        overwrite(redisKey, tampered(redis().get(redisKey)));

        String line = loggedUnder(api.get(key));
        assertTrue(line.startsWith("SEVERE") && line.contains("authentication")
                && line.contains(ValueCipher.keyId(KEY_A)), line);
        assertFalse(line.contains(ani) || line.contains(ACCOUNT) || line.contains(A), line);
        assertTrue(line.contains(ani.substring(ani.length() - 4)), "the log names the entry: " + line);

        loggedUnder(api.delete(key));
        assertProblem(api.get(key), 404, key);
    }

    @Test
    void ciphertextCopiedIntoAnotherCallersEntryIsRefused() {
        String victim = Numbers.uniqueAni();
        String victimKey = key(api.create(victim, OBJECT), victim);
        String caller = Numbers.uniqueAni();
        String callerKey = key(api.create(caller, "\"mine\""), caller);

        overwrite(redisKey(caller, callerKey.split(":")[0]), stored(victim, victimKey.split(":")[0]));

        assertTrue(loggedUnder(api.get(callerKey)).contains("another entry"));
    }

    /** The stored form of {@code target} with the ciphertext of {@code source} in place of its own. */
    private static String withCiphertextOf(String source, String target) {
        return target.substring(0, target.indexOf(ValueCipher.MARKER)) + source.substring(source.indexOf(
                ValueCipher.MARKER));
    }

    private static String createMatchedByDnis(String pool, String ani, String valueJson) {
        return key(api().create("{\"value\":" + valueJson + ",\"ani\":\"" + ani + "\",\"pool\":\"" + pool + "\"}"),
                ani).split(":")[0];
    }

    private static Api api() {
        return SERVICE.api();
    }

    private HttpResponse<String> getByDnis(String dnis) {
        return api.send(api.request("DNIS/" + dnis).GET(), Deployment.ADMIN);
    }

    @Test
    void ciphertextCopiedToAnotherDnisOfTheSameCallerIsRefused() {
        String ani = Numbers.uniqueAni();
        String victimKey = key(api.create(ani, OBJECT), ani);
        String otherKey = key(api.create(ani, "\"mine\""), ani);

        overwrite(redisKey(ani, otherKey.split(":")[0]), stored(ani, victimKey.split(":")[0]));

        assertTrue(loggedUnder(api.get(otherKey)).contains("another entry"));
        assertEquals("{\"value\":" + OBJECT + "}", api.get(victimKey).body(), "the original still reads");
    }

    @Test
    void ciphertextCopiedIntoAnotherWithheldCallersEntryIsRefused() {
        String first = key(api.create("restricted", OBJECT), "anonymous");
        String second = key(api.create("anonymous", "\"mine\""), "anonymous");

        overwrite(redisKey("anonymous", second.split(":")[0]), stored("anonymous", first.split(":")[0]));

        assertTrue(loggedUnder(api.get(second)).contains("another entry"));
        api.delete(first);
    }

    @Test
    void ciphertextCopiedToAnotherDnisOfAPoolMatchedByDnisIsRefused() {
        String ani = Numbers.uniqueAni();
        String victim = createMatchedByDnis("bydnis", ani, OBJECT);
        String other = createMatchedByDnis("bydnis", ani, "\"mine\"");

        overwrite(redisKey("bydnis", other), stored("bydnis", victim));

        assertTrue(loggedUnder(getByDnis(other)).contains("another entry"));
        api.delete(victim + ":" + ani);
        api.delete(other + ":" + ani);
    }

    @Test
    void ciphertextCopiedIntoAnotherPoolsEntryIsRefused() {
        String ani = Numbers.uniqueAni();
        String byAni = key(api.create(ani, OBJECT), ani).split(":")[0];
        String byDnis = createMatchedByDnis("rewriting", ani, OBJECT);
        String otherByDnis = createMatchedByDnis("bydnis", ani, "\"mine\"");

        overwrite(redisKey("bydnis", otherByDnis), stored("rewriting", byDnis));
        assertTrue(loggedUnder(getByDnis(otherByDnis)).contains("another entry"), "from another pool by DNIS");
        String keyMatchedByDnis = redisKey("rewriting", byDnis);
        overwrite(keyMatchedByDnis, withCiphertextOf(stored(ani, byAni), redis().get(keyMatchedByDnis)));
        assertTrue(loggedUnder(getByDnis(byDnis)).contains("another entry"), "from a pool by DNIS and ANI");
        api.delete(otherByDnis + ":" + ani);
    }

    @Test
    void anAlteredAniBesideTheValueInAPoolMatchedByDnisIsRefused() {
        String ani = Numbers.uniqueAni();
        String other = Numbers.uniqueAni();
        String dnis = createMatchedByDnis("bydnis", ani, OBJECT);
        String redisKey = redisKey("bydnis", dnis);

        overwrite(redisKey, redis().get(redisKey).replace("\0" + ani + "\0", "\0" + other + "\0"));

        assertTrue(loggedUnder(api.get(dnis + ":" + other)).contains("another entry"),
                "the entry is not served to the ANI written beside it");
        assertTrue(loggedUnder(api.send(api.request("DNIS/" + dnis).DELETE(), Deployment.ADMIN))
                .contains("another entry"));
    }

    @Test
    void anExpiredEntryRevivedByAlteringItsEndOfLifeIsRefused() {
        try (Deployment coolingDown = Deployment.of(SERVICE.redis()).set(KEY, A)
                .set("cticache.dnis.pool.rewriting", "5550000021-5550000023").set("cticache.match.rewriting", "dnis")
                .set("cticache.dnis.cooldown", "60").start()) {
            Api client = coolingDown.api();
            String ani = Numbers.uniqueAni();
            HttpResponse<String> created = client.create("{\"value\":" + OBJECT + ",\"ani\":\"" + ani
                    + "\",\"pool\":\"rewriting\",\"ttl\":1}");
            String dnis = key(created, ani).split(":")[0];
            String redisKey = redisKey("rewriting", dnis);
            await("the entry to expire after its ttl of 1 s").atMost(Duration.ofSeconds(10))
                    .until(() -> client.get(dnis + ":" + ani).statusCode() == 404);

            String stored = redis().get(redisKey);
            String ends = stored.substring(1, stored.indexOf('\0', 1));
            overwrite(redisKey, stored.replace("\0" + ends + "\0", "\0" + (Long.parseLong(ends) + 3_600_000) + "\0"));

            assertTrue(loggedUnder(client.get(dnis + ":" + ani)).contains("another entry"));
        }
    }

    @Test
    void theIdempotencyFingerprintInRedisIsKeyedAndARetryStillGetsItsAllocation() {
        String ani = Numbers.uniqueAni();
        String idempotencyKey = UUID.randomUUID().toString();
        HttpResponse<String> first = createWithIdempotencyKey(api, ani, idempotencyKey);
        String plainFingerprint = IdempotencyKey.of(idempotencyKey, new Ani(ani), new CallData("\"12345678\""),
                "default", 60).fingerprint();

        String record = stored(ani, idempotencyKey);
        assertFalse(record.contains(plainFingerprint), record);
        assertEquals(first.body(), createWithIdempotencyKey(api, ani, idempotencyKey).body());
    }

    @Test
    void afterARotationEntriesOfThePreviousKeyStayReadableOnlyWhileItIsConfigured() {
        String ani = Numbers.uniqueAni();
        String key = key(api.create(ani, OBJECT), ani);
        String idempotencyKey = UUID.randomUUID().toString();
        HttpResponse<String> beforeRotation = createWithIdempotencyKey(api, ani, idempotencyKey);

        try (Deployment rotated = Deployment.of(SERVICE.redis()).set(KEY, B).set(PREVIOUS, A).start()) {
            assertEquals("{\"value\":" + OBJECT + "}", rotated.api().get(key).body());
            String newKey = key(rotated.api().create(ani, "\"new\""), ani);
            assertCiphertextOnly(stored(ani, newKey.split(":")[0]), ValueCipher.keyId(KEY_B), "new");
            assertEquals(beforeRotation.body(), createWithIdempotencyKey(rotated.api(), ani, idempotencyKey).body(),
                    "a retry spanning the rotation gets the original allocation");
        }
        assertTrue(logged().contains("under key id " + ValueCipher.keyId(KEY_B) + ", entries under previous key id "
                + ValueCipher.keyId(KEY_A)), logged());
        try (Deployment rotatedOut = Deployment.of(SERVICE.redis()).set(KEY, B).start()) {
            String line = loggedUnder(rotatedOut.api().get(key));
            assertTrue(line.contains(ValueCipher.keyId(KEY_A)) && line.contains("neither"), line);
        }
        assertFalse(logged().contains(A) || logged().contains(B), "a key in the log");
    }

    @Test
    void switchingEncryptionOnWithPreviousPlaintextKeepsEntriesInFlightReadable() {
        String inFlight = Numbers.uniqueAni();
        String encryptedAni = Numbers.uniqueAni();
        String inFlightKey;
        String encryptedKey = key(api.create(encryptedAni, "\"sealed\""), encryptedAni);
        try (Deployment clear = Deployment.of(SERVICE.redis()).start()) {
            inFlightKey = key(clear.api().create(inFlight, "\"12345678\""), inFlight);
            assertEquals("\"12345678\"", stored(inFlight, inFlightKey.split(":")[0]), "stored as sent");
            assertTrue(loggedUnder(clear.api().get(encryptedKey)).contains("cticache.crypto.key is not set"),
                    "without a key, an encrypted entry is refused, never served as its ciphertext");
        }

        assertTrue(loggedUnder(api.get(inFlightKey)).contains("in clear"));
        try (Deployment switchingOn = Deployment.of(SERVICE.redis()).set(KEY, A).set(PREVIOUS, "plaintext")
                .start()) {
            assertEquals("{\"value\":\"12345678\"}", switchingOn.api().get(inFlightKey).body());
            assertEquals("{\"value\":\"sealed\"}", switchingOn.api().delete(encryptedKey).body());
        }
    }
}
