package org.cticache.audit;

/** Told about each audit line the audit log dropped, on the call's thread, so it must be quick. */
public interface DroppedLines {

    void dropped();
}
