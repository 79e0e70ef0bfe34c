package org.cticache.core;


/** The caller's number as a log may show it: only its last four digits, enough to tell calls apart. */
public final class MaskedAni {

    private static final int SHOWN = 4;

    private MaskedAni() {
    }

    /**
     * {@code 1234567890} becomes {@code ******7890} and {@code +4930123456} {@code +******3456}; a number of
     * fewer than five digits is masked whole, since four of them would be most of it; a withheld caller stays
     * {@value NumberPlan#ANONYMOUS}.
     */
    public static String of(String ani) {
        if (ani == null || ani.isEmpty()) {
            return "-";
        }
        if (ani.equals(NumberPlan.ANONYMOUS)) {
            return ani;
        }
        String plus = ani.startsWith("+") ? "+" : "";
        String digits = ani.substring(plus.length());
        int shown = digits.length() > SHOWN ? SHOWN : 0;
        return plus + "*".repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
    }
}
