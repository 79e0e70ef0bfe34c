package org.cticache.core;

/** The separator rule of the number plan: what a number on the wire must look like once its separators are gone. */
final class PhoneNumbers {

    static final int MAX_DIGITS = 32;

    private PhoneNumbers() {
    }

    /**
     * Removes the visual separators space, '-', '.', '(' and ')' and checks that an optional '+'
     * and 1 to 32 digits remain.
     */
    static String normalize(String raw, String what) {
        if (raw == null) {
            throw new InvalidInputException("field '" + what + "' is missing; it holds the "
                    + (what.equals("ani") ? "caller's number" : "dialled number"));
        }
        StringBuilder number = new StringBuilder(raw.length());
        int digits = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                number.append(c);
                digits++;
            } else if (c == '+' && number.length() == 0) {
                number.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw invalid(raw, what);
            }
        }
        if (digits == 0 || digits > MAX_DIGITS) {
            throw invalid(raw, what);
        }
        return number.toString();
    }

    private static InvalidInputException invalid(String raw, String what) {
        return new InvalidInputException(what + " '" + Abbreviation.of(raw) + "' is not a telephone number:"
                + " without the separators space, '-', '.', '(' and ')' it must be an optional '+'"
                + " followed by 1 to " + MAX_DIGITS + " digits");
    }
}
