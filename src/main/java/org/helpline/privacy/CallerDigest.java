package org.helpline.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A caller id turned into keyed hashes (HMAC-SHA256 of the normalised number), one per key of the ring,
 * the current key first: {@code "k2026b:9f1c..."}. Without a key the hash cannot be reversed or even
 * recomputed from a list of numbers; rotating the key makes older hashes unlinkable once the previous
 * key is dropped. The number itself is never kept.
 */
public final class CallerDigest {
    private static final String ALGORITHM = "HmacSHA256";

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String countryCode;

    /**
     * @param currentKey  the id of the key new hashes are made with
     * @param keys        every key by id (the current one and those still recognised)
     * @param countryCode the calling code national numbers (0...) belong to, e.g. 40
     */
    public CallerDigest(String currentKey, Map<String, byte[]> keys, String countryCode) {
        if (!keys.containsKey(currentKey)) {
            throw new IllegalArgumentException("no key " + currentKey);
        }
        this.keys.put(currentKey, new SecretKeySpec(keys.get(currentKey), ALGORITHM));
        keys.forEach((id, key) -> this.keys.putIfAbsent(id, new SecretKeySpec(key, ALGORITHM)));
        this.countryCode = countryCode;
    }

    /** The hashes under every key, current first; empty when the caller id is withheld or not a number. */
    public List<String> of(String callerId) {
        String number = normalise(callerId, countryCode);
        if (number == null) {
            return List.of();
        }
        List<String> digests = new ArrayList<>(keys.size());
        keys.forEach((id, key) -> digests.add(id + ":" + hmac(key, number)));
        return digests;
    }

    /**
     * The number in international form ({@code +40721234567}), or null. Asterisk gives caller ids as the
     * carrier sent them: 0721..., 0040721..., +40721..., 40721..., or "anonymous", "unknown", a SIP user name.
     */
    static String normalise(String callerId, String countryCode) {
        if (callerId == null) {
            return null;
        }
        String text = callerId.strip().replaceAll("[\\s().-]", "");
        String digits;
        if (text.startsWith("+")) {
            digits = text.substring(1);
        } else if (text.startsWith("00")) {
            digits = text.substring(2);
        } else if (text.startsWith("0")) {
            digits = countryCode + text.substring(1);
        } else {
            digits = text;
        }
        if (!digits.matches("[1-9][0-9]{5,14}")) {
            return null;
        }
        return "+" + digits;
    }

    private static String hmac(SecretKeySpec key, String number) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per hash, they are cheap
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(number.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
