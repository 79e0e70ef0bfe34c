package org.cticache.core;

/** Identifies one cache entry: the DNIS a call was transferred to and the ANI it came from. */
public record EntryKey(Dnis dnis, Ani ani) {

    @Override
    public String toString() {
        return dnis + ":" + ani;
    }
}
