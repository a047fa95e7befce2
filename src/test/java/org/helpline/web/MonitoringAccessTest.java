package org.helpline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.helpline.config.HttpConfig;
import org.helpline.leadership.Role;
import org.helpline.leadership.Standing;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staffing, queues and the addresses of the server's links are shown to supervisors and the monitoring token only. */
@DisplayName("who sees /metrics and the details of /health")
class MonitoringAccessTest {
    private static final String WRONG_TOKEN = "Bearer " + TestServer.METRICS_TOKEN.replace('t', 'T');

    @Nested
    @DisplayName("on the active server")
    class Active {
        @TempDir
        Path dir;
        private TestServer server;
        private WebClient web;

        @BeforeEach
        void start() {
            server = TestServer.start(dir, new FakeClock(), "", List.of(TestServer.supervisor("sofia"),
                    TestServer.operator("ana", "ro")));
            web = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("localhost")
                    .setDefaultPort(server.port()));
        }

        @AfterEach
        void stop() {
            server.close();
        }

        @Test
        void anyoneLearnsOnlyWhetherTheServerIsUpAndItsRole() {
            HttpResponse<Buffer> health = server.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP").put("role", "active"));
            assertThat(server.get("/ready").bodyAsJsonObject())
                    .isEqualTo(new JsonObject().put("ready", true).put("role", "active"));
            assertRefused(server.get("/metrics"), 401, "unauthenticated");
        }

        @Test
        void aWrongTokenSeesNothingMore() {
            assertRefused(send(web.get("/metrics").putHeader("Authorization", WRONG_TOKEN)), 401, "unauthenticated");
            assertRefused(send(web.get("/metrics").putHeader("Authorization", TestServer.METRICS_TOKEN)), 401,
                    "unauthenticated"); // the token without its scheme
            assertThat(send(web.get("/health").putHeader("Authorization", WRONG_TOKEN)).bodyAsJsonObject().fieldNames())
                    .containsExactlyInAnyOrder("status", "role");
        }

        @Test
        void theMonitoringTokenSeesTheDetailsAndTheMetrics() {
            HttpResponse<Buffer> metrics = server.monitor("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.bodyAsString()).contains("helpline_operators").contains("helpline_server_active");
            assertDetailed(server.monitor("/health"));
        }

        @Test
        void aSupervisorSignedInSeesThemToo() {
            String cookie = server.login("sofia");
            HttpResponse<Buffer> metrics = send(web.get("/metrics").putHeader("Cookie", cookie));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.bodyAsString()).contains("helpline_queue_length");
            assertDetailed(send(web.get("/health").putHeader("Cookie", cookie)));
        }

        @Test
        void anOperatorSignedInDoesNot() {
            String cookie = server.login("ana");
            assertRefused(send(web.get("/metrics").putHeader("Cookie", cookie)), 403, "forbidden");
            assertThat(send(web.get("/health").putHeader("Cookie", cookie)).bodyAsJsonObject().fieldNames())
                    .containsExactlyInAnyOrder("status", "role");
        }

        private static void assertDetailed(HttpResponse<Buffer> health) {
            assertThat(health.statusCode()).isEqualTo(200);
            JsonObject body = health.bodyAsJsonObject();
            assertThat(body.getJsonObject("dependencies").getJsonObject("store").getString("status")).isEqualTo("UP");
            assertThat(body.getString("roleSince")).isNotBlank();
        }
    }

    @Nested
    @DisplayName("on a standby")
    class OnStandby {
        private Vertx vertx;
        private WebClient web;

        @BeforeEach
        void start() {
            vertx = Vertx.vertx();
            Standing standing = new Standing(Role.STANDBY, Instant.parse("2026-12-01T08:00:00Z"), 0);
            List<HealthCheck> checks = List.of(new HealthCheck("store", true,
                    () -> HealthCheck.Status.down("redis: cannot connect to 10.0.0.7:6379")));
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Standing.register(metrics, () -> standing);
            StandbyWebServer standby = new StandbyWebServer(new HttpConfig("127.0.0.1", 0, "http://localhost:8080",
                    TestServer.METRICS_TOKEN), () -> standing, checks, metrics);
            vertx.deployVerticle(standby).await();
            web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(standby.port()));
        }

        @AfterEach
        void stop() {
            vertx.close().await();
        }

        @Test
        void anyoneLearnsItsRoleAndNotTheStoresAddress() {
            HttpResponse<Buffer> health = send(web.get("/health"));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "DOWN").put("role", "standby"));
            assertThat(health.bodyAsString()).doesNotContain("10.0.0.7");
            assertThat(send(web.get("/ready")).statusCode()).isEqualTo(503);
            assertRefused(send(web.get("/metrics")), 401, "unauthenticated");
            assertRefused(send(web.get("/metrics").putHeader("Authorization", WRONG_TOKEN)), 401, "unauthenticated");
            // a standby has no sessions: a cookie opens nothing here
            assertRefused(send(web.get("/metrics").putHeader("Cookie", "helpline_session=" + "a".repeat(43))), 401,
                    "unauthenticated");
        }

        @Test
        void theMonitoringTokenSeesItsDetailsAndMetrics() {
            String bearer = "Bearer " + TestServer.METRICS_TOKEN;
            JsonObject health = send(web.get("/health").putHeader("Authorization", bearer)).bodyAsJsonObject();
            assertThat(health.getJsonObject("dependencies").getJsonObject("store").getString("reason")).contains("10.0.0.7");
            HttpResponse<Buffer> metrics = send(web.get("/metrics").putHeader("Authorization", bearer));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.bodyAsString()).contains("helpline_server_active 0.0");
        }
    }

    private static HttpResponse<Buffer> send(HttpRequest<Buffer> request) {
        return request.send().await();
    }

    private static void assertRefused(HttpResponse<Buffer> answer, int status, String code) {
        assertThat(answer.statusCode()).isEqualTo(status);
        JsonObject body = answer.bodyAsJsonObject();
        assertThat(body.getString("type")).isEqualTo("error");
        assertThat(body.getString("code")).isEqualTo(code);
        assertThat(answer.bodyAsString()).doesNotContain("helpline_");
    }
}
