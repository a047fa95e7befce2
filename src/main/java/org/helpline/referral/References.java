package org.helpline.referral;

import java.security.SecureRandom;

/**
 * Random referral references such as {@code HLP-7K3M-9QXD-2FWA}: 60 random bits in Crockford's base32 (no
 * I, L, O or U, so it can be read over the phone). It says nothing about the person or the time.
 */
final class References {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PATTERN = "HLP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}";

    private References() {
    }

    static String next() {
        StringBuilder reference = new StringBuilder("HLP");
        for (int group = 0; group < 3; group++) {
            reference.append('-');
            for (int i = 0; i < 4; i++) {
                reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return reference.toString();
    }
}
