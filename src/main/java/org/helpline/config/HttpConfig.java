package org.helpline.config;

/**
 * @param host         address to listen on
 * @param port         HTTP port
 * @param publicUrl    how people reach the server (printed at start-up, checked as the allowed origin)
 * @param metricsToken what a monitoring system sends ({@code Authorization: Bearer ...}) to read {@code /metrics}
 *                     and the detailed {@code /health}; empty: only signed-in supervisors may
 */
public record HttpConfig(String host, Integer port, String publicUrl, String metricsToken) {
    /** Shorter tokens can be guessed; {@code openssl rand -base64 32} makes one of 44. */
    static final int MIN_TOKEN_LENGTH = 32;

    public HttpConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 8080 : port;
        publicUrl = publicUrl == null ? "http://localhost:" + port : publicUrl.replaceAll("/+$", "");
        metricsToken = metricsToken == null ? "" : metricsToken.strip();
    }

    void validate() {
        Check.notBlank(host, "http.host");
        Check.port(port, "http.port");
        Check.that(publicUrl.matches("https?://[^/\\s]+"), "http.publicUrl",
                "must be a scheme and host such as https://helpline.example.org");
        Check.that(metricsToken.isEmpty() || metricsToken.length() >= MIN_TOKEN_LENGTH && metricsToken.matches("\\p{Graph}+"),
                "http.metricsToken", "must be empty (no token) or at least " + MIN_TOKEN_LENGTH
                        + " visible characters without spaces (make one with: openssl rand -base64 32)");
    }
}
