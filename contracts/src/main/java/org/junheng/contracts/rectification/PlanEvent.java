package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;

/**
 * A district's rectification plan for a reporting year (整改方案): versions drafted by the supervision office from the
 * year's tasks and their measures, each approved by the leading group (领导小组审定), and the 整改项目 — measures that
 * fix several findings at once, with budget and milestones. One stream per district and year, keyed by the district.
 */
public sealed interface PlanEvent extends PublishedEvent {

    @Override
    default String messageKey() {
        return districtCode();
    }

    int period();

    /** One task of a plan version as it stood when the version was drawn up. */
    @JsonClassDescription("整改方案条目 (one task of a plan version)")
    record PlanItem(
            UUID taskId,
            @JsonPropertyDescription("indicator code, e.g. GG3, or the outside list's item") String indicator,
            @JsonPropertyDescription("the task's title, Chinese text") String title,
            Department lead,
            List<Department> helpers,
            LocalDate dueDate,
            @Nullable @JsonPropertyDescription("整改措施 the lead department planned; none before its plan") String measures,
            @Nullable @JsonPropertyDescription("the 整改项目 the task belongs to") UUID projectId) {

        public PlanItem {
            helpers = List.copyOf(helpers);
        }
    }

    @JsonClassDescription("整改方案起草: the office drew up a version of the year's plan from its tasks, for the leading "
            + "group to approve")
    record PlanVersionDrafted(
            String districtCode,
            @JsonPropertyDescription("reporting year the plan covers") int period,
            @JsonPropertyDescription("1, 2, …; a new version supersedes the earlier ones") int version,
            @JsonPropertyDescription("e.g. 大渡口区义务教育优质均衡发展整改方案") String title,
            LocalDate draftedOn,
            List<PlanItem> items,
            @Nullable @JsonPropertyDescription("修订说明, Chinese text") String remarks,
            Person draftedBy) implements PlanEvent {

        public PlanVersionDrafted {
            items = List.copyOf(items);
        }
    }

    @JsonClassDescription("整改方案审定: the leading group approved a version of the plan (recorded by the office)")
    record PlanApproved(
            String districtCode,
            int period,
            int version,
            LocalDate approvedOn,
            @JsonPropertyDescription("by whom, e.g. 区义务教育优质均衡发展领导小组第3次会议") String approvedBy,
            @Nullable @JsonPropertyDescription("文号 of the approval, if any") String documentNumber,
            @JsonPropertyDescription("the units leading the version's tasks, who now carry it out") List<Department> units,
            @JsonPropertyDescription("the version's number of tasks") int tasks,
            @JsonPropertyDescription("who recorded it") Person recordedBy) implements PlanEvent {

        public PlanApproved {
            units = List.copyOf(units);
        }
    }

    @JsonClassDescription("整改项目: a measure that fixes several findings at once (a new school, a teachers' "
            + "recruitment), with its budget and milestones; defined again under the same name it is revised")
    record ProjectDefined(
            String districtCode,
            int period,
            @JsonPropertyDescription("derived from the district, year and name") UUID projectId,
            @JsonPropertyDescription("e.g. 新建跳磴小学教学楼") String name,
            Department lead,
            @JsonPropertyDescription("the tasks the project settles") List<UUID> taskIds,
            @JsonPropertyDescription("预算, 万元") BigDecimal budget,
            @Nullable @JsonPropertyDescription("资金来源, e.g. 区级财政预算") String fundingSource,
            List<Milestone> milestones,
            Person definedBy) implements PlanEvent {

        public ProjectDefined {
            taskIds = List.copyOf(taskIds);
            milestones = List.copyOf(milestones);
        }
    }

    @JsonClassDescription("项目节点完成: a milestone of a 整改项目 was reached")
    record MilestoneReached(
            String districtCode,
            int period,
            UUID projectId,
            @JsonPropertyDescription("the milestone's description, as defined") String milestone,
            LocalDate reachedOn,
            @Nullable @JsonPropertyDescription("说明, Chinese text") String note,
            Person recordedBy) implements PlanEvent {
    }
}
