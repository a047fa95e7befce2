package org.helpline.web.auth;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * The threads that check and make password hashes, with a short queue. When both are full a check is refused
 * at once ({@link AuthFailure#busy}) rather than queued: a flood of wrong logins then costs its senders a fast
 * 503, and a real login waits behind at most the queue, never behind the whole flood.
 */
final class HashingPool {
    /** What a refused login is told to wait: a hash takes a fraction of a second. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private final ThreadPoolExecutor executor;

    HashingPool(int threads, int queue) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                work -> {
                    Thread thread = new Thread(work, "helpline-password-hashing-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code work} on the pool and answers on the caller's context; fails with {@code busy} when full. */
    <T> Future<T> run(Callable<T> work) {
        Context context = Vertx.currentContext();
        Promise<T> answer = Promise.promise();
        try {
            executor.execute(() -> {
                T result = null;
                Throwable failure = null;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    failure = e;
                }
                T done = result;
                Throwable failed = failure;
                Runnable reply = () -> {
                    if (failed == null) {
                        answer.complete(done);
                    } else {
                        answer.fail(failed);
                    }
                };
                if (context == null) {
                    reply.run();
                } else {
                    context.runOnContext(v -> reply.run());
                }
            });
        } catch (RejectedExecutionException full) {
            answer.fail(AuthFailure.busy(RETRY_AFTER));
        }
        return answer.future();
    }

    void close() {
        executor.shutdown();
    }
}
