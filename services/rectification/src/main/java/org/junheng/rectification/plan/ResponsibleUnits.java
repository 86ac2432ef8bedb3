package org.junheng.rectification.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junheng.contracts.Department;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.Accountability;
import org.junheng.contracts.rectification.UnitEvent;
import org.junheng.contracts.rectification.UnitEvent.ResponsibleLeaderNamed;
import org.junheng.contracts.rectification.UnitEvent.UnitAccountabilityRecorded;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.rectification.lifecycle.Accountabilities;

/**
 * The units answerable for the campaign (责任单位) as decide/evolve: each unit's 责任领导 — who signed its 责任状, named
 * again when the post changes hands — and the 约谈 and 问责 of a unit as a whole, apart from any one task (those on a
 * task are the task's, {@link org.junheng.rectification.lifecycle.Task}). A unit is one of the district's matrix, the
 * supervision office or the leading group's office; the caller resolves it and passes null for anything else.
 */
public final class ResponsibleUnits {

    public static final Decider<State, Command, UnitEvent> DECIDER = Decider.of(ResponsibleUnits::decide,
            ResponsibleUnits::evolve);

    public sealed interface Command {
    }

    public record NameLeader(@Nullable Department department, @Nullable String leader, @Nullable String post,
                             @Nullable LocalDate pledgeSignedOn, @Nullable String pledgeDocument, Person by,
                             LocalDate today) implements Command {
    }

    public record RecordAccountability(@Nullable Department department, @Nullable Accountability kind,
                                       @Nullable String person, @Nullable LocalDate date, @Nullable String reason,
                                       @Nullable String outcome, Person by, LocalDate today) implements Command {
    }

    /** Every leader named (the last per unit is the current one) and every 约谈/问责, in order. */
    public record State(String districtCode, List<ResponsibleLeaderNamed> leaders,
                        List<UnitAccountabilityRecorded> records) {

        public State {
            leaders = List.copyOf(leaders);
            records = List.copyOf(records);
        }

        public static State none(String districtCode) {
            return new State(districtCode, List.of(), List.of());
        }

        /** The current 责任领导 of each unit, by unit code, in the order first named. */
        public Map<String, ResponsibleLeaderNamed> currentLeaders() {
            Map<String, ResponsibleLeaderNamed> current = new LinkedHashMap<>();
            leaders.forEach(named -> current.put(named.department().code(), named));
            return current;
        }

        public List<UnitAccountabilityRecorded> recordsOf(String unitCode) {
            return records.stream().filter(r -> r.department().code().equals(unitCode)).toList();
        }
    }

    private ResponsibleUnits() {
    }

    public static List<UnitEvent> decide(State state, Command command) {
        if (command instanceof NameLeader name) {
            return nameLeader(state, name);
        }
        RecordAccountability record = (RecordAccountability) command;
        requireUnit(record.department());
        Accountabilities.Checked checked = Accountabilities.check(record.kind(), record.person(), record.date(),
                record.reason(), record.outcome(), record.today());
        return List.of(new UnitAccountabilityRecorded(state.districtCode(), record.department(), checked.kind(),
                checked.person(), checked.date(), checked.reason(), checked.outcome(), record.by()));
    }

    private static List<UnitEvent> nameLeader(State state, NameLeader name) {
        requireUnit(name.department());
        List<Violation> problems = new ArrayList<>();
        String leader = text(name.leader(), "leader", 50, "请填写责任领导姓名 (leader is required)", problems);
        String post = text(name.post(), "post", 100, "请填写职务，如“区财政局局长” (post is required)", problems);
        if (name.pledgeSignedOn() == null) {
            problems.add(Violation.error("pledgeSignedOn", null, "请填写责任状签订日期 (pledgeSignedOn is required)"));
        } else if (name.pledgeSignedOn().isAfter(name.today()) || name.pledgeSignedOn().getYear() < 2000) {
            problems.add(Violation.error("pledgeSignedOn", name.pledgeSignedOn(),
                    "签订日期须在2000年至今之间 (between 2000 and today)"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("责任领导记录有误 (the leader record is malformed)", problems);
        }
        String document = name.pledgeDocument() == null || name.pledgeDocument().isBlank() ? null
                : name.pledgeDocument().strip();
        ResponsibleLeaderNamed named = new ResponsibleLeaderNamed(state.districtCode(), name.department(), leader,
                post, name.pledgeSignedOn(), document, name.by());
        ResponsibleLeaderNamed current = state.currentLeaders().get(name.department().code());
        if (current != null && current.leader().equals(leader) && current.post().equals(post)
                && current.pledgeSignedOn().equals(name.pledgeSignedOn())
                && Objects.equals(current.pledgeDocument(), document)) {
            return List.of(); // named again as recorded: nothing changed
        }
        return List.of(named);
    }

    private static void requireUnit(@Nullable Department department) {
        if (department == null) {
            throw Refusal.invalidField("department", null, "不是本区的责任单位：须为责任分工中的单位、督导室（dd）或领导小组办公室（ldb）"
                    + " (not a unit of the district)");
        }
    }

    private static @Nullable String text(@Nullable String value, String field, int max, String message,
                                         List<Violation> problems) {
        if (value == null || value.isBlank()) {
            problems.add(Violation.error(field, value, message));
            return null;
        }
        if (value.strip().length() > max) {
            problems.add(Violation.error(field, value, "不超过" + max + "字 (at most " + max + " characters)"));
        }
        return value.strip();
    }

    public static State evolve(State state, UnitEvent event) {
        if (event instanceof ResponsibleLeaderNamed named) {
            List<ResponsibleLeaderNamed> leaders = new ArrayList<>(state.leaders());
            leaders.add(named);
            return new State(state.districtCode(), leaders, state.records());
        }
        List<UnitAccountabilityRecorded> records = new ArrayList<>(state.records());
        records.add((UnitAccountabilityRecorded) event);
        return new State(state.districtCode(), state.leaders(), records);
    }
}
