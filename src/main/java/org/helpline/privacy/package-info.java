/**
 * Privacy by design, in one place: log redaction (a safety net: nothing personal should be logged in
 * the first place), caller-id hashing with rotating keys, field encryption for referral payloads, the
 * audit log, repeat-caller detection and the retention sweeper. The primitives ({@link
 * org.helpline.privacy.Redaction}, {@link org.helpline.privacy.CallerDigest}, {@link
 * org.helpline.privacy.FieldCipher}) depend on nothing but the JDK; the log converters on Logback, the
 * services that keep hashes or sweep ({@link org.helpline.privacy.RepeatCallers}, {@link
 * org.helpline.privacy.RetentionSweeper}) on Vert.x, core and the store port.
 */
package org.helpline.privacy;
