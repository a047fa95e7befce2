package org.helpline;

import java.io.PrintStream;

import org.helpline.config.HelplineConfig;

/** What the person who started the server needs to know, on standard output (not the log). */
final class StartupBanner {
    private StartupBanner() {
    }

    static void print(HelplineConfig config, HelplineServer server, PrintStream out) {
        String base = config.http().publicUrl();
        out.printf("""

                Helpline Server is running (store: %s; telephony: %s).
                  Start here     %s/             (leads each kind of user to their page)
                  Operators      %s/console/
                  Supervisors    %s/supervisor/
                  Web chat       %s/chat/        (for callers; embed it with %s/chat/embed.js)
                  Health         %s/health       (readiness: %s/ready)
                  Metrics        %s/metrics      (supervisors, or Prometheus with http.metricsToken)
                """, config.store().type(),
                config.telephony().enabled() ? "Asterisk at " + config.telephony().ami().host() : "off",
                base, base, base, base, base, base, base, base);
        String firstLogin = server.firstRun().instructions(base + "/supervisor/");
        if (!firstLogin.isEmpty()) {
            out.println();
            out.print(firstLogin);
        }
        out.println("Add an operator:  ops/helpline user add NAME --role operator --languages ro,en   (ops/helpline user --help)");
        out.println();
    }
}
