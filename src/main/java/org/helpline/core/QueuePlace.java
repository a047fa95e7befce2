package org.helpline.core;

/** Where a contact stands: {@code position} 1 is next (or being offered now), 0 once it is no longer waiting. */
public record QueuePlace(Contact contact, int position) {
}
