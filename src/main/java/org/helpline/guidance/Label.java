package org.helpline.guidance;

/** Something with an id and a name in every language: an exit-option kind, a wrap-up topic tag. */
public record Label(String id, Text label) {
}
