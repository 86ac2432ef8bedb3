package org.junheng.rectification.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.Milestone;
import org.junheng.contracts.rectification.PlanEvent;
import org.junheng.contracts.rectification.PlanEvent.MilestoneReached;
import org.junheng.contracts.rectification.PlanEvent.PlanApproved;
import org.junheng.contracts.rectification.PlanEvent.PlanItem;
import org.junheng.contracts.rectification.PlanEvent.PlanVersionDrafted;
import org.junheng.contracts.rectification.PlanEvent.ProjectDefined;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;

/**
 * A district's rectification plan for a year (整改方案) as decide/evolve. The office draws up a version from the year's
 * tasks as they stand (each with its lead, helpers, due date and the measures its lead planned); the leading group
 * approves the latest version (recorded by the office: date, meeting, 文号), and a later version supersedes it until
 * approved in turn. 整改项目 group the tasks one measure settles (a new building fixes several schools' areas), each
 * with budget, funding and milestones; a task belongs to one project at most.
 */
public final class RectificationPlan {

    public static final Decider<State, Command, PlanEvent> DECIDER = Decider.of(RectificationPlan::decide,
            RectificationPlan::evolve);

    static final int MAX_MILESTONES = 20;
    static final BigDecimal MAX_BUDGET = new BigDecimal("10000000"); // 万元: one thousand billion yuan

    public sealed interface Command {
    }

    /** Draw up the next version from the year's tasks (the caller reads them; the project of each is added here). */
    public record DraftVersion(@Nullable String title, @Nullable String remarks, List<PlanItem> tasks, Person by,
                               LocalDate today) implements Command {
    }

    /** The leading group approved a version. */
    public record Approve(@Nullable Integer version, @Nullable LocalDate approvedOn, @Nullable String approvedBy,
                          @Nullable String documentNumber, Person by, LocalDate today) implements Command {
    }

    /**
     * Define or revise a project. {@code lead} is null when the caller named no unit of the matrix;
     * {@code yearTasks} are the ids of the district's tasks of the year.
     */
    public record DefineProject(@Nullable String name, @Nullable Department lead, @Nullable List<UUID> taskIds,
                                Set<UUID> yearTasks, @Nullable BigDecimal budget, @Nullable String fundingSource,
                                @Nullable List<Milestone> milestones, Person by) implements Command {
    }

    public record ReachMilestone(UUID projectId, @Nullable String milestone, @Nullable LocalDate reachedOn,
                                 @Nullable String note, Person by, LocalDate today) implements Command {
    }

    /** A project as defined last, and the milestones reached (by description). */
    public record Project(ProjectDefined definition, Map<String, MilestoneReached> reached) {

        public Project {
            reached = Map.copyOf(reached);
        }

        public Optional<MilestoneReached> reached(Milestone milestone) {
            return Optional.ofNullable(reached.get(milestone.description()));
        }

        /** Not reached and past its date. */
        public boolean overdue(Milestone milestone, LocalDate today) {
            return !reached.containsKey(milestone.description()) && milestone.dueDate().isBefore(today);
        }

        /** 已完成（date）, 逾期未完成 or 未到期. */
        public String statusLabel(Milestone milestone, LocalDate today) {
            return reached(milestone).map(r -> "已完成（" + chinese(r.reachedOn()) + "）")
                    .orElse(overdue(milestone, today) ? "逾期未完成" : "未到期");
        }

        /** 节点完成1/2，逾期1个. */
        public String progressLabel(LocalDate today) {
            long overdue = definition.milestones().stream().filter(m -> overdue(m, today)).count();
            return "节点完成" + reached.size() + "/" + definition.milestones().size()
                    + (overdue > 0 ? "，逾期" + overdue + "个" : "");
        }
    }

    public record State(String districtCode, int period, List<PlanVersionDrafted> versions,
                        List<PlanApproved> approvals, Map<UUID, Project> projects) {

        public State {
            versions = List.copyOf(versions);
            approvals = List.copyOf(approvals);
            projects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(projects));
        }

        public static State none(String districtCode, int period) {
            return new State(districtCode, period, List.of(), List.of(), Map.of());
        }

        public @Nullable PlanVersionDrafted latest() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }

        public Optional<PlanApproved> approval(int version) {
            return approvals.stream().filter(a -> a.version() == version).findFirst();
        }

        /** The version in force: the latest one approved. */
        public Optional<PlanVersionDrafted> inForce() {
            return approvals.stream().reduce((a, b) -> b).map(a -> versions.get(a.version() - 1));
        }

        /** In words: 未起草, 第2版待领导小组审定；现行为第1版, 第2版已审定（date，by whom）. */
        public String statusLabel() {
            PlanVersionDrafted latest = latest();
            if (latest == null) {
                return "未起草";
            }
            return approval(latest.version())
                    .map(a -> "第" + latest.version() + "版已审定（" + chinese(a.approvedOn()) + "，" + a.approvedBy() + "）")
                    .orElse("第" + latest.version() + "版待领导小组审定"
                            + inForce().map(v -> "；现行为第" + v.version() + "版").orElse(""));
        }

        /** A version in words: 现行（已审定）, 待领导小组审定, or superseded (已审定/未审定，已被第N版取代). */
        public String versionLabel(int version) {
            int last = latest() == null ? 0 : latest().version();
            if (version == inForce().map(PlanVersionDrafted::version).orElse(0)) {
                return "现行（已审定）";
            }
            if (version == last) {
                return "待领导小组审定";
            }
            // superseded by the next version approved after it, else by the latest drawn up
            int successor = approvals.stream().mapToInt(PlanApproved::version).filter(v -> v > version).min()
                    .orElse(last);
            return (approval(version).isPresent() ? "已审定" : "未审定") + "，已被第" + successor + "版取代";
        }

        public Optional<Project> projectOf(UUID taskId) {
            return projects.values().stream().filter(p -> p.definition().taskIds().contains(taskId)).findFirst();
        }
    }

    private RectificationPlan() {
    }

    /** A project's id: the same name in the same district and year is the same project. */
    public static UUID projectId(String districtCode, int period, String name) {
        return UUID.nameUUIDFromBytes(("project/" + districtCode + "/" + period + "/" + name.strip())
                .getBytes(StandardCharsets.UTF_8));
    }

    public static List<PlanEvent> decide(State state, Command command) {
        if (command instanceof DraftVersion draft) {
            return List.of(draft(state, draft));
        } else if (command instanceof Approve approve) {
            return List.of(approve(state, approve));
        } else if (command instanceof DefineProject define) {
            return define(state, define);
        }
        return List.of(reach(state, (ReachMilestone) command));
    }

    private static PlanVersionDrafted draft(State state, DraftVersion draft) {
        String title = requireText(draft.title(), "title", 200, "请填写方案名称 (title is required)");
        if (draft.tasks().isEmpty()) {
            throw Refusal.conflict("plan-without-tasks", state.period() + "年度尚无整改任务，无需起草整改方案 "
                    + "(the year has no tasks to plan)");
        }
        List<PlanItem> items = draft.tasks().stream().map(item -> new PlanItem(item.taskId(), item.indicator(),
                item.title(), item.lead(), item.helpers(), item.dueDate(), measuresInPlan(item.measures()),
                state.projectOf(item.taskId()).map(p -> p.definition().projectId()).orElse(null))).toList();
        return new PlanVersionDrafted(state.districtCode(), state.period(), state.versions().size() + 1, title,
                draft.today(), items, blankToNull(draft.remarks()), draft.by());
    }

    /**
     * A version names each task's measures in at most {@value #MAX_MEASURES_IN_PLAN} characters (the task keeps them
     * whole): a version of a few hundred tasks stays one event well under the broker's 1 MB record limit.
     */
    static final int MAX_MEASURES_IN_PLAN = 300;

    static @Nullable String measuresInPlan(@Nullable String measures) {
        if (measures == null || measures.length() <= MAX_MEASURES_IN_PLAN) {
            return measures;
        }
        return measures.substring(0, MAX_MEASURES_IN_PLAN) + "……（全文见整改任务）";
    }

    private static PlanApproved approve(State state, Approve approve) {
        PlanVersionDrafted latest = state.latest();
        if (latest == null) {
            throw Refusal.conflict("no-plan-version", "尚未起草整改方案，无可审定的版本 (no version drafted yet)");
        }
        List<Violation> problems = new ArrayList<>();
        if (approve.version() == null) {
            problems.add(Violation.error("version", null, "请填写审定的版本号 (version is required)"));
        }
        if (approve.approvedOn() == null) {
            problems.add(Violation.error("approvedOn", null, "请填写审定日期 (approvedOn is required)"));
        } else if (approve.approvedOn().isAfter(approve.today())) {
            problems.add(Violation.error("approvedOn", approve.approvedOn(), "审定日期不能晚于今天 (not after today)"));
        } else if (approve.approvedOn().isBefore(latest.draftedOn())) {
            problems.add(Violation.error("approvedOn", approve.approvedOn(), "审定日期不能早于第" + latest.version()
                    + "版的起草日期" + latest.draftedOn() + " (not before the version was drafted)"));
        }
        if (approve.approvedBy() == null || approve.approvedBy().isBlank()) {
            problems.add(Violation.error("approvedBy", null, "请填写审定会议或机构，如“区义务教育优质均衡发展领导小组第3次会议” "
                    + "(approvedBy is required)"));
        } else if (approve.approvedBy().length() > 200) {
            problems.add(Violation.error("approvedBy", approve.approvedBy(), "不超过200字 (at most 200 characters)"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("审定记录有误 (the approval is malformed)", problems);
        }
        int version = approve.version();
        if (version < 1 || version > latest.version()) {
            throw Refusal.invalidField("version", version, "没有第" + version + "版；现有第1版至第" + latest.version()
                    + "版 (no such version)");
        }
        if (version != latest.version()) {
            throw Refusal.conflict("plan-version-superseded", "第" + version + "版已被第" + latest.version()
                    + "版取代，请审定第" + latest.version() + "版 (version " + version + " is superseded)");
        }
        if (state.approval(version).isPresent()) {
            throw Refusal.conflict("plan-already-approved", "第" + version + "版已于"
                    + state.approval(version).get().approvedOn() + "审定 (already approved)");
        }
        List<Department> units = latest.items().stream().map(PlanItem::lead).distinct().toList();
        return new PlanApproved(state.districtCode(), state.period(), version, approve.approvedOn(),
                approve.approvedBy().strip(), blankToNull(approve.documentNumber()), units, latest.items().size(),
                approve.by());
    }

    private static List<PlanEvent> define(State state, DefineProject define) {
        List<Violation> problems = new ArrayList<>();
        String name = define.name() == null ? null : define.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(Violation.error("name", null, "请填写项目名称 (name is required)"));
        } else if (name.length() > 100) {
            problems.add(Violation.error("name", name, "项目名称不超过100字 (at most 100 characters)"));
        }
        if (define.lead() == null) {
            problems.add(Violation.error("leadDepartment", null, "牵头单位须为本区责任分工中的单位、督导室或领导小组办公室"
                    + "（代码或名称）(leadDepartment must be a unit of the district)"));
        }
        UUID projectId = name == null || name.isEmpty() ? null : projectId(state.districtCode(), state.period(), name);
        Set<UUID> tasks = new LinkedHashSet<>();
        if (define.taskIds() == null || define.taskIds().isEmpty()) {
            problems.add(Violation.error("taskIds", null, "请选择项目解决的整改任务 (taskIds: at least one task)"));
        } else {
            for (int i = 0; i < define.taskIds().size(); i++) {
                UUID task = define.taskIds().get(i);
                String field = "taskIds[" + i + "]";
                if (task == null) {
                    problems.add(Violation.error(field, null, "任务编号为空 (null)"));
                } else if (!define.yearTasks().contains(task)) {
                    problems.add(Violation.error(field, task, "不是本区" + state.period() + "年度的整改任务 (not a task of "
                            + "the district's year)"));
                } else {
                    Optional<Project> other = state.projectOf(task)
                            .filter(p -> !p.definition().projectId().equals(projectId));
                    if (other.isPresent()) {
                        problems.add(Violation.error(field, task, "已列入整改项目“" + other.get().definition().name()
                                + "” (already in another project)"));
                    }
                    tasks.add(task);
                }
            }
        }
        if (define.budget() == null) {
            problems.add(Violation.error("budget", null, "请填写预算（万元），无预算填0 (budget in 万元 is required)"));
        } else if (define.budget().signum() < 0 || define.budget().compareTo(MAX_BUDGET) > 0
                || define.budget().stripTrailingZeros().scale() > 2) {
            problems.add(Violation.error("budget", define.budget(), "预算须在0至1000万万元之间，至多两位小数 "
                    + "(between 0 and 10,000,000 万元, two decimals at most)"));
        }
        List<Milestone> milestones = define.milestones() == null ? List.of() : define.milestones();
        if (milestones.isEmpty()) {
            problems.add(Violation.error("milestones", null, "请至少填写一个项目节点 (at least one milestone)"));
        } else if (milestones.size() > MAX_MILESTONES) {
            problems.add(Violation.error("milestones", milestones.size(), "项目节点不超过" + MAX_MILESTONES
                    + "个 (at most " + MAX_MILESTONES + ")"));
        }
        Set<String> seen = new HashSet<>();
        List<Milestone> checked = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (milestone == null) {
                problems.add(Violation.error(field, null, "节点为空 (null)"));
                continue;
            }
            String description = milestone.description() == null ? "" : milestone.description().strip();
            if (description.isEmpty() || description.length() > 100) {
                problems.add(Violation.error(field + ".description", milestone.description(),
                        "请填写节点内容，不超过100字 (1 to 100 characters)"));
            } else if (!seen.add(description)) {
                problems.add(Violation.error(field + ".description", description, "节点重复 (duplicate milestone)"));
            }
            if (milestone.dueDate() == null) {
                problems.add(Violation.error(field + ".dueDate", null, "请填写节点时限 (dueDate is required)"));
            } else if (milestone.dueDate().getYear() < 2000 || milestone.dueDate().getYear() > 2100) {
                problems.add(Violation.error(field + ".dueDate", milestone.dueDate(),
                        "节点时限须在2000年至2100年之间 (between 2000 and 2100)"));
            }
            checked.add(new Milestone(description, milestone.dueDate()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("整改项目有误 (the project is malformed)", problems);
        }
        // as officials write it (380.5, 1000), never an exponent: 0E-20000 is 0
        BigDecimal budget = define.budget().stripTrailingZeros();
        budget = budget.scale() < 0 ? budget.setScale(0) : budget;
        ProjectDefined defined = new ProjectDefined(state.districtCode(), state.period(), projectId, name,
                define.lead(), List.copyOf(tasks), budget, blankToNull(define.fundingSource()), checked,
                define.by());
        Project current = state.projects().get(projectId);
        if (current != null && sameDefinition(current.definition(), defined)) {
            return List.of(); // defined again as it is: nothing happened
        }
        return List.of(defined);
    }

    private static boolean sameDefinition(ProjectDefined a, ProjectDefined b) {
        return a.lead().equals(b.lead()) && a.taskIds().equals(b.taskIds()) && a.budget().compareTo(b.budget()) == 0
                && java.util.Objects.equals(a.fundingSource(), b.fundingSource())
                && a.milestones().equals(b.milestones());
    }

    private static MilestoneReached reach(State state, ReachMilestone reach) {
        Project project = state.projects().get(reach.projectId());
        if (project == null) {
            throw Refusal.notFound("project-not-found", "没有这个整改项目 (no such project)");
        }
        String description = reach.milestone() == null ? "" : reach.milestone().strip();
        Optional<Milestone> milestone = project.definition().milestones().stream()
                .filter(m -> m.description().equals(description)).findFirst();
        if (milestone.isEmpty()) {
            throw Refusal.invalidField("milestone", reach.milestone(), "项目“" + project.definition().name()
                    + "”没有这个节点 (not a milestone of the project)");
        }
        if (project.reached(milestone.get()).isPresent()) {
            throw Refusal.conflict("milestone-already-reached", "节点“" + description + "”已于"
                    + project.reached(milestone.get()).get().reachedOn() + "完成 (already reached)");
        }
        if (reach.reachedOn() == null) {
            throw Refusal.invalidField("reachedOn", null, "请填写完成日期 (reachedOn is required)");
        }
        if (reach.reachedOn().isAfter(reach.today()) || reach.reachedOn().getYear() < 2000) {
            throw Refusal.invalidField("reachedOn", reach.reachedOn(), "完成日期须在2000年至今之间 (between 2000 and today)");
        }
        return new MilestoneReached(state.districtCode(), state.period(), reach.projectId(), description,
                reach.reachedOn(), blankToNull(reach.note()), reach.by());
    }

    public static State evolve(State state, PlanEvent event) {
        List<PlanVersionDrafted> versions = new ArrayList<>(state.versions());
        List<PlanApproved> approvals = new ArrayList<>(state.approvals());
        Map<UUID, Project> projects = new LinkedHashMap<>(state.projects());
        if (event instanceof PlanVersionDrafted drafted) {
            versions.add(drafted);
        } else if (event instanceof PlanApproved approved) {
            approvals.add(approved);
        } else if (event instanceof ProjectDefined defined) {
            Project before = projects.get(defined.projectId());
            Map<String, MilestoneReached> reached = new LinkedHashMap<>();
            if (before != null) { // a milestone kept under its description stays reached
                defined.milestones().forEach(m -> before.reached(m).ifPresent(r -> reached.put(m.description(), r)));
            }
            projects.put(defined.projectId(), new Project(defined, reached));
        } else {
            MilestoneReached reached = (MilestoneReached) event;
            Project project = projects.get(reached.projectId());
            Map<String, MilestoneReached> all = new LinkedHashMap<>(project.reached());
            all.put(reached.milestone(), reached);
            projects.put(reached.projectId(), new Project(project.definition(), all));
        }
        return new State(state.districtCode(), state.period(), versions, approvals, projects);
    }

    private static String requireText(@Nullable String value, String field, int max, String message) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalidField(field, value, message);
        }
        if (value.strip().length() > max) {
            throw Refusal.invalidField(field, value, "不超过" + max + "字 (at most " + max + " characters)");
        }
        return value.strip();
    }

    /** 2024年10月30日: how officials write a day. */
    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
