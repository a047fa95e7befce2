package org.helpline.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("webhook signature")
class SignatureTest {
    private static final byte[] BODY = "{\"reference\":\"HLP-7K3M-9QXD-2FWA\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void isHmacSha256OverTimestampDotBodyAsOpensslComputesIt() {
        // printf '1795363200.{"reference":"HLP-7K3M-9QXD-2FWA"}' | openssl dgst -sha256 -hmac secret
        assertThat(Signature.sign("secret", 1795363200L, BODY))
                .isEqualTo("sha256=a8f1e5986c0bad466ebb92c0b866581c9a705fdca553b019fd931b172cabfd52");
    }

    @Test
    void verifiesOnlyAFreshTimestampTheRightSecretAndTheSameBody() {
        String signature = Signature.sign("secret", 1_000_000L, BODY);

        assertThat(Signature.verify("secret", "1000000", signature, BODY, 1_000_100L, 300)).isTrue();
        assertThat(Signature.verify("secret", "1000000", signature, BODY, 1_000_400L, 300)).as("stale").isFalse();
        assertThat(Signature.verify("other", "1000000", signature, BODY, 1_000_100L, 300)).as("wrong secret").isFalse();
        assertThat(Signature.verify("secret", "1000001", signature, BODY, 1_000_100L, 300)).as("timestamp changed").isFalse();
        assertThat(Signature.verify("secret", "1000000", signature, "{}".getBytes(StandardCharsets.UTF_8), 1_000_100L, 300))
                .as("body changed").isFalse();
        assertThat(Signature.verify("secret", "soon", signature, BODY, 1_000_100L, 300)).isFalse();
    }
}
