package org.cticache.crypto;

import java.util.Optional;
import org.cticache.core.Ani;
import org.cticache.core.CallData;
import org.cticache.core.CallDataStore;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;
import org.cticache.core.EntryKey;
import org.cticache.core.IdempotencyConflictException;
import org.cticache.core.IdempotencyKey;
import org.cticache.core.UnreadableEntryException;

/**
 * Encrypts call data on its way into the store and decrypts it on the way out, so Redis never holds it in clear;
 * with encryption off it stores values as sent and refuses only encrypted ones, which it could not read.
 */
public final class EncryptedCallDataStore implements CallDataStore {

    private static final int ANI_DIGITS_SHOWN = 4;

    private final CallDataStore store;
    private final ValueCipher cipher;

    public EncryptedCallDataStore(CallDataStore store, ValueCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    @Override
    public Dnis allocate(DnisPool pool, int start, Ani ani, CallData data, int ttlSeconds,
                         IdempotencyKey idempotency) {
        CallData sealed = new CallData(cipher.seal(data.json(), pool.isMatchedByDnis() ? context(pool)
                : context(ani)));
        if (idempotency == null) {
            return store.allocate(pool, start, ani, sealed, ttlSeconds, null);
        }
        try {
            return store.allocate(pool, start, ani, sealed, ttlSeconds,
                    new IdempotencyKey(idempotency.key(), cipher.fingerprint(idempotency.fingerprint())));
        } catch (IdempotencyConflictException conflict) {
            // The first attempt may have been fingerprinted under the previous key (or in clear, before encryption
            // was switched on): the same request then gets its original allocation back. The script cannot take
            // two fingerprints, so this is a second call, made only on a conflict. Should the first attempt's
            // record expire in between, this call allocates anew and records the earlier fingerprint, which is
            // as good for later retries while the previous key (or plaintext) is still configured.
            String earlier = cipher.earlierFingerprint(idempotency.fingerprint()).orElseThrow(() -> conflict);
            return store.allocate(pool, start, ani, sealed, ttlSeconds,
                    new IdempotencyKey(idempotency.key(), earlier));
        }
    }

    @Override
    public Optional<CallData> get(EntryKey key) {
        return store.get(key).map(data -> open(data, context(key.ani()), describe(key)));
    }

    @Override
    public Optional<CallData> take(EntryKey key) {
        return store.take(key).map(data -> open(data, context(key.ani()), describe(key)));
    }

    @Override
    public Optional<CallData> getLeased(DnisPool pool, Dnis dnis, Ani ani) {
        return store.getLeased(pool, dnis, ani).map(data -> open(data, context(pool), describe(pool, dnis)));
    }

    @Override
    public Optional<CallData> takeLeased(DnisPool pool, Dnis dnis, Ani ani) {
        return store.takeLeased(pool, dnis, ani).map(data -> open(data, context(pool), describe(pool, dnis)));
    }

    @Override
    public boolean isUp() {
        return store.isUp();
    }

    @Override
    public void close() {
        store.close();
    }

    private CallData open(CallData stored, String context, String entry) {
        try {
            return new CallData(cipher.open(stored.json(), context));
        } catch (UnreadableValueException e) {
            throw new UnreadableEntryException(entry, e.getMessage());
        }
    }

    /**
     * What a sealed value is bound to: its caller, or for a pool matched by DNIS alone (read without the ANI) its
     * pool. Not the DNIS, which the store picks only after the value is sealed.
     */
    private static String context(Ani ani) {
        return "ani:" + ani.value();
    }

    private static String context(DnisPool pool) {
        return "pool:" + pool.name();
    }

    /** The entry for the log, with the ANI cut to its last digits: enough to find the call, not to identify it. */
    private static String describe(EntryKey key) {
        String ani = key.ani().value();
        int hidden = ani.length() - Math.min(ANI_DIGITS_SHOWN, ani.length() / 2);
        return key.dnis().value() + ":" + "*".repeat(hidden) + ani.substring(hidden);
    }

    private static String describe(DnisPool pool, Dnis dnis) {
        return "on DNIS " + dnis.value() + " of pool '" + pool.name() + "'";
    }
}
