package org.helpline.referral;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.helpline.config.ReferralConfig;
import org.helpline.config.ReferralConfig.Route;
import org.helpline.config.ReferralConfig.VictimRule;
import org.helpline.referral.Decision.Delivery;
import org.helpline.referral.Decision.Outcome;
import org.helpline.referral.Decision.Reason;

/**
 * The configured rule set applied to one request (HG 88/2023; domain notes, "Referral"): a missing child means
 * the police and 116 000 first, immediate danger the emergency services first; a presumed victim when a rule
 * holds for the indicators ticked, or when the person says what happened to them; a minor (or a person whose
 * age is not established) goes to the child-protection route whatever the consent; an adult only with informed
 * consent. A third party's report is a notification to the national agency (and child protection for a child),
 * which needs no consent of the person. Plain Java: no I/O, no clock.
 */
public final class Assessment {
    private final ReferralConfig config;
    /** Every indicator some rule counts: the ones a third party's notification can rest on. */
    private final Set<String> known = new LinkedHashSet<>();

    public Assessment(ReferralConfig config) {
        this.config = config;
        config.presumedVictim().forEach(rule -> known.addAll(rule.indicators()));
    }

    public Decision decide(ReferralRequest request) {
        List<Reason> reasons = new ArrayList<>();
        boolean missingChild = request.missingChild();
        if (missingChild) {
            reasons.add(new Reason("missing_child_first"));
        }
        boolean emergencyFirst = request.urgency() == ReferralRequest.Urgency.IMMEDIATE_DANGER;
        if (emergencyFirst) {
            reasons.add(new Reason("emergency_first"));
        }
        boolean minor = request.age().treatedAsMinor();
        if (request.age() == ReferralRequest.Age.UNKNOWN) {
            reasons.add(new Reason("age_not_established"));
        }
        List<Reason> held = grounds(request, minor);
        if (request.notification()) {
            return notification(request, minor, held, reasons);
        }
        if (held.isEmpty()) {
            reasons.add(new Reason("not_presumed_victim"));
            return new Decision(Outcome.NOT_PRESUMED_VICTIM, missingChild, emergencyFirst, false, null, List.of(), reasons);
        }
        reasons.addAll(held);
        String route = minor ? "child" : "adult";
        if (minor) {
            reasons.add(new Reason("child_protection"));
        } else if (!request.consent().given()) {
            reasons.add(new Reason("no_consent"));
            return new Decision(Outcome.NO_CONSENT, missingChild, emergencyFirst, true, route, List.of(), reasons);
        } else {
            List<String> missing = config.consentExplains().stream()
                    .filter(item -> !request.consent().explained().contains(item)).toList();
            if (!missing.isEmpty()) {
                reasons.add(Reason.missing(missing));
                return new Decision(Outcome.CONSENT_NOT_INFORMED, missingChild, emergencyFirst, true, route, List.of(), reasons);
            }
            reasons.add(new Reason("informed_consent"));
        }
        Delivery delivery = deliveryFor(route, request);
        reasons.add(sentTo(delivery));
        return new Decision(Outcome.REFERRED, missingChild, emergencyFirst, true, route, List.of(delivery), reasons);
    }

    /**
     * A third party's report: anyone who spots a possible victim notifies the national agency (HG 88/2023), and for
     * a child child protection too. One sign described, or a missing child, is enough; the person's consent is not
     * asked for, the reporter's own consent to be contacted is recorded.
     */
    private Decision notification(ReferralRequest request, boolean minor, List<Reason> held, List<Reason> reasons) {
        List<String> signs = request.indicators().stream().filter(known::contains).sorted().toList();
        boolean emergencyFirst = reasons.stream().anyMatch(r -> r.code().equals("emergency_first"));
        if (signs.isEmpty() && !request.missingChild()) {
            reasons.add(new Reason("nothing_to_notify"));
            return new Decision(Outcome.NOT_PRESUMED_VICTIM, false, emergencyFirst, false, null, List.of(), reasons);
        }
        reasons.add(Reason.withSigns("notification", signs));
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(deliveryFor("notification", request));
        if (minor) {
            reasons.add(new Reason("child_protection_notified"));
            deliveries.add(deliveryFor("child", request));
        }
        reasons.add(request.reporter().consentToContact()
                ? new Reason("reporter_may_be_contacted")
                : new Reason("reporter_not_contacted"));
        deliveries.forEach(d -> reasons.add(sentTo(d)));
        return new Decision(Outcome.NOTIFIED, request.missingChild(), emergencyFirst, !held.isEmpty(), "notification",
                deliveries, reasons);
    }

    /** Why the person is a presumed victim: their own account, a missing child, and each rule that holds. */
    private List<Reason> grounds(ReferralRequest request, boolean minor) {
        List<Reason> held = new ArrayList<>();
        if (request.basis() == ReferralRequest.Basis.SELF_IDENTIFIED) {
            held.add(new Reason("self_identified"));
        }
        if (request.missingChild()) {
            held.add(new Reason("missing_child"));
        }
        for (VictimRule rule : config.presumedVictim()) {
            if (rule.age() != null && rule.age().equals("minor") != minor) {
                continue;
            }
            List<String> counted = rule.indicators().stream().filter(request.indicators()::contains).toList();
            if (counted.size() >= rule.atLeast()) {
                held.add(Reason.rule(rule.reason(), counted));
            }
        }
        return held;
    }

    private static Reason sentTo(Delivery delivery) {
        return Reason.sentTo(delivery.partner().name());
    }

    /** The first route that takes it; validation made sure a last one takes everything. */
    private Delivery deliveryFor(String route, ReferralRequest request) {
        for (Route candidate : config.routes()) {
            if (candidate.takes(route, request.kind(), request.county())) {
                return new Delivery(route, candidate.partner(), config.partners().get(candidate.partner()));
            }
        }
        throw new IllegalStateException("no route for " + route + " referrals: the configuration check should have said so");
    }
}
