package org.helpline.guidance;

/**
 * A canned reply the operator can insert into a chat with one click.
 *
 * @param label what the operator sees on the button
 * @param text  what is inserted, in the contact's language
 */
public record Reply(String id, Text label, Text text) {
}
