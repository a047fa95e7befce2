package org.helpline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("caller-id hashing")
class CallerDigestTest {
    private static final byte[] OLD_KEY = "an-old-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW_KEY = "a-new-key-of-at-least-32-bytes!!!".getBytes(StandardCharsets.UTF_8);

    private static CallerDigest ring(String current) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k1", OLD_KEY);
        keys.put("k2", NEW_KEY);
        return new CallerDigest(current, keys, "40");
    }

    @ParameterizedTest(name = "{0} is the same caller as 0721234567")
    @ValueSource(strings = {"0721234567", "+40721234567", "0040721234567", "40721234567", " +40 721-234-567 ", "(0721) 234.567"})
    void oneNumberWrittenManyWaysGivesOneHash(String written) {
        assertThat(ring("k1").of(written)).isEqualTo(ring("k1").of("0721234567"));
    }

    @ParameterizedTest(name = "\"{0}\" gives no hash")
    @ValueSource(strings = {"", "anonymous", "unknown", "sipp", "112", "Restricted", "+0123"})
    void withheldOrNonNumbersGiveNothing(String callerId) {
        assertThat(ring("k1").of(callerId)).isEmpty();
    }

    @Test
    void theHashesNameTheirKeyCurrentFirstAndHideTheNumber() {
        List<String> digests = ring("k2").of("0721234567");

        assertThat(digests).hasSize(2);
        assertThat(digests.get(0)).startsWith("k2:").hasSize(3 + 64).doesNotContain("721234567");
        assertThat(digests.get(1)).startsWith("k1:");
        assertThat(ring("k1").of("0721234567").getFirst()).isEqualTo(digests.get(1));
        assertThat(ring("k2").of("0721234568").getFirst()).isNotEqualTo(digests.getFirst());
    }

    @Test
    void nationalNumbersBelongToTheConfiguredCountry() {
        assertThat(CallerDigest.normalise("0721234567", "40")).isEqualTo("+40721234567");
        assertThat(CallerDigest.normalise("0301234567", "49")).isEqualTo("+49301234567");
    }
}
