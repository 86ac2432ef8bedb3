package org.junheng.notices.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junheng.contracts.Nullable;

/**
 * A finding's story across the services, as plain rules: whose story it is (its district's office and leaders, the
 * task's departments as they stand, the school it is about), which of its notices each reader may see, and the order
 * it is told in.
 */
public final class FindingStory {

    private FindingStory() {
    }

    /** One step: which service, what happened, when, who, and what caused it. */
    public record Entry(String source, String eventType, String eventId, Instant occurredAt, @Nullable String actor,
                        @Nullable String causationId, JsonNode event) {
    }

    /** The finding's district: from the pipeline's own events, whatever a notice claims to be about. */
    static String district(List<Entry> entries) {
        return entries.stream().filter(e -> !e.event().has("audience")).findFirst()
                .orElse(entries.get(0)).event().path("districtCode").asText();
    }

    /**
     * The entries a reader may see: notices of another district are never part of a finding's story, and a
     * department or a school sees only the notices addressed to it or to the whole district.
     */
    static List<Entry> shown(List<Entry> entries, String district, @Nullable String department, @Nullable String school) {
        return entries.stream().filter(entry -> {
            // notices and their acknowledgements carry an audience; the findings' and tasks' own events do not
            if (!entry.event().has("audience")) {
                return true;
            }
            JsonNode audience = entry.event().path("audience");
            String kind = audience.path("kind").asText();
            String code = audience.path("code").asText();
            if (!district.equals(entry.event().path("districtCode").asText())) {
                return false;
            }
            if (department != null) {
                return kind.equals("DISTRICT") || kind.equals("DEPARTMENT") && code.equals(department);
            }
            if (school != null) {
                return kind.equals("DISTRICT") || kind.equals("SCHOOL") && code.equals(school);
            }
            return true;
        }).toList();
    }

    /** The task's departments as they stand: the lead and helpers it opened with, the lead replaced on reassignment. */
    static Set<String> departmentsOfTheTask(List<Entry> entries) {
        String lead = null;
        Set<String> helpers = new TreeSet<>();
        for (Entry entry : entries) {
            if (entry.eventType().startsWith("TaskOpened")) {
                lead = entry.event().path("leadDepartment").path("code").asText();
                helpers.addAll(entry.event().path("coDepartments").findValuesAsText("code"));
            } else if (entry.eventType().startsWith("TaskReassigned")) {
                lead = entry.event().path("toDepartment").path("code").asText();
            }
        }
        Set<String> departments = new TreeSet<>(helpers);
        if (lead != null) {
            departments.add(lead);
        }
        return departments;
    }

    /**
     * Whether the story is the reader's: anyone of the finding's district who reads across it; a department of its
     * task; the school it is about.
     */
    static boolean isFor(List<Entry> entries, boolean seesDistrict, @Nullable String department,
                         @Nullable String school) {
        if (!seesDistrict) {
            return false;
        }
        if (department != null) {
            return departmentsOfTheTask(entries).contains(department);
        }
        if (school != null) {
            return entries.stream().anyMatch(e -> school.equals(e.event().path("subject").path("schoolCode").asText()));
        }
        return true;
    }

    /**
     * The story as a reader may read it, in causal order; empty when it is not theirs.
     *
     * @param seesDistrict whether the reader works in the finding's district
     */
    public static List<Entry> toldTo(List<Entry> entries, java.util.function.Predicate<String> seesDistrict,
                                     @Nullable String department, @Nullable String school) {
        if (entries.isEmpty()) {
            return entries;
        }
        String district = district(entries);
        List<Entry> shown = shown(entries, district, department, school);
        if (shown.isEmpty() || !isFor(shown, seesDistrict.test(district(shown)), department, school)) {
            return List.of();
        }
        return causalOrder(shown);
    }

    /** By time; an entry never precedes the entry that caused it. */
    static List<Entry> causalOrder(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::eventId));
        for (int i = 0; i < sorted.size(); i++) {
            Entry entry = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).eventId().equals(entry.causationId())) {
                    sorted.add(i, sorted.remove(j)); // move the cause before its effect
                    i--;
                    break;
                }
            }
        }
        return sorted;
    }

}
