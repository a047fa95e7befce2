package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessControlTest {
    @Test
    void comparesOriginsWithoutCaseOrDefaultPorts() {
        assertThat(AccessControl.normalisedOrigin("https://Helpline.Example.org"))
                .isEqualTo(AccessControl.normalisedOrigin("https://helpline.example.org:443"));
        assertThat(AccessControl.normalisedOrigin("http://localhost:8080"))
                .isNotEqualTo(AccessControl.normalisedOrigin("http://localhost:8081"));
    }

    @Test
    void anOpaqueOriginMatchesNothing() {
        assertThat(AccessControl.normalisedOrigin("null")).isNull();
    }

    @Test
    void marksTheCookieSecureWhenAskedTo() {
        assertThat(SessionCookie.carrying("token", true).encode()).containsIgnoringCase("; Secure")
                .containsIgnoringCase("; HttpOnly").contains("; SameSite=Strict");
    }
}
