package org.cticache.store;

import java.util.ArrayList;
import java.util.List;
import org.cticache.core.Dnis;
import org.cticache.core.DnisPool;

/**
 * A pool in the compact form the allocation script reads: runs of consecutive numbers as four arguments each
 * (head, tail width, first tail, count), so a call carries a few arguments per range rather than one per number.
 */
final class PoolEncoding {

    // Six digits keep every tail far inside the integers a Lua double holds exactly.
    private static final int TAIL_DIGITS = 6;

    private PoolEncoding() {
    }

    static List<String> encode(DnisPool pool) {
        List<String> runs = new ArrayList<>();
        Run run = null;
        for (Dnis dnis : pool.numbers()) {
            String number = dnis.value();
            int digits = number.startsWith("+") ? number.length() - 1 : number.length();
            int width = Math.min(TAIL_DIGITS, digits);
            String head = number.substring(0, number.length() - width);
            int tail = Integer.parseInt(number.substring(number.length() - width));
            if (run != null && run.extendsTo(head, width, tail)) {
                run.count++;
            } else {
                if (run != null) {
                    run.appendTo(runs);
                }
                run = new Run(head, width, tail);
            }
        }
        if (run != null) {
            run.appendTo(runs);
        }
        return List.copyOf(runs);
    }

    private static final class Run {
        private final String head;
        private final int width;
        private final int first;
        private int count = 1;

        Run(String head, int width, int first) {
            this.head = head;
            this.width = width;
            this.first = first;
        }

        boolean extendsTo(String nextHead, int nextWidth, int nextTail) {
            return nextWidth == width && nextTail == first + count && nextHead.equals(head);
        }

        void appendTo(List<String> arguments) {
            arguments.add(head);
            arguments.add(Integer.toString(width));
            arguments.add(Integer.toString(first));
            arguments.add(Integer.toString(count));
        }
    }
}
