package org.cticache.crypto;

import java.util.Optional;
import java.util.function.Function;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.EntryStore;
import org.cticache.core.MaskedAni;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.Placement;
import org.cticache.core.StoredValue;
import org.cticache.core.UnreadableEntryException;

/**
 * Encrypts call data on its way into the store and decrypts it on the way out, so Redis never holds it in clear;
 * with encryption off it stores values as sent and refuses only encrypted ones, which it could not read.
 *
 * <p>Each ciphertext authenticates its whole entry: the kind of key, the DNIS, the ANI (for a pool matched by DNIS
 * alone: the pool, and the ANI in the envelope) and the envelope stored in front of it (the caller's ANI, the end of
 * life), so a value copied to any other entry, or an envelope altered, does not open. The store picks the DNIS
 * inside its allocation script, after which the value is sealed for it and swapped in (see {@link EntryStore}): a
 * second round trip per POST with encryption on, the price of binding what only Redis knows at allocation.
 */
public final class EncryptedCallDataStore implements CallDataStore {

    private final EntryStore store;
    private final ValueCipher cipher;

    public EncryptedCallDataStore(EntryStore store, ValueCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public Dnis allocate(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds,
                         IdempotencyKey idempotency) {
        if (idempotency == null) {
            return allocateSealed(pool, start, ani, data, ttlSeconds, null);
        }
        try {
            return allocateSealed(pool, start, ani, data, ttlSeconds,
                    new IdempotencyKey(idempotency.key(), cipher.fingerprint(idempotency.fingerprint())));
        } catch (IdempotencyConflictException conflict) {
            // The first attempt may have been fingerprinted under the previous key (or in clear, before encryption
            // was switched on): the same request then gets its original allocation back. The script cannot take
            // two fingerprints, so this is a second call, made only on a conflict. Should the first attempt's
            // record expire in between, this call allocates anew and records the earlier fingerprint, which is
            // as good for later retries while the previous key (or plaintext) is still configured.
            String earlier = cipher.earlierFingerprint(idempotency.fingerprint()).orElseThrow(() -> conflict);
            return allocateSealed(pool, start, ani, data, ttlSeconds, new IdempotencyKey(idempotency.key(), earlier));
        }
    }

    /** With the idempotency fingerprint as stored; switched off, the value is stored as sent, in one step. */
    private Dnis allocateSealed(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds,
                                IdempotencyKey idempotency) {
        if (!cipher.isOn()) {
            return store.allocate(pool, start, ani, data, ttlSeconds, idempotency);
        }
        Function<Placement, CallData> sealed = placement -> new CallData(cipher.seal(data.json(),
                pool.isMatchedByDnis() ? context(pool, placement.dnis(), placement.envelope())
                        : context(new EntryKey(placement.dnis(), ani), placement.envelope())));
        return store.allocate(pool, start, ani, sealed, ttlSeconds, idempotency);
    }

    @Override
    public Optional<CallData> peek(EntryKey key) {
        return store.read(null, key.dnis(), key.ani(), false, null).map(stored -> open(key, stored));
    }

    @Override
    public Optional<CallData> take(EntryKey key, String retryKey) {
        return store.read(null, key.dnis(), key.ani(), true, retryKey).map(stored -> open(key, stored));
    }

    @Override
    public Optional<CallData> peekMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani) {
        return store.read(pool, dnis, ani, false, null).map(stored -> open(pool, dnis, stored));
    }

    @Override
    public Optional<CallData> takeMatchedByDnis(DnisPool pool, Dnis dnis, Ani ani, String retryKey) {
        return store.read(pool, dnis, ani, true, retryKey).map(stored -> open(pool, dnis, stored));
    }

    @Override
    public boolean isUp() {
        return store.isUp();
    }

    @Override
    public void close() {
        store.close();
    }

    // Values sealed before entries were bound whole (to their caller, or to a pool matched by DNIS alone, only) still
    // open, so that entries in flight survive the upgrade; the last expires cticache.ttl.max (plus the cool-down)
    // after the last instance of that release stopped writing. Such a value, saved and planted again under another
    // DNIS of its caller, would open too: rotating the key after the upgrade, then dropping the previous one, ends
    // that for good.
    private CallData open(EntryKey key, StoredValue stored) {
        return open(stored, context(key, stored.envelope()), "ani:" + key.ani().value(), describe(key));
    }

    private CallData open(DnisPool pool, Dnis dnis, StoredValue stored) {
        return open(stored, context(pool, dnis, stored.envelope()), "pool:" + pool.name(), describe(pool, dnis));
    }

    private CallData open(StoredValue stored, String context, String earlierContext, String entry) {
        try {
            return new CallData(cipher.open(stored.data().json(), context, earlierContext));
        } catch (UnreadableValueException e) {
            throw new UnreadableEntryException(entry, e.getMessage());
        }
    }

    /**
     * What a value under {@code <dnis>:<ani>} is bound to: that key and its envelope. Not its pool: a DNIS may be in
     * several such pools, which share the key.
     */
    private static String context(EntryKey key, String envelope) {
        return fields("dnis-ani", key.dnis().value(), key.ani().value(), envelope);
    }

    /** What a value of a pool matched by DNIS alone is bound to: the pool, the DNIS and the envelope with the ANI. */
    private static String context(DnisPool pool, Dnis dnis, String envelope) {
        return fields("dnis", pool.name(), dnis.value(), envelope);
    }

    /** Each field prefixed with its length, so that no two different entries give the same text. */
    private static String fields(String... fields) {
        StringBuilder text = new StringBuilder("cticache entry");
        for (String field : fields) {
            text.append(';').append(field.length()).append(':').append(field);
        }
        return text.toString();
    }

    /** The entry for the log, its ANI masked as every log masks it. */
    private static String describe(EntryKey key) {
        return key.dnis().value() + ":" + MaskedAni.of(key.ani().value());
    }

    private static String describe(DnisPool pool, Dnis dnis) {
        return "on DNIS " + dnis.value() + " of pool '" + pool.name() + "'";
    }
}
