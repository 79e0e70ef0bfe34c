package org.cticache.audit;

/** The test for text a log line takes as it is: a few ASCII letters, digits and chosen punctuation marks. */
// A loop, not a regular expression: it runs on every call, and a matcher cost more than the rest around it.
final class PlainText {

    private PlainText() {
    }

    /** True for 1 to maxLength characters, each an ASCII letter or digit or one of the punctuation marks. */
    static boolean is(String text, int maxLength, String punctuation) {
        if (text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || punctuation.indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
