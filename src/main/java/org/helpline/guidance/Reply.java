package org.helpline.guidance;

/**
 * A canned reply the operator can insert into a chat with one click.
 *
 * @param label what the operator sees on the button
 * @param text     what is inserted, in the contact's language
 * @param verified false when it names a directory entry not confirmed yet ({@link DirectoryText}): shown "to be confirmed"
 */
public record Reply(String id, Text label, Text text, Boolean verified) {
    public Reply {
        verified = verified == null || verified;
    }
}
