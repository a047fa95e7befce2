package org.helpline.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpline.config.ReferralConfig;
import org.helpline.config.ReferralConfig.Route;
import org.helpline.config.ReferralConfig.VictimRule;
import org.helpline.referral.Decision.Outcome;
import org.helpline.referral.Decision.Reason;

/**
 * The configured rule set applied to one request (HG 88/2023; domain notes, "Referral"): immediate danger
 * means emergency services first; a presumed victim when a rule holds for the indicators ticked; a minor (or a
 * person whose age is not established) goes to the child-protection route whatever the consent; an adult only
 * with informed consent. Plain Java: no I/O, no clock.
 */
public final class Assessment {
    private final ReferralConfig config;

    public Assessment(ReferralConfig config) {
        this.config = config;
    }

    public Decision decide(ReferralRequest request) {
        List<Reason> reasons = new ArrayList<>();
        boolean emergencyFirst = request.urgency() == ReferralRequest.Urgency.IMMEDIATE_DANGER;
        if (emergencyFirst) {
            reasons.add(new Reason("emergency_first", "Immediate danger: the emergency services come first, 112 "
                    + "(or the local emergency number abroad), before any referral."));
        }
        boolean minor = request.age().treatedAsMinor();
        if (request.age() == ReferralRequest.Age.UNKNOWN) {
            reasons.add(new Reason("age_not_established", "The age is not established: the person is treated as a "
                    + "minor until it is (EU directive 2011/36, art. 13)."));
        }
        List<Reason> held = rulesHeld(request, minor);
        if (held.isEmpty()) {
            reasons.add(new Reason("not_presumed_victim", "No rule for a presumed victim holds for the signs ticked: "
                    + "give advice and the exit options; no referral."));
            return new Decision(Outcome.NOT_PRESUMED_VICTIM, emergencyFirst, false, null, null, null, reasons);
        }
        reasons.addAll(held);
        String route = minor ? "child" : "adult";
        if (minor) {
            reasons.add(new Reason("child_protection", "A minor: the child-protection route (the county's DGASPC), "
                    + "in the child's best interest, whatever the consent."));
        } else if (!request.consent().given()) {
            reasons.add(new Reason("no_consent", "An adult is referred only with informed consent, and this person "
                    + "has not given it: no referral. Give the helpline's number and the exit options; they can ask later."));
            return new Decision(Outcome.NO_CONSENT, emergencyFirst, true, route, null, null, reasons);
        } else {
            List<String> missing = config.consentExplains().stream()
                    .filter(item -> !request.consent().explained().contains(item)).toList();
            if (!missing.isEmpty()) {
                reasons.add(new Reason("consent_not_informed", "Consent is informed only once these were explained: "
                        + String.join(", ", missing) + ". No referral yet."));
                return new Decision(Outcome.CONSENT_NOT_INFORMED, emergencyFirst, true, route, null, null, reasons);
            }
            reasons.add(new Reason("informed_consent", "An adult who gave informed consent: referral through the "
                    + "national mechanism."));
        }
        Map.Entry<String, ReferralConfig.Partner> partner = partnerFor(route, request.kind(), request.county());
        reasons.add(new Reason("partner", "Sent to " + partner.getValue().name() + "."));
        return new Decision(Outcome.REFERRED, emergencyFirst, true, route, partner.getKey(), partner.getValue(), reasons);
    }

    private List<Reason> rulesHeld(ReferralRequest request, boolean minor) {
        List<Reason> held = new ArrayList<>();
        for (VictimRule rule : config.presumedVictim()) {
            if (rule.age() != null && rule.age().equals("minor") != minor) {
                continue;
            }
            List<String> counted = rule.indicators().stream().filter(request.indicators()::contains).toList();
            if (counted.size() >= rule.atLeast()) {
                held.add(new Reason("presumed_victim", "A presumed victim: " + rule.reason() + ".", counted));
            }
        }
        return held;
    }

    /** The first route that takes it; validation made sure a last one takes everything. */
    private Map.Entry<String, ReferralConfig.Partner> partnerFor(String route, String kind, String county) {
        for (Route candidate : config.routes()) {
            if (candidate.takes(route, kind, county)) {
                return Map.entry(candidate.partner(), config.partners().get(candidate.partner()));
            }
        }
        throw new IllegalStateException("no route for " + route + " referrals: the configuration check should have said so");
    }
}
