package org.helpline.core;

/**
 * What the operator who transfers a chat leaves for the next one: a short note and the case as their console
 * had it (script position, ticked indicators, country, what was established), as opaque JSON the consoles
 * agree on. Kept in memory with the open chat only, never in the store or a log.
 *
 * @param fromName  the display name of the operator who wrote it
 * @param note      their note, or null
 * @param caseState the case as JSON text, or null
 */
public record HandOver(String fromName, String note, String caseState) {

    /** Leaves the note and the case out, so that logging a hand-over never writes them. */
    @Override
    public String toString() {
        return "HandOver[fromName=" + fromName + "]";
    }
}
