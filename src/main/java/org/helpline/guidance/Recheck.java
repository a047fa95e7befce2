package org.helpline.guidance;

import java.time.LocalDate;

/**
 * A supervisor re-checked one exit-option entry against a live source. {@code confirmed}: the entry holds
 * and its source is official, so it is shown as checked; otherwise it stays "to be confirmed", but it is
 * no longer flagged as overdue.
 *
 * @param source     the source checked now, replacing the entry's; null keeps the entry's own
 * @param sourceType the type of that source (one of {@link Country.ExitOption#SOURCE_TYPES}); null keeps the entry's
 */
public record Recheck(String country, String option, boolean confirmed, String source, String sourceType,
                      LocalDate on, String by) {
}
