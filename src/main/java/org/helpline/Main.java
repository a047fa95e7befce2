package org.helpline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import org.helpline.config.ConfigException;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.web.auth.UserCommand;

/**
 * {@code ops/helpline [--config PATH]} (or {@code java -jar helpline-server.jar}) runs the server;
 * {@code ops/helpline user ...} manages accounts. Exit code 2 means the configuration or the command line
 * is wrong, 1 that the server could not start.
 */
public final class Main {
    private static final Path DEFAULT_CONFIG = Path.of("config", "helpline.yaml");
    private static final String USAGE = """
            usage: ops/helpline [--config PATH]      run the server (default config/helpline.yaml, else built-in defaults)
                   ops/helpline user ...             add, change or remove accounts (ops/helpline user --help)
                   ops/helpline --help               this text
            ops/helpline is java -jar target/helpline-server.jar with the JDK in JAVA_HOME.""";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && (rest.getFirst().equals("--help") || rest.getFirst().equals("-h"))) {
            System.out.println(USAGE);
            System.exit(0);
        }
        HelplineConfig config = loadConfig(rest);
        if (!rest.isEmpty() && rest.getFirst().equals("user")) {
            System.exit(UserCommand.run(rest.subList(1, rest.size()).toArray(String[]::new), config.auth(),
                    System.in, System.out));
        }
        if (!rest.isEmpty()) {
            fail(2, "unknown argument " + rest.getFirst() + "; usage: ops/helpline [--config PATH] | user ... | --help");
        }
        Vertx vertx = Vertx.vertx();
        if (config.store().redis().leadership().enabled()) {
            startNode(vertx, config);
            return;
        }
        HelplineServer.start(vertx, config, Clock.systemUTC())
                .onSuccess(server -> {
                    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                        server.stop().await();
                        vertx.close().await();
                    }));
                    StartupBanner.print(config, server, System.out);
                })
                .onFailure(failure -> {
                    vertx.close();
                    fail(1, "cannot start: " + failure.getMessage());
                });
    }

    /** One of two or more servers: stands by until it leads; a stop hands over to a standby at once. */
    private static void startNode(Vertx vertx, HelplineConfig config) {
        HelplineNode.start(vertx, config, Clock.systemUTC(), active -> StartupBanner.print(config, active, System.out))
                .onSuccess(node -> {
                    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                        node.stop().await();
                        vertx.close().await();
                    }));
                    System.out.printf("%nHelpline Server is standing by (store: redis, two servers); it serves once it "
                            + "holds the lease. Role: %s/health%n", config.http().publicUrl());
                })
                .onFailure(failure -> {
                    vertx.close();
                    fail(1, "cannot start: " + failure.getMessage());
                });
    }

    /** Takes {@code --config PATH} out of the arguments and loads it (or the default file, or defaults). */
    private static HelplineConfig loadConfig(List<String> args) {
        Path path = null;
        int flag = args.indexOf("--config");
        if (flag >= 0) {
            if (flag + 1 >= args.size()) {
                fail(2, "--config needs a file path");
            }
            path = Path.of(args.get(flag + 1));
            args.subList(flag, flag + 2).clear();
            if (!Files.isRegularFile(path)) {
                fail(2, "configuration file " + path + " does not exist");
            }
        } else if (Files.isRegularFile(DEFAULT_CONFIG)) {
            path = DEFAULT_CONFIG;
        }
        try {
            return path == null ? HelplineConfig.defaults() : ConfigLoader.fromSystemEnvironment().load(path);
        } catch (ConfigException e) {
            fail(2, "configuration error in " + path + ": " + e.getMessage());
            throw e;
        }
    }

    private static void fail(int exitCode, String message) {
        System.err.println("helpline: " + message);
        System.exit(exitCode);
    }
}
