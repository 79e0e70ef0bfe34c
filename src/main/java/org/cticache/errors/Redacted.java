package org.cticache.errors;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A failure as a log may show it: the type and stack trace of every cause, without their messages. */
// A message can quote what it failed on (a Jackson error a piece of the body, a Redis error a key holding an
// ANI), and no log may hold call data or a caller's number. A Redis error keeps its code (LOADING, READONLY,
// ...), the one word of its message an administrator needs.
public final class Redacted extends RuntimeException {

    // Redis replies with an upper-case error code first, e.g. "READONLY You can't write against a read only replica."
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z]{3,20}");
    private static final String REDIS_CLIENT = "redis.clients.";

    private Redacted(String description) {
        super(description);
    }

    /** A copy of the failure and its causes and suppressed failures, each named by its type only. */
    public static Redacted of(Throwable failure) {
        return copy(failure, new IdentityHashMap<>());
    }

    /** Just the types of the failure and its causes, e.g. {@code JedisConnectionException <- ConnectException}. */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(name(t));
        }
        return text.toString();
    }

    private static Redacted copy(Throwable failure, Map<Throwable, Redacted> copies) {
        Redacted known = copies.get(failure);
        if (known != null) {
            return known;
        }
        Redacted copy = new Redacted(name(failure));
        copies.put(failure, copy);
        copy.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null) {
            copy.initCause(copy(failure.getCause(), copies));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, copies));
        }
        return copy;
    }

    private static String name(Throwable failure) {
        String type = failure.getClass().getName();
        String message = failure.getMessage();
        if (message == null || !type.startsWith(REDIS_CLIENT)) {
            return type;
        }
        int space = message.indexOf(' ');
        String first = space < 0 ? message : message.substring(0, space);
        return ERROR_CODE.matcher(first).matches() ? type + " " + first : type;
    }

    @Override
    public String toString() {
        // The message is the original's type: printed as is, not behind this wrapper's own class name.
        return getMessage();
    }
}
