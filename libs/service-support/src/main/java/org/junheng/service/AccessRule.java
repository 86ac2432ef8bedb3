package org.junheng.service;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junheng.contracts.Role;

/**
 * One row of a service's access table — the matrix of docs/security.md as code: an operation as the service's OpenAPI
 * document names it ({@code PUT /api/v1/districts/{district}/campaign}) and the roles that may call it; admins always
 * may. Finer scopes (a department's own tasks, a school's own data, a notice's audience) are decided by the service on
 * the thing itself. Each service keeps its rows as constants of one class; the e2e authorization matrix checks what
 * every caller gets against them.
 */
public record AccessRule(String operation, Set<Role> roles) {

    /** Every role of a district (a school or department then sees its own part of it). */
    public static final Set<Role> EVERY_ROLE = EnumSet.of(Role.CITY_SUPERVISOR, Role.SUPERVISOR, Role.LEADER,
            Role.DEPARTMENT, Role.SCHOOL);
    /** Everyone of the district who reads across it: not schools. */
    public static final Set<Role> READERS = EnumSet.of(Role.CITY_SUPERVISOR, Role.SUPERVISOR, Role.LEADER,
            Role.DEPARTMENT);
    /** Those who oversee the district: the office, the leading group, the city. */
    public static final Set<Role> OVERSEERS = EnumSet.of(Role.CITY_SUPERVISOR, Role.SUPERVISOR, Role.LEADER);

    public AccessRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static AccessRule of(String operation, Role... roles) {
        return new AccessRule(operation, Set.of(roles));
    }

    public static AccessRule of(String operation, Set<Role> roles) {
        return new AccessRule(operation, roles);
    }

    /** The administrator's only. */
    public static AccessRule adminOnly(String operation) {
        return new AccessRule(operation, Set.of());
    }

    public boolean allows(Role role) {
        return role == Role.ADMIN || roles.contains(role);
    }

    /** The rules a table class holds as public static constants (and lists of them), in declaration order. */
    public static List<AccessRule> rulesOf(Class<?> table) {
        List<AccessRule> rules = new ArrayList<>();
        for (Field field : table.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())) {
                continue;
            }
            try {
                Object value = field.get(null);
                if (value instanceof AccessRule rule) {
                    rules.add(rule);
                } else if (value instanceof java.util.Collection<?> many) {
                    many.stream().filter(AccessRule.class::isInstance).map(AccessRule.class::cast).forEach(rules::add);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return rules;
    }

    /** The roles in words, for a refusal. */
    String roleLabels() {
        return roles.isEmpty() ? Role.ADMIN.label() : String.join("、", Arrays.stream(Role.values())
                .filter(roles::contains).map(Role::label).toList());
    }
}
