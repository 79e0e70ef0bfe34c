package org.cticache.audit;

/** The user name as an audit line shows it: anything that could break the line's key=value form becomes '_'. */
final class UserName {

    private static final int MAX_LENGTH = 64;
    private static final String PUNCTUATION = "._-@:+";

    private UserName() {
    }

    /** The name, cut to its first 64 code points; "-" for none. */
    static String of(String user) {
        if (user == null || user.isEmpty()) {
            return "-";
        }
        // The usual account name, kept as it is, without the code point walk below.
        if (PlainText.is(user, MAX_LENGTH, PUNCTUATION)) {
            return user;
        }
        StringBuilder safe = new StringBuilder(Math.min(user.length(), MAX_LENGTH));
        user.codePoints().limit(MAX_LENGTH).forEach(c -> safe.appendCodePoint(
                Character.isLetterOrDigit(c) || PUNCTUATION.indexOf(c) >= 0 ? c : '_'));
        return safe.toString();
    }
}
