package org.helpline.telephony;

import java.util.concurrent.Callable;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/** Runs one blocking Asterisk-Java call on its own virtual thread; the result comes back on the room's context. */
final class Blocking {
    private Blocking() {
    }

    static <T> Future<T> onVirtualThread(Context context, String name, Callable<T> work) {
        Promise<T> promise = Promise.promise();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                T result = work.call();
                context.runOnContext(v -> promise.complete(result));
            } catch (Exception e) {
                context.runOnContext(v -> promise.fail(e));
            }
        });
        return promise.future();
    }
}
