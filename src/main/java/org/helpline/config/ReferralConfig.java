package org.helpline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Referral into the national identification and referral mechanism ({@code org.helpline.referral}): the
 * rule set that decides, the partners who receive, and how delivery and storage work.
 *
 * @param enabled          off by default: {@code POST /api/referrals} answers 503 until partners and a key are set
 * @param retention        how long reference, status and timestamps stay after the partner acknowledged (or
 *                         delivery was given up); then nothing is left
 * @param summaryMaxLength the most characters of the operator's short summary
 * @param presumedVictim   the person is a presumed victim when any of these rules holds
 * @param kinds            kinds of exploitation an operator may choose
 * @param needs            immediate needs an operator may tick
 * @param consentExplains  what must have been explained before an adult's consent counts as informed
 * @param partners         who receives referrals, by id
 * @param routes           which partner gets a referral or notification: the first route that matches its route, kind
 *                         and county
 */
public record ReferralConfig(Boolean enabled, Duration retention, Integer summaryMaxLength,
                             List<VictimRule> presumedVictim, List<String> kinds, List<String> needs,
                             List<String> consentExplains, Map<String, Partner> partners, List<Route> routes,
                             Delivery delivery, Encryption encryption) {
    /**
     * Romania's 41 counties and Bucharest by their ISO 3166-2:RO code without the "RO-" (DGASPC work by county), each
     * with its proper name, which is the same in Romanian and English: the one list, served to the console.
     */
    public static final Map<String, String> COUNTY_NAMES = countyNames("AB", "Alba", "AR", "Arad", "AG", "Argeș",
            "BC", "Bacău", "BH", "Bihor", "BN", "Bistrița-Năsăud", "BT", "Botoșani", "BV", "Brașov", "BR", "Brăila",
            "B", "București", "BZ", "Buzău", "CS", "Caraș-Severin", "CL", "Călărași", "CJ", "Cluj", "CT", "Constanța",
            "CV", "Covasna", "DB", "Dâmbovița", "DJ", "Dolj", "GL", "Galați", "GR", "Giurgiu", "GJ", "Gorj",
            "HR", "Harghita", "HD", "Hunedoara", "IL", "Ialomița", "IS", "Iași", "IF", "Ilfov", "MM", "Maramureș",
            "MH", "Mehedinți", "MS", "Mureș", "NT", "Neamț", "OT", "Olt", "PH", "Prahova", "SM", "Satu Mare",
            "SJ", "Sălaj", "SB", "Sibiu", "SV", "Suceava", "TR", "Teleorman", "TM", "Timiș", "TL", "Tulcea",
            "VS", "Vaslui", "VL", "Vâlcea", "VN", "Vrancea");
    /** The county codes alone. */
    public static final Set<String> COUNTIES = COUNTY_NAMES.keySet();
    /** adult and child referrals; notification: a third party's report to the national agency. */
    public static final List<String> ROUTES = List.of("adult", "child", "notification");
    private static final String ID = "[a-z][a-z0-9_-]{0,39}";

    public ReferralConfig {
        enabled = enabled != null && enabled;
        retention = retention == null ? Duration.ofDays(30) : retention;
        summaryMaxLength = summaryMaxLength == null ? 500 : summaryMaxLength;
        presumedVictim = presumedVictim == null ? defaultRules() : List.copyOf(presumedVictim);
        kinds = kinds == null ? List.of("labour", "sexual", "begging", "crime", "domestic_servitude", "other") : List.copyOf(kinds);
        needs = needs == null
                ? List.of("safety", "shelter", "medical", "food_money", "documents", "repatriation", "legal", "interpretation")
                : List.copyOf(needs);
        consentExplains = consentExplains == null
                ? List.of("rights", "help_without_complaint", "what_is_shared", "who_receives", "withdraw_any_time")
                : List.copyOf(consentExplains);
        partners = partners == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partners));
        routes = routes == null ? List.of() : List.copyOf(routes);
        delivery = delivery == null ? new Delivery(null, null, null, null, null) : delivery;
        encryption = encryption == null ? new Encryption(null, null) : encryption;
    }

    private static Map<String, String> countyNames(String... codesAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            names.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    public static ReferralConfig defaults() {
        return new ReferralConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The built-in rule set, shown in config/helpline.yaml; indicator ids are those of config/guidance/indicators.yaml. */
    private static List<VictimRule> defaultRules() {
        List<String> ilo = List.of("abuse_of_vulnerability", "deception", "restriction_of_movement", "isolation",
                "physical_sexual_violence", "intimidation_threats", "retention_of_documents", "withholding_of_wages",
                "debt_bondage", "abusive_conditions", "excessive_overtime");
        List<String> labour = List.of("lb_group_housing_at_site", "lb_no_protective_gear", "lb_no_earnings_no_contract",
                "lb_transport_housing_via_employer", "lb_never_out_alone", "lb_fines", "lb_threats", "lb_costs_from_pay");
        List<String> sexual = List.of("sx_moved_between_venues", "sx_escorted", "sx_ownership_tattoos", "sx_long_hours",
                "sx_sleeps_at_work", "sx_no_money", "sx_no_document", "sx_afraid_to_say");
        List<String> begging = List.of("bg_earnings_handed_over", "bg_long_hours_public", "bg_children_or_disabled",
                "bg_children_as_offenders");
        List<String> every = new java.util.ArrayList<>(ilo);
        every.addAll(labour);
        every.addAll(sexual);
        every.addAll(begging);
        List<String> forcedLabour = new java.util.ArrayList<>(ilo);
        forcedLabour.addAll(labour);
        return List.of(
                new VictimRule(Map.of("en", "a sign of coercion: one alone is enough",
                        "ro", "un semn de constrângere: unul singur ajunge"), List.of("restriction_of_movement",
                        "physical_sexual_violence", "intimidation_threats", "retention_of_documents", "debt_bondage"), 1, null),
                new VictimRule(Map.of("en", "several signs of forced labour together",
                        "ro", "mai multe semne de muncă forțată împreună"), forcedLabour, 2, null),
                new VictimRule(Map.of("en", "several signs of sexual exploitation together",
                        "ro", "mai multe semne de exploatare sexuală împreună"), sexual, 2, null),
                new VictimRule(Map.of("en", "several signs of forced begging or forced crime together",
                        "ro", "mai multe semne de cerșetorie forțată sau infracțiuni forțate împreună"), begging, 2, null),
                new VictimRule(Map.of("en", "a minor with any sign of exploitation: child protection acts on suspicion",
                        "ro", "un minor cu orice semn de exploatare: protecția copilului acționează la suspiciune"),
                        every, 1, "minor"));
    }

    void validate() {
        Check.positive(retention, "referral.retention");
        Check.that(summaryMaxLength >= 50 && summaryMaxLength <= 2000, "referral.summaryMaxLength", "must be between 50 and 2000");
        Check.that(!presumedVictim.isEmpty(), "referral.presumedVictim", "list at least one rule");
        for (int i = 0; i < presumedVictim.size(); i++) {
            presumedVictim.get(i).validate("referral.presumedVictim[" + i + "]");
        }
        codes(kinds, "referral.kinds");
        codes(needs, "referral.needs");
        codes(consentExplains, "referral.consentExplains");
        partners.forEach((id, partner) -> {
            Check.that(id.matches(ID), "referral.partners." + id, "a partner id is lower-case letters, digits, - and _");
            partner.validate("referral.partners." + id);
        });
        for (int i = 0; i < routes.size(); i++) {
            routes.get(i).validate("referral.routes[" + i + "]", this);
        }
        delivery.validate();
        if (enabled) {
            Check.that(!partners.isEmpty(), "referral.partners", "referral is enabled: list the partners who receive referrals");
            for (String route : ROUTES) {
                Check.that(routes.stream().anyMatch(r -> r.route().equals(route) && r.kinds().isEmpty() && r.counties().isEmpty()),
                        "referral.routes", "no route takes every " + route + " referral: end the list with one for route "
                                + route + " without kinds and counties");
            }
            KeyText.checkRing(encryption.currentKey(), encryption.keys(), "referral.encryption");
        }
    }

    private static void codes(List<String> list, String key) {
        Check.that(!list.isEmpty(), key, "list at least one");
        list.forEach(code -> Check.that(code.matches("[a-z][a-z0-9_]{0,39}"), key,
                "'" + code + "' must be lower-case letters, digits and underscores"));
    }

    /**
     * @param reason     shown to the operator when the rule holds, in each of the console's languages ({@code ro}, {@code en})
     * @param indicators indicator ids (config/guidance/indicators.yaml); the rule holds when at least {@code atLeast} are ticked
     * @param age        {@code minor} or {@code adult} to apply to that age only; absent: any age
     */
    public record VictimRule(Map<String, String> reason, List<String> indicators, Integer atLeast, String age) {
        /** The console's languages: a rule's reason is written in each. */
        public static final List<String> LANGUAGES = List.of("ro", "en");

        public VictimRule {
            reason = reason == null ? Map.of() : Map.copyOf(reason);
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            atLeast = atLeast == null ? 1 : atLeast;
        }

        void validate(String key) {
            LANGUAGES.forEach(language -> Check.notBlank(reason.get(language), key + ".reason." + language));
            Check.that(LANGUAGES.containsAll(reason.keySet()), key + ".reason", "write it in ro and en only");
            Check.that(!indicators.isEmpty(), key + ".indicators", "list the indicator ids this rule counts");
            indicators.forEach(id -> Check.that(id.matches("[a-z][a-z0-9_]{0,63}"), key + ".indicators",
                    "'" + id + "' is not an indicator id such as retention_of_documents"));
            Check.that(atLeast >= 1 && atLeast <= indicators.size(), key + ".atLeast",
                    "must be between 1 and the number of indicators listed (" + indicators.size() + ")");
            Check.that(age == null || age.equals("minor") || age.equals("adult"), key + ".age", "must be minor or adult, or left out");
        }
    }

    /**
     * @param name     shown to operators and supervisors
     * @param endpoint the partner's HTTPS webhook (http only to localhost, for tests)
     * @param secret   the signing secret, from the environment: {@code ${HELPLINE_PARTNER_..._SECRET}}
     */
    public record Partner(String name, String endpoint, String secret) {
        void validate(String key) {
            Check.notBlank(name, key + ".name");
            Check.that(endpoint != null && endpointAllowed(endpoint), key + ".endpoint",
                    "must be an https:// URL (http:// only to localhost, for tests)");
            Check.that(secret != null && secret.length() >= 32, key + ".secret",
                    "must be at least 32 characters (openssl rand -hex 32), taken from the environment");
        }

        private static boolean endpointAllowed(String endpoint) {
            try {
                URI uri = new URI(endpoint);
                if (uri.getHost() == null || uri.getUserInfo() != null) {
                    return false;
                }
                return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme())
                        && Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost());
            } catch (URISyntaxException e) {
                return false;
            }
        }

        /** Never the secret. */
        @Override
        public String toString() {
            return "Partner[name=" + name + ", endpoint=" + endpoint + "]";
        }
    }

    /**
     * @param route    adult, child or notification (a third party's report; for a child the child route is notified too)
     * @param kinds    the kinds of exploitation it takes; empty: every kind
     * @param counties the counties it takes (CJ, B, ...); empty: every county, and referrals whose county is not known
     * @param partner  the partner id
     */
    public record Route(String route, List<String> kinds, List<String> counties, String partner) {
        public Route {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            counties = counties == null ? List.of() : List.copyOf(counties);
        }

        public boolean takes(String referralRoute, String kind, String county) {
            return route.equals(referralRoute) && (kinds.isEmpty() || kinds.contains(kind))
                    && (counties.isEmpty() || county != null && counties.contains(county));
        }

        void validate(String key, ReferralConfig referral) {
            Check.that(ROUTES.contains(route), key + ".route", "must be adult, child or notification, not '" + route + "'");
            kinds.forEach(k -> Check.that(referral.kinds().contains(k), key + ".kinds", "'" + k + "' is not in referral.kinds"));
            counties.forEach(c -> Check.that(COUNTIES.contains(c), key + ".counties",
                    "'" + c + "' is not a county code such as CJ or B (ISO 3166-2:RO)"));
            Check.that(referral.partners().containsKey(partner), key + ".partner",
                    "'" + partner + "' is not one of referral.partners");
        }
    }

    /**
     * @param timeout      how long one attempt waits for the partner's answer
     * @param firstRetry   the pause after a first failed attempt; it doubles after each failure ...
     * @param longestRetry ... up to this
     * @param giveUpAfter  an undelivered referral is given up this long after it was made: its payload is deleted
     *                     and supervisors see it as failed
     * @param checkEvery   how often the outbox looks for referrals due
     */
    public record Delivery(Duration timeout, Duration firstRetry, Duration longestRetry, Duration giveUpAfter,
                           Duration checkEvery) {
        public Delivery {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            longestRetry = longestRetry == null ? Duration.ofMinutes(30) : longestRetry;
            giveUpAfter = giveUpAfter == null ? Duration.ofDays(7) : giveUpAfter;
            checkEvery = checkEvery == null ? Duration.ofSeconds(1) : checkEvery;
        }

        void validate() {
            Check.positive(timeout, "referral.delivery.timeout");
            Check.positive(firstRetry, "referral.delivery.firstRetry");
            Check.that(longestRetry.compareTo(firstRetry) >= 0, "referral.delivery.longestRetry", "must not be shorter than firstRetry");
            Check.that(giveUpAfter.compareTo(longestRetry) > 0, "referral.delivery.giveUpAfter", "must be longer than longestRetry");
            Check.positive(checkEvery, "referral.delivery.checkEvery");
        }
    }

    /**
     * AES-256-GCM keys for referral payloads at rest. New payloads use {@code currentKey}; older keys stay listed
     * until every payload they encrypted is gone (at most {@code delivery.giveUpAfter}).
     *
     * @param keys id: base64 of 32 random bytes, from the environment or {@code file:PATH}
     */
    public record Encryption(String currentKey, Map<String, String> keys) {
        public Encryption {
            currentKey = currentKey == null ? "" : currentKey;
            keys = keys == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        /** Key ids only. */
        @Override
        public String toString() {
            return "Encryption[currentKey=" + currentKey + ", keys=" + KeyText.ids(keys) + "]";
        }
    }
}
