package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import org.helpline.testing.Eventually;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
    @Test
    void refusesAtOnceWhenThreadsAndQueueAreFull() throws Exception {
        HashingPool pool = new HashingPool(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<String> running = pool.run(() -> release.await(30, TimeUnit.SECONDS) ? "first" : "timed out");
            Future<String> queued = pool.run(() -> "second");

            Future<String> refused = pool.run(() -> "third");

            assertThat(refused.failed()).as("refused without waiting").isTrue();
            AuthFailure busy = (AuthFailure) refused.cause();
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.code()).isEqualTo("unavailable");
            assertThat(busy.retryAfter()).isEqualTo(HashingPool.RETRY_AFTER);
            release.countDown();
            Eventually.until(() -> running.succeeded() && queued.succeeded(), "the accepted checks finish");
            assertThat(running.result()).isEqualTo("first");
            assertThat(queued.result()).isEqualTo("second");
            assertThat(pool.run(() -> "later").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isEqualTo("later");
        } finally {
            release.countDown();
            pool.close();
        }
    }
}
