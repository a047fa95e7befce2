package org.helpline.referral;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How every request to a partner is signed (docs/referral-webhook.md): HMAC-SHA256, with the partner's
 * secret, over {@code <timestamp>.<body>}, where the timestamp is Unix seconds sent in
 * {@code X-Helpline-Timestamp}; the result goes in {@code X-Helpline-Signature: sha256=<hex>}.
 */
public final class Signature {
    public static final String TIMESTAMP = "X-Helpline-Timestamp";
    public static final String SIGNATURE = "X-Helpline-Signature";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PREFIX = "sha256=";

    private Signature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * What a partner checks: a well-formed timestamp within {@code toleranceSeconds} of {@code nowSeconds},
     * and the signature, compared in constant time.
     */
    public static boolean verify(String secret, String timestamp, String signature, byte[] body, long nowSeconds,
                                 long toleranceSeconds) {
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(nowSeconds - sent) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, sent, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
