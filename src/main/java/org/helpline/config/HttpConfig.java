package org.helpline.config;

/**
 * @param host      address to listen on
 * @param port      HTTP port
 * @param publicUrl how people reach the server (printed at start-up, checked as the allowed origin)
 */
public record HttpConfig(String host, Integer port, String publicUrl) {
    public HttpConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 8080 : port;
        publicUrl = publicUrl == null ? "http://localhost:" + port : publicUrl.replaceAll("/+$", "");
    }

    void validate() {
        Check.notBlank(host, "http.host");
        Check.port(port, "http.port");
        Check.that(publicUrl.matches("https?://[^/\\s]+"), "http.publicUrl",
                "must be a scheme and host such as https://helpline.example.org");
    }
}
