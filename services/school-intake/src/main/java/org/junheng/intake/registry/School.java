package org.junheng.intake.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.service.SchoolCode;

/** One school of the district register (学校名录): decide what a command means, evolve the state from events. */
public final class School {

    public enum Status { UNREGISTERED, ACTIVE, CLOSED, MERGED }

    public record State(String districtCode, String schoolCode, SchoolProfile profile, Status status) {
        public static State initial(String districtCode, String schoolCode) {
            return new State(districtCode, schoolCode, null, Status.UNREGISTERED);
        }

        public boolean exists() {
            return status != Status.UNREGISTERED;
        }
    }

    public sealed interface Command permits Register, ChangeProfile, Close, Merge {
    }

    public record Register(SchoolProfile profile) implements Command {
    }

    public record ChangeProfile(SchoolProfile profile, String reason) implements Command {
    }

    public record Close(LocalDate closedOn, String reason) implements Command {
    }

    public record Merge(String intoSchoolCode, String intoSchoolName, LocalDate mergedOn) implements Command {
    }

    private School() {
    }

    public static final Decider<State, Command, SchoolEvent> DECIDER = Decider.of(School::decide, School::evolve);

    public static String streamId(String districtCode, String schoolCode) {
        return "school/" + districtCode + "/" + schoolCode;
    }

    /** @return the events the command causes; empty when it changes nothing (a repeated request) */
    public static List<SchoolEvent> decide(State state, Command command) {
        if (command instanceof Register register) {
            return register(register, state);
        }
        if (command instanceof ChangeProfile change) {
            return changeProfile(change, state);
        }
        if (command instanceof Close close) {
            return close(close, state);
        }
        return merge((Merge) command, state);
    }

    private static List<SchoolEvent> register(Register register, State state) {
        validate(register.profile());
        if (state.exists()) {
            if (state.profile().equals(register.profile())) {
                return List.of();
            }
            throw Refusal.conflict("school-already-registered", "学校已登记 (school " + state.schoolCode()
                    + " is already registered; change its profile instead)");
        }
        return List.of(new SchoolEvent.SchoolRegistered(state.districtCode(), state.schoolCode(), register.profile()));
    }

    private static List<SchoolEvent> changeProfile(ChangeProfile change, State state) {
        requireActive(state);
        validate(change.profile());
        if (state.profile().equals(change.profile())) {
            return List.of();
        }
        return List.of(new SchoolEvent.SchoolProfileChanged(state.districtCode(), state.schoolCode(),
                change.profile(), blankToNull(change.reason())));
    }

    private static List<SchoolEvent> close(Close close, State state) {
        requireActive(state);
        List<Violation> violations = new ArrayList<>();
        if (close.closedOn() == null) {
            violations.add(Violation.error("closedOn", null, "必填 (required)"));
        }
        if (close.reason() == null || close.reason().isBlank()) {
            violations.add(Violation.error("reason", close.reason(), "撤销须说明原因 (a closure needs a reason)"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("撤销信息不完整 (incomplete closure)", violations);
        }
        return List.of(new SchoolEvent.SchoolClosed(state.districtCode(), state.schoolCode(), state.profile().name(),
                close.closedOn(), close.reason().trim()));
    }

    private static List<SchoolEvent> merge(Merge merge, State state) {
        requireActive(state);
        List<Violation> violations = new ArrayList<>();
        if (!SchoolCode.isValid(merge.intoSchoolCode())) {
            violations.add(Violation.error("intoSchoolCode", merge.intoSchoolCode(), "须为10位学校标识码 (10-digit school code)"));
        } else if (merge.intoSchoolCode().equals(state.schoolCode())) {
            violations.add(Violation.error("intoSchoolCode", merge.intoSchoolCode(), "不能并入自身 (cannot merge into itself)"));
        }
        if (merge.mergedOn() == null) {
            violations.add(Violation.error("mergedOn", null, "必填 (required)"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("合并信息有误 (invalid merger)", violations);
        }
        return List.of(new SchoolEvent.SchoolMerged(state.districtCode(), state.schoolCode(), state.profile().name(),
                merge.intoSchoolCode(), merge.intoSchoolName(), merge.mergedOn()));
    }

    public static State evolve(State state, SchoolEvent event) {
        if (event instanceof SchoolEvent.SchoolRegistered e) {
            return new State(e.districtCode(), e.schoolCode(), e.profile(), Status.ACTIVE);
        }
        if (event instanceof SchoolEvent.SchoolProfileChanged e) {
            return new State(state.districtCode(), state.schoolCode(), e.profile(), state.status());
        }
        if (event instanceof SchoolEvent.SchoolClosed) {
            return new State(state.districtCode(), state.schoolCode(), state.profile(), Status.CLOSED);
        }
        return new State(state.districtCode(), state.schoolCode(), state.profile(), Status.MERGED);
    }

    static void validate(SchoolProfile profile) {
        List<Violation> violations = new ArrayList<>();
        if (profile == null) {
            throw Refusal.invalid("学校信息必填 (profile is required)", List.of(Violation.error("profile", null, "必填 (required)")));
        }
        if (profile.name() == null || profile.name().isBlank()) {
            violations.add(Violation.error("profile.name", profile.name(), "学校名称必填 (name is required)"));
        } else if (profile.name().length() > 100) {
            violations.add(Violation.error("profile.name", profile.name(), "学校名称过长 (name longer than 100 characters)"));
        }
        if (profile.type() == null) {
            violations.add(Violation.error("profile.type", null, "学校类型必填 (type is required)"));
        }
        // location class, ownership and year built may follow the registration
        if (profile.yearBuilt() != null && (profile.yearBuilt() < 1800 || profile.yearBuilt() > 2100)) {
            violations.add(Violation.error("profile.yearBuilt", profile.yearBuilt(), "建校年份不合理 (implausible year built)"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("学校信息有误 (invalid school profile)", violations);
        }
    }

    /** Data about a school need it registered (whatever its status now). */
    public static void requireRegistered(State state) {
        if (!state.exists()) {
            throw Refusal.notFound("school-not-found", "学校未登记 (school " + state.schoolCode() + " is not registered in "
                    + state.districtCode() + ")");
        }
    }

    private static void requireActive(State state) {
        requireRegistered(state);
        if (state.status() != Status.ACTIVE) {
            throw Refusal.conflict("school-not-active", "学校已撤销或合并 (school " + state.schoolCode() + " is "
                    + state.status().name().toLowerCase() + ")");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
