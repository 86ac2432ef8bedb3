package org.junheng.contracts;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * The roles of the standard, as tokens carry them in {@code groups} (the identity provider, the services and the
 * console agree on these names), most powerful first: a person with several acts in the first.
 */
public enum Role implements Labelled {
    ADMIN("admin", "系统管理员"),
    CITY_SUPERVISOR("city-supervisor", "市级督导"),
    SUPERVISOR("supervisor", "教育督导室"),
    LEADER("leader", "领导小组"),
    DEPARTMENT("department", "责任单位"),
    SCHOOL("school", "学校");

    private final String claim;
    private final String label;

    Role(String claim, String label) {
        this.claim = claim;
        this.label = label;
    }

    /** The name in the token's {@code groups} claim. */
    public String claim() {
        return claim;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Role> ofClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }

    /** The role a person with these groups acts in: the most powerful one of the standard among them. */
    public static Optional<Role> actingIn(Collection<String> groups) {
        return Arrays.stream(values()).filter(role -> groups.contains(role.claim)).findFirst();
    }

    /** A role claim as people say it (教育督导室, 责任单位 …); the pipeline's own actor 系统自动; else as it is. */
    public static String labelOf(String claim) {
        if ("system".equals(claim)) {
            return "系统自动";
        }
        return claim == null ? "" : ofClaim(claim).map(Role::label).orElse(claim);
    }
}
