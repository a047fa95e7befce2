package org.helpline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SourceAddressTest {
    private final SourceAddress sources = new SourceAddress(List.of("10.0.0.1", "10.0.0.2"));

    @Test
    void believesXForwardedForOnlyFromATrustedProxy() {
        assertThat(sources.of("10.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(sources.of("203.0.113.9", "198.51.100.7")).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheLastHopThatIsNotAProxySoAClientCannotPickItsOwn() {
        assertThat(sources.of("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2")).isEqualTo("198.51.100.7");
    }

    @Test
    void fallsBackToTheConnection() {
        assertThat(sources.of("10.0.0.1", null)).isEqualTo("10.0.0.1");
        assertThat(sources.of("10.0.0.1", " , 10.0.0.2")).isEqualTo("10.0.0.1");
        assertThat(sources.of(null, "198.51.100.7")).isEqualTo("unknown");
    }
}
