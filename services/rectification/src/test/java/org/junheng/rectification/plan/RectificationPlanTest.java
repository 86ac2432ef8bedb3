package org.junheng.rectification.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.Milestone;
import org.junheng.contracts.rectification.PlanEvent;
import org.junheng.contracts.rectification.PlanEvent.PlanItem;
import org.junheng.contracts.rectification.PlanEvent.PlanVersionDrafted;
import org.junheng.contracts.rectification.PlanEvent.ProjectDefined;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class RectificationPlanTest {

    static final String DISTRICT = "500104";
    static final Person OFFICE = new Person("u-ddr-03", "王督学");
    static final LocalDate TODAY = LocalDate.of(2025, 1, 10);
    static final Department JW = new Department("jw", "区教委");
    static final UUID MUSIC = UUID.randomUUID();
    static final UUID SPORTS = UUID.randomUUID();
    static final UUID TEACHERS = UUID.randomUUID();
    static final Set<UUID> YEAR = Set.of(MUSIC, SPORTS, TEACHERS);
    static final DeciderSpec<RectificationPlan.State, RectificationPlan.Command, PlanEvent> PLAN =
            DeciderSpec.of(RectificationPlan.DECIDER, RectificationPlan.State.none(DISTRICT, 2024));

    static PlanItem item(UUID task, String measures) {
        return new PlanItem(task, "RA4", "音乐专用教室不足", JW, List.of(), LocalDate.of(2025, 3, 31), measures, null);
    }

    static RectificationPlan.DraftVersion draft(String title, LocalDate today) {
        return new RectificationPlan.DraftVersion(title, null, List.of(item(MUSIC, "新建音乐教室"), item(SPORTS, null),
                item(TEACHERS, "招聘音乐教师")), OFFICE, today);
    }

    static RectificationPlan.Approve approve(int version, String on) {
        return new RectificationPlan.Approve(version, LocalDate.parse(on), "区义务教育优质均衡发展领导小组第3次会议",
                "大渡口府办〔2025〕5号", OFFICE, TODAY);
    }

    static RectificationPlan.DefineProject project(String name, UUID... tasks) {
        return new RectificationPlan.DefineProject(name, JW, Arrays.asList(tasks), YEAR, new BigDecimal("380.50"),
                "区级财政预算", List.of(new Milestone("完成设计", LocalDate.of(2025, 1, 5)),
                new Milestone("竣工验收", LocalDate.of(2025, 6, 30))), OFFICE);
    }

    static List<PlanEvent> plan(RectificationPlan.Command... commands) {
        List<PlanEvent> events = new ArrayList<>();
        RectificationPlan.State state = RectificationPlan.State.none(DISTRICT, 2024);
        for (RectificationPlan.Command command : commands) {
            List<PlanEvent> caused = RectificationPlan.decide(state, command);
            events.addAll(caused);
            state = RectificationPlan.DECIDER.fold(state, caused);
        }
        return events;
    }

    static RectificationPlan.State state(List<PlanEvent> events) {
        return RectificationPlan.DECIDER.fold(RectificationPlan.State.none(DISTRICT, 2024), events);
    }

    @Test
    void versionsAreNumberedAndTheApprovedOneIsInForceUntilALaterOneIsApproved() {
        List<PlanEvent> events = plan(draft("整改方案", LocalDate.of(2024, 12, 20)), approve(1, "2024-12-27"),
                draft("整改方案（修订）", TODAY));
        RectificationPlan.State state = state(events);
        assertEquals(2, state.latest().version());
        assertEquals(1, state.inForce().orElseThrow().version(), "version 2 is not yet approved");
        assertEquals(3, state.latest().items().size());
        assertEquals("新建音乐教室", state.latest().items().get(0).measures());
        assertEquals("第2版待领导小组审定；现行为第1版", state.statusLabel());
        // the superseded version cannot be approved, the latest can, once
        PLAN.given(events).when(approve(1, "2025-01-10")).thenRefused(Refusal.Kind.CONFLICT, "plan-version-superseded");
        PLAN.given(events).when(approve(2, "2025-01-10")).thenEvents(e -> assertEquals(1, e.size()));
        List<PlanEvent> approved = plan(draft("整改方案", LocalDate.of(2024, 12, 20)), approve(1, "2024-12-27"));
        PLAN.given(approved).when(approve(1, "2024-12-28")).thenRefused(Refusal.Kind.CONFLICT, "plan-already-approved");
        PLAN.given().when(approve(1, "2024-12-28")).thenRefused(Refusal.Kind.CONFLICT, "no-plan-version");
    }

    @Test
    void anApprovalSaysWhatItLacks() {
        List<PlanEvent> drafted = plan(draft("整改方案", LocalDate.of(2024, 12, 20)));
        Refusal refused = PLAN.given(drafted).when(new RectificationPlan.Approve(null, LocalDate.of(2024, 12, 1), " ",
                null, OFFICE, TODAY)).thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals(List.of("version", "approvedOn", "approvedBy"), fields(refused));
        PLAN.given(drafted).when(new RectificationPlan.Approve(1, LocalDate.of(2025, 2, 1), "领导小组", null, OFFICE,
                TODAY)).thenRefused(Refusal.Kind.INVALID, "validation");
        PLAN.given(drafted).when(approve(7, "2024-12-27")).thenRefused(Refusal.Kind.INVALID, "validation");
        PLAN.given().when(new RectificationPlan.DraftVersion("方案", null, List.of(), OFFICE, TODAY))
                .thenRefused(Refusal.Kind.CONFLICT, "plan-without-tasks");
        PLAN.given().when(draft(" ", TODAY)).thenRefused(Refusal.Kind.INVALID, "validation");
    }

    @Test
    void aProjectGroupsTasksWithBudgetAndMilestonesAndAVersionNamesEachTasksProject() {
        List<PlanEvent> events = plan(project("新建音乐楼", MUSIC, TEACHERS), draft("整改方案", TODAY));
        ProjectDefined defined = (ProjectDefined) events.get(0);
        assertEquals(RectificationPlan.projectId(DISTRICT, 2024, "新建音乐楼"), defined.projectId());
        assertEquals(List.of(MUSIC, TEACHERS), defined.taskIds());
        PlanVersionDrafted version = (PlanVersionDrafted) events.get(1);
        assertEquals(defined.projectId(), version.items().get(0).projectId());
        assertNull(version.items().get(1).projectId());
        RectificationPlan.State state = state(events);
        RectificationPlan.Project project = state.projects().get(defined.projectId());
        assertTrue(project.overdue(defined.milestones().get(0), TODAY), "due 2025-01-05, not reached");
        assertFalse(project.overdue(defined.milestones().get(1), TODAY));
        // the same definition again is nothing; a task cannot be in two projects
        PLAN.given(events).when(project("新建音乐楼", MUSIC, TEACHERS)).thenEvents(e -> assertEquals(0, e.size()));
        Refusal refused = PLAN.given(events).when(project("操场改造", SPORTS, MUSIC))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals(List.of("taskIds[1]"), fields(refused));
        assertTrue(refused.errors().get(0).toString().contains("新建音乐楼"), refused.errors().toString());
    }

    @Test
    void aProjectSaysEveryMistakeByField() {
        Refusal refused = PLAN.given().when(new RectificationPlan.DefineProject(" ", null,
                Arrays.asList(MUSIC, null, UUID.randomUUID()), YEAR, new BigDecimal("-1"), null,
                Arrays.asList(new Milestone("", null), null, new Milestone("竣工", LocalDate.of(1900, 1, 1))), OFFICE))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals(List.of("name", "leadDepartment", "taskIds[1]", "taskIds[2]", "budget",
                "milestones[0].description", "milestones[0].dueDate", "milestones[1]", "milestones[2].dueDate"),
                fields(refused));
        PLAN.given().when(new RectificationPlan.DefineProject("项目", JW, List.of(MUSIC), YEAR,
                new BigDecimal("1.005"), null, List.of(new Milestone("竣工", TODAY)), OFFICE))
                .thenRefused(Refusal.Kind.INVALID, "validation");
    }

    @Test
    void milestonesAreReachedOnceAndARevisionKeepsThoseItStillNames() {
        List<PlanEvent> events = plan(project("新建音乐楼", MUSIC));
        UUID id = RectificationPlan.projectId(DISTRICT, 2024, "新建音乐楼");
        var reach = new RectificationPlan.ReachMilestone(id, "完成设计", LocalDate.of(2025, 1, 4), "设计已评审", OFFICE,
                TODAY);
        List<PlanEvent> reached = new ArrayList<>(events);
        reached.addAll(RectificationPlan.decide(state(events), reach));
        assertFalse(state(reached).projects().get(id).overdue(new Milestone("完成设计", LocalDate.of(2025, 1, 5)), TODAY));
        PLAN.given(reached).when(reach).thenRefused(Refusal.Kind.CONFLICT, "milestone-already-reached");
        PLAN.given(events).when(new RectificationPlan.ReachMilestone(id, "开工", TODAY, null, OFFICE, TODAY))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        PLAN.given(events).when(new RectificationPlan.ReachMilestone(id, "完成设计", TODAY.plusDays(1), null, OFFICE,
                TODAY)).thenRefused(Refusal.Kind.INVALID, "validation");
        PLAN.given(events).when(new RectificationPlan.ReachMilestone(UUID.randomUUID(), "完成设计", TODAY, null,
                OFFICE, TODAY)).thenRefused(Refusal.Kind.NOT_FOUND, "project-not-found");
        // revised: a milestone kept by its description stays reached
        List<PlanEvent> revised = new ArrayList<>(reached);
        revised.addAll(RectificationPlan.decide(state(reached), project("新建音乐楼", MUSIC, SPORTS)));
        assertEquals(1, state(revised).projects().get(id).reached().size());
        assertEquals(List.of(MUSIC, SPORTS), state(revised).projects().get(id).definition().taskIds());
    }

    @Test
    void aBudgetIsKeptAsOfficialsWriteItAndAVersionCutsLongMeasures() {
        var zero = new RectificationPlan.DefineProject("零预算项目", JW, List.of(MUSIC), YEAR, new BigDecimal("0E-20000"),
                null, List.of(new Milestone("竣工", TODAY)), OFFICE);
        PLAN.given().when(zero).thenEvents(e -> assertEquals("0", ((ProjectDefined) e.get(0)).budget().toPlainString()));
        var thousand = new RectificationPlan.DefineProject("千万项目", JW, List.of(SPORTS), YEAR, new BigDecimal("1E+3"),
                null, List.of(new Milestone("竣工", TODAY)), OFFICE);
        PLAN.given().when(thousand).thenEvents(e -> assertEquals("1000",
                ((ProjectDefined) e.get(0)).budget().toString()));
        String longMeasures = "措".repeat(1000);
        PlanVersionDrafted drafted = (PlanVersionDrafted) RectificationPlan.decide(
                RectificationPlan.State.none(DISTRICT, 2024), new RectificationPlan.DraftVersion("方案", null,
                        List.of(item(MUSIC, longMeasures)), OFFICE, TODAY)).get(0);
        assertEquals(RectificationPlan.MAX_MEASURES_IN_PLAN + "……（全文见整改任务）".length(),
                drafted.items().get(0).measures().length());
    }

    @Test
    void aSupersededVersionNamesTheVersionThatReplacedIt() {
        RectificationPlan.State state = state(plan(draft("方案", LocalDate.of(2024, 12, 20)), approve(1, "2024-12-27"),
                draft("方案", LocalDate.of(2024, 12, 28)), approve(2, "2024-12-30"), draft("方案", TODAY)));
        assertEquals("已审定，已被第2版取代", state.versionLabel(1));
        assertEquals("现行（已审定）", state.versionLabel(2));
        assertEquals("待领导小组审定", state.versionLabel(3));
    }

    private static List<String> fields(Refusal refused) {
        return refused.errors().stream().map(e -> ((Violation) e).field()).toList();
    }
}
