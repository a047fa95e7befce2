package org.helpline.referral;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.helpline.config.ReferralConfig.Partner;

/**
 * One signed POST of a referral to its partner. The partner's answer is read and dropped: only its status
 * counts, and a failure is described by a status or a transport problem, never by what the partner said.
 */
final class PartnerDelivery {
    private final HttpClient client;
    private final Duration timeout;

    PartnerDelivery(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Either acknowledged (a 2xx) or a problem worth retrying. */
    record Attempt(boolean acknowledged, String problem) {}

    Future<Attempt> send(Partner partner, String reference, byte[] body, long timestamp) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(partner.endpoint())
                .setConnectTimeout(timeout.toMillis())
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(Signature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(Signature.SIGNATURE, Signature.sign(partner.secret(), timestamp, body))
                .putHeader(Signature.IDEMPOTENCY_KEY, reference)
                .putHeader("User-Agent", "helpline-server referral");
        HttpClientRequest[] sent = new HttpClientRequest[1];
        return client.request(options)
                .compose(request -> {
                    sent[0] = request;
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .timeout(timeout.toMillis() + 100, TimeUnit.MILLISECONDS)
                .transform(done -> {
                    if (done.succeeded()) {
                        int status = done.result();
                        return Future.succeededFuture(status >= 200 && status < 300
                                ? new Attempt(true, null) : new Attempt(false, "HTTP " + status));
                    }
                    if (sent[0] != null) {
                        sent[0].reset();
                    }
                    return Future.succeededFuture(new Attempt(false, describe(done.cause())));
                });
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // the class only: messages of network errors name addresses, which stay out of records and logs
        return root.getClass().getSimpleName();
    }

    Future<Void> close() {
        return client.close();
    }
}
