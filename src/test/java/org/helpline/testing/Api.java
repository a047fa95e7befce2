package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.vertx.core.json.JsonObject;

/** Blocking HTTP calls to a {@link TestServer} as a logged-in account, from the test thread. */
public final class Api {
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String cookie;

    public Api(TestServer server, String account) {
        this.base = "http://localhost:" + server.port();
        this.cookie = server.login(account);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> post(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body.encode())));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base).DELETE());
    }

    public static JsonObject json(HttpResponse<String> response) {
        return new JsonObject(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
