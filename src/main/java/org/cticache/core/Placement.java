package org.cticache.core;

/**
 * Where an allocation's entry landed: its DNIS, which the store picks, and the envelope the store keeps in front
 * of the value there ("" or, for a pool matched by DNIS alone or with a cool-down, the caller's ANI and the
 * entry's end of life).
 */
public record Placement(Dnis dnis, String envelope) {
}
