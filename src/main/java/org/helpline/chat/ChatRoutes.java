package org.helpline.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.helpline.config.ChatConfig;
import org.helpline.wire.FrameGuard;
import org.helpline.wire.JsonSocket;

/**
 * The chat's HTTP side: the caller socket {@code /chat/ws} (only from allowed origins), the page's
 * settings, and the page itself. The page is the one part of the server that may be framed, and only
 * by the configured sites; it is never cached, so it leaves as little in the browser as possible.
 */
public final class ChatRoutes {
    private final ChatRoom room;
    private final Set<String> allowedOrigins = new HashSet<>();
    private final String pagePolicy;

    /** @param publicUrl {@code http.publicUrl}: the chat page's own origin, always allowed */
    public ChatRoutes(ChatRoom room, ChatConfig config, String publicUrl) {
        this.room = room;
        Stream.concat(Stream.of(publicUrl), config.allowedOrigins().stream())
                .map(ChatRoutes::origin).forEach(allowedOrigins::add);
        String ancestors = Stream.concat(Stream.of("'self'"), config.embedOrigins().stream()).collect(Collectors.joining(" "));
        this.pagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors " + ancestors;
    }

    public void mount(Router router) {
        router.get("/chat/ws").handler(this::upgrade);
        router.get("/chat").handler(ctx -> {
            // Vert.x matches "/chat/" here too: only the bare name is sent on to the page
            if (ctx.request().path().equals("/chat")) {
                ctx.redirect("/chat/");
            } else {
                ctx.next();
            }
        });
        router.route("/chat/*").handler(this::pageHeaders);
        router.get("/chat/settings.json").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(room.settings().encode()));
        router.route("/chat/*").handler(StaticHandler.create("webroot/chat").setCachingEnabled(false)
                .setDirectoryListing(false).setIncludeHidden(false));
    }

    private void upgrade(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowedOrigins.contains(origin(origin))) {
            context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(JsonSocket.error("bad_origin", "this page may not open the chat").encode());
            return;
        }
        FrameGuard.upgrade(context.request()).onSuccess(room::attach).onFailure(notUpgraded -> {
            if (!context.response().ended()) {
                context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(JsonSocket.error("bad_request", "this address takes WebSocket connections only").encode());
            }
        });
    }

    /** Replaces the server-wide "never framed" headers with the chat page's own policy. */
    private void pageHeaders(RoutingContext context) {
        context.response().headers().remove("X-Frame-Options");
        context.response()
                .putHeader("Content-Security-Policy", pagePolicy)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        context.next();
    }

    /** {@code scheme://host:port} in lower case with the default port written out; "" if it is not a URL. */
    static String origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
