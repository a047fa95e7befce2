package org.helpline;

import java.io.PrintStream;

import org.helpline.config.HelplineConfig;

/** What the person who started the server needs to know, on standard output (not the log). */
final class StartupBanner {
    private StartupBanner() {
    }

    static void print(HelplineConfig config, HelplineServer server, PrintStream out) {
        String base = config.http().publicUrl();
        String sockets = base.replaceFirst("^http", "ws");
        out.printf("""

                Helpline Server is running (store: %s; telephony: %s).
                  Health           %s/health   (readiness: %s/ready)
                  Metrics          %s/metrics
                  Login API        %s/api/login
                  Operator socket  %s/operator/ws
                """, config.store().type(),
                config.telephony().enabled() ? "Asterisk at " + config.telephony().ami().host() : "off",
                base, base, base, base, sockets);
        String firstLogin = server.firstRun().instructions(base);
        if (!firstLogin.isEmpty()) {
            out.println();
            out.print(firstLogin);
        }
        out.println("Add an operator:  java -jar target/helpline-server.jar user add NAME --role operator --languages ro,en");
        out.println();
    }
}
