package org.junheng.notices.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Severity;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.PlanEvent;
import org.junheng.contracts.rectification.RecognitionEvent;
import org.junheng.contracts.rectification.UnitEvent;
import org.junheng.contracts.rectification.TaskEvent.SubmittedForVerification;
import org.junheng.contracts.rectification.TaskEvent.TaskClosed;
import org.junheng.contracts.rectification.TaskEvent.TaskDueSoon;
import org.junheng.contracts.rectification.TaskEvent.TaskEscalated;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskEvent.TaskOverdue;
import org.junheng.contracts.rectification.TaskEvent.TaskReassigned;
import org.junheng.contracts.rectification.TaskEvent.TaskRejected;
import org.junheng.contracts.rectification.TaskEvent.TaskReopened;
import org.junheng.contracts.rectification.TaskEvent.TaskVerified;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.contracts.rectification.VerificationMethod;

/**
 * Turns one consumed event into the notices (通报) it triggers. Pure and deterministic: the text comes from the event
 * and the task facts only (never the clock), and each notice id is {@link NoticeIds#forEvent derived} from the
 * triggering event's id and the audience, so redelivery and replay give equal notices.
 *
 * <p>Rules, by event:
 * <ul>
 * <li>EvaluationCompleted that raised, reopened or resolved findings: one 问题清单 digest to the supervision office
 *     (WARNING if anything was raised or reopened, else INFO). Single FindingRaised/FindingReopened/FindingResolved
 *     events give nothing, the digest covers them; except</li>
 * <li>FindingReopened whose reason starts with {@value #DYNAMIC_MONITORING}: a regression under 三年动态监测, CRITICAL
 *     to the office.</li>
 * <li>ReadinessChanged: to the office and the leading group (INFO when ready, WARNING when not, with the reasons).</li>
 * <li>TaskOpened: 任务交办 to the lead department (WARNING; CRITICAL for a 一票否决 item) and an INFO notice to each
 *     co-department, so 配合单位 learn of the task without being made to answer for it. A 报送 task: 报送任务交办
 *     (WARNING) saying which data are missing and by when; the supervision office and the leading group's office
 *     are addressed as their own audiences.</li>
 * <li>TaskReassigned: 任务交办 (WARNING) to the new lead department, which otherwise would never hear of it.</li>
 * <li>TaskAssigned: nothing. The department named its own 责任人; telling it what it just did is noise.</li>
 * <li>SubmittedForVerification: 核验申请 to the office (INFO). TaskRejected: 核验结果 WARNING to the lead department
 *     with reason and round; TaskVerified: 核验结果 INFO (by data: 数据复核); one awaiting review (复核销号) also
 *     待复核销号 to the office. TaskClosed: 任务销号 INFO to the lead, each co-department and the school.</li>
 * <li>TaskDueSoon: 提醒 to the department (INFO at 30 days, WARNING at 7 or fewer). TaskOverdue: 逾期预警 WARNING to
 *     the department and the office. TaskEscalated: 督办通知 CRITICAL to the department and the office, and to the
 *     leading group from 领导小组办公室 upwards. TaskReopened: 提醒 WARNING to the lead department.</li>
 * <li>AccountabilityRecorded: 约谈/问责记录 (CRITICAL, as a 督办通知) to the unit and the leading group.</li>
 * <li>RecognitionStageRecorded: 创建进程 to the office and the leading group (WARNING when not passed).
 *     RecognitionAtRisk: 认定成果预警, CRITICAL, to both.</li>
 * <li>PlanVersionDrafted: 整改方案待审定 to the leading group; PlanApproved: to the office, the leading group and every
 *     unit leading one of its tasks; ProjectDefined: 整改项目交办 (WARNING) to its lead unit.</li>
 * <li>UnitAccountabilityRecorded: 约谈/问责记录 (CRITICAL) to the unit and the leading group.</li>
 * <li>Everything else (task plans, progress, evidence, extensions, milestones reached, leaders named, evaluation
 *     results): nothing.</li>
 * </ul>
 *
 * <p>Task events after TaskOpened carry only ids; school, indicator, gap and title come from {@link TaskFacts}. When
 * the facts are missing the notice is still issued with what the event carries; a notice meant for the lead
 * department goes to the supervision office instead when the event names no department, so it is never dropped.
 * Fields the event carries (department, due date) win over the facts, which may lag behind.
 */
public final class NoticeRules {

    /** Reason prefix of a FindingReopened that is a regression found by dynamic monitoring (动态监测). */
    public static final String DYNAMIC_MONITORING = FindingReopened.REGRESSION_PREFIX;

    private static final Audience OFFICE = new Audience(AudienceKind.SUPERVISION_OFFICE, null);
    private static final Audience LEADING_GROUP = new Audience(AudienceKind.LEADING_GROUP, null);

    private final TaskFacts taskFacts;

    public NoticeRules(TaskFacts taskFacts) {
        this.taskFacts = Objects.requireNonNull(taskFacts, "taskFacts");
    }

    public List<NoticeIssued> noticesFor(UUID eventId, PublishedEvent event) {
        return noticesFor(eventId.toString(), event);
    }

    /**
     * The notices one event triggers, in a stable order; empty for events that concern no audience.
     *
     * @param eventId the triggering event's id ({@code ce_id}), the seed of the notice ids
     */
    public List<NoticeIssued> noticesFor(String eventId, PublishedEvent event) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        Notices notices = new Notices(eventId, event.districtCode());
        if (event instanceof EvaluationCompleted completed) {
            digest(notices, completed);
        } else if (event instanceof FindingReopened reopened) {
            regression(notices, reopened);
        } else if (event instanceof ReadinessChanged readiness) {
            readiness(notices, readiness);
        } else if (event instanceof TaskEvent task) {
            task(notices, task, new TaskView(task.taskId(), task.findingId(), taskFacts.find(task.taskId())));
        } else if (event instanceof RecognitionEvent recognition) {
            recognition(notices, recognition);
        } else if (event instanceof PlanEvent plan) {
            plan(notices, plan);
        } else if (event instanceof UnitEvent.UnitAccountabilityRecorded record) {
            unitAccountability(notices, record);
        }
        return notices.issued;
    }

    private static void digest(Notices notices, EvaluationCompleted completed) {
        int raised = completed.raised().size();
        int reopened = completed.reopened().size();
        int resolved = completed.resolved().size();
        if (raised + reopened + resolved == 0) {
            return;
        }
        LinkedHashSet<UUID> findings = new LinkedHashSet<>(completed.raised());
        findings.addAll(completed.reopened());
        findings.addAll(completed.resolved());

        String title = completed.period() + "年度评估问题清单：新发现" + raised + "项，重新打开" + reopened + "项，销号"
                + resolved + "项";
        StringBuilder body = new StringBuilder()
                .append(completed.period()).append("年度评估完成（标准版本").append(completed.standardVersion())
                .append("，测算学校学段").append(completed.schoolSections()).append("个）。")
                .append("本次新发现问题").append(raised).append("项，重新打开问题").append(reopened)
                .append("项，销号问题").append(resolved).append("项；")
                .append("本年度尚未整改到位的问题共").append(completed.openFindings()).append("项。");
        if (completed.schoolsNotReported() > 0) {
            body.append("另有").append(completed.schoolsNotReported()).append("所学校未报送本年度统计数据。");
        }
        body.append(completed.ready() ? "全区已具备市级验收条件。" : "全区尚不具备市级验收条件。");
        NoticeSeverity severity = raised + reopened > 0 ? NoticeSeverity.WARNING : NoticeSeverity.INFO;
        notices.issue(OFFICE, NoticeKind.FINDINGS_DIGEST, severity, title, body.toString(),
                List.copyOf(findings), List.of(), List.of());
    }

    private static void regression(Notices notices, FindingReopened reopened) {
        if (reopened.reason() == null || !reopened.reason().startsWith(DYNAMIC_MONITORING)) {
            return;
        }
        String subject = NoticeText.subject(reopened.subject());
        String indicator = NoticeText.indicator(reopened.indicator());
        String title = "动态监测预警：" + subject + indicator + "再次未达标";
        String body = subject + "的" + indicator + "曾整改销号，" + reopened.period() + "年度监测再次未达标。"
                + "差距：" + reopened.gap() + "。问题性质：" + reopened.severity().label() + "。"
                + "原因：" + reopened.reason() + "。请督导室督促责任单位重新整改，防止问题反弹。";
        notices.issue(OFFICE, NoticeKind.REGRESSION, NoticeSeverity.CRITICAL, title, body,
                List.of(reopened.findingId()), List.of(), schoolCodes(reopened.subject().schoolCode()));
    }

    private static void readiness(Notices notices, ReadinessChanged readiness) {
        String title;
        StringBuilder body = new StringBuilder();
        NoticeSeverity severity;
        if (readiness.ready()) {
            severity = NoticeSeverity.INFO;
            title = readiness.period() + "年度全区已具备市级验收条件";
            body.append("按标准版本").append(readiness.standardVersion()).append("测算，")
                    .append(readiness.period()).append("年度全区已具备义务教育优质均衡发展市级验收条件。");
        } else {
            severity = NoticeSeverity.WARNING;
            title = readiness.period() + "年度全区尚不具备市级验收条件";
            body.append("按标准版本").append(readiness.standardVersion()).append("测算，")
                    .append(readiness.period()).append("年度全区尚不具备义务教育优质均衡发展市级验收条件");
            if (readiness.reasons().isEmpty()) {
                body.append("。");
            } else {
                body.append("，原因如下：");
                int number = 1;
                for (ReadinessReason reason : readiness.reasons()) {
                    body.append('\n').append(number++).append(". ");
                    // each reason names its item itself (GG13 就近划片入学比例：…)
                    body.append(reason.text());
                }
                body.append('\n');
            }
        }
        body.append("本年度尚未整改到位的问题共").append(readiness.openFindings()).append("项。");
        for (Audience audience : List.of(OFFICE, LEADING_GROUP)) {
            notices.issue(audience, NoticeKind.READINESS_CHANGED, severity, title, body.toString(),
                    List.of(), List.of(), List.of());
        }
    }

    /** 创建进程: each stage to the office and the leading group; a recognition at risk, CRITICAL. */
    private static void recognition(Notices notices, RecognitionEvent event) {
        NoticeSeverity severity;
        String title;
        String body;
        if (event instanceof RecognitionEvent.RecognitionStageRecorded stage) {
            String what = stage.stage().label() + (stage.monitoringYear() == null ? "" : "（" + stage.monitoringYear()
                    + "年）");
            String outcome = stage.outcome() == null ? "" : "，结论：" + stage.outcome().label();
            severity = stage.outcome() == RecognitionEvent.Outcome.NOT_PASSED ? NoticeSeverity.WARNING
                    : NoticeSeverity.INFO;
            title = "创建进程：" + what + (stage.outcome() == null ? "" : stage.outcome().label());
            body = "义务教育优质均衡发展创建进入“" + what + "”阶段（" + NoticeText.date(stage.date())
                    + (stage.documentNumber() == null ? "" : "，" + stage.documentNumber()) + "）" + outcome + "。"
                    + (stage.remarks() == null ? "" : "说明：" + stage.remarks() + "。")
                    + (stage.outcome() == RecognitionEvent.Outcome.NOT_PASSED
                    ? "请领导小组办公室组织研究整改，按反馈问题逐项落实。" : "");
        } else {
            RecognitionEvent.RecognitionAtRisk risk = (RecognitionEvent.RecognitionAtRisk) event;
            severity = NoticeSeverity.CRITICAL;
            title = "认定成果预警：" + NoticeText.indicator(risk.indicator()) + "再次未达标";
            body = "本区已通过国家义务教育优质均衡发展认定，" + risk.period() + "年动态监测发现"
                    + NoticeText.indicator(risk.indicator()) + "再次未达标（" + risk.reason()
                    + "），认定成果面临风险。请领导小组办公室督促责任单位立即整改，确保下一监测年度恢复达标。";
        }
        for (Audience audience : List.of(OFFICE, LEADING_GROUP)) {
            notices.issue(audience, NoticeKind.RECOGNITION, severity, title, body, List.of(),
                    List.of(), List.of());
        }
    }

    /**
     * 整改方案: a version drafted goes to the leading group to approve; an approved one to the office, the leading group
     * and every unit leading a task of it; a 整改项目 to its lead unit. Milestones reached: nothing (the office records
     * them itself).
     */
    private static void plan(Notices notices, PlanEvent event) {
        if (event instanceof PlanEvent.PlanVersionDrafted drafted) {
            String body = NoticeText.person(drafted.draftedBy()) + "于" + NoticeText.date(drafted.draftedOn()) + "起草《"
                    + drafted.title() + "》第" + drafted.version() + "版（" + drafted.period() + "年度），列入整改任务"
                    + drafted.items().size() + "项，牵头单位："
                    + NoticeText.departments(drafted.items().stream().map(PlanEvent.PlanItem::lead).distinct()
                    .toList()) + "。"
                    + (drafted.remarks() == null ? "" : "修订说明：" + drafted.remarks() + "。") + "请领导小组审定。";
            notices.issue(LEADING_GROUP, NoticeKind.RECTIFICATION_PLAN, NoticeSeverity.INFO,
                    "整改方案待审定：" + drafted.title() + "（第" + drafted.version() + "版）", body, List.of(), List.of(),
                    List.of());
        } else if (event instanceof PlanEvent.PlanApproved approved) {
            String body = planVersion(approved) + "已经" + approved.approvedBy() + "审定（" + NoticeText.date(approved.approvedOn())
                    + (approved.documentNumber() == null ? "" : "，" + approved.documentNumber()) + "），共列整改任务"
                    + approved.tasks() + "项。请各牵头单位按方案明确的措施和时限抓好落实，配合单位协同推进。";
            List<Audience> audiences = new ArrayList<>(List.of(OFFICE, LEADING_GROUP));
            approved.units().forEach(unit -> {
                Audience audience = department(unit);
                if (!audiences.contains(audience)) {
                    audiences.add(audience);
                }
            });
            for (Audience audience : audiences) {
                notices.issue(audience, NoticeKind.RECTIFICATION_PLAN, NoticeSeverity.INFO, approved.period()
                        + "年度整改方案（第" + approved.version() + "版）已审定", body, List.of(), List.of(), List.of());
            }
        } else if (event instanceof PlanEvent.ProjectDefined project) {
            StringBuilder body = new StringBuilder("整改项目“").append(project.name()).append("”由")
                    .append(NoticeText.department(project.lead())).append("牵头，预算").append(project.budget()
                            .stripTrailingZeros().toPlainString()).append("万元")
                    .append(project.fundingSource() == null ? "" : "（" + project.fundingSource() + "）")
                    .append("，解决整改任务").append(project.taskIds().size()).append("项。项目节点：");
            for (int i = 0; i < project.milestones().size(); i++) {
                var milestone = project.milestones().get(i);
                body.append(i == 0 ? "" : "；").append(milestone.description()).append("（")
                        .append(NoticeText.date(milestone.dueDate())).append("前）");
            }
            body.append("。请按节点推进，按期报告进展。");
            notices.issue(department(project.lead()), NoticeKind.RECTIFICATION_PLAN, NoticeSeverity.WARNING,
                    "整改项目交办：" + project.name(), body.toString(), List.of(), project.taskIds(), List.of());
        }
    }

    private static String planVersion(PlanEvent.PlanApproved approved) {
        return approved.period() + "年度整改方案第" + approved.version() + "版";
    }

    /** 约谈/问责 of a unit as a whole: a 督办通知 to the unit and the leading group, like one on a task. */
    private static void unitAccountability(Notices notices, UnitEvent.UnitAccountabilityRecorded record) {
        String what = record.kind().label();
        String body = NoticeText.date(record.date()) + "对" + NoticeText.department(record.department())
                + record.person() + "进行" + what + "。事由：" + record.reason() + "。"
                + (record.outcome() == null ? "" : "结果：" + record.outcome() + "。")
                + "请该单位主要负责人高度重视，按要求落实整改责任。";
        // the unit (the office or the leading group's office as their own audiences) and the leading group, once each
        for (Audience audience : new LinkedHashSet<>(List.of(department(record.department()), LEADING_GROUP))) {
            notices.issue(audience, NoticeKind.SUPERVISION_ORDER, NoticeSeverity.CRITICAL,
                    what + "记录：" + NoticeText.department(record.department()), body, List.of(), List.of(),
                    List.of());
        }
    }

    private static void task(Notices notices, TaskEvent event, TaskView task) {
        if (event instanceof TaskOpened opened) {
            taskOpened(notices, opened, task.withFact(TaskFact.from(opened)));
        } else if (event instanceof TaskReassigned reassigned) {
            String body = "经" + NoticeText.person(reassigned.approver()) + "审批，整改任务" + task.quotedTitle() + "由"
                    + NoticeText.department(reassigned.fromDepartment()) + "改由"
                    + NoticeText.department(reassigned.toDepartment()) + "牵头。改派理由：" + reassigned.reason() + "。"
                    + task.facts() + task.dueDate();
            notices.issue(department(reassigned.toDepartment()), NoticeKind.TASK_ASSIGNED, NoticeSeverity.WARNING,
                    "整改任务改派：" + task.title(), body, task);
        } else if (event instanceof SubmittedForVerification submitted) {
            String lead = task.lead().map(NoticeText::department).orElse("责任单位");
            String body = lead + "（" + NoticeText.person(submitted.submittedBy()) + "）就整改任务" + task.quotedTitle()
                    + "提交第" + submitted.round() + "轮核验申请。整改情况：" + submitted.summary() + "。"
                    + task.facts() + task.dueDate() + "请督导室及时核验。";
            notices.issue(OFFICE, NoticeKind.VERIFICATION_REQUESTED, NoticeSeverity.INFO,
                    "核验申请：" + task.title() + "（第" + submitted.round() + "轮）", body, task);
        } else if (event instanceof TaskRejected rejected) {
            String what = rejected.onReview() ? "经督导室复核，核验结论不予认可，不予销号（复核人："
                    : "第" + rejected.round() + "轮核验未通过（核验人：";
            String body = "整改任务" + task.quotedTitle() + what + NoticeText.person(rejected.rejectedBy())
                    + "）。退回原因：" + rejected.reason() + "。" + task.facts() + task.dueDate() + "请"
                    + task.leadOrUnknown() + "按要求继续整改后重新提交核验。";
            notices.issue(task.leadAudience(), NoticeKind.VERIFICATION_RESULT, NoticeSeverity.WARNING,
                    rejected.onReview() ? "复核未通过：" + task.title()
                            : "核验未通过：" + task.title() + "（第" + rejected.round() + "轮）", body, task);
        } else if (event instanceof TaskVerified verified) {
            String how = verified.method() == VerificationMethod.DATA
                    ? VerificationMethod.DATA.label() + "（新报数据已达到标准）"
                    : verified.method().label() + (verified.verifier() == null ? ""
                            : "（核验人：" + NoticeText.person(verified.verifier()) + "）");
            String comment = verified.comment() == null || verified.comment().isBlank() ? ""
                    : "核验意见：" + verified.comment() + "。";
            String review = verified.awaitsReview() ? "待督导室复核后销号。" : "";
            String body = "整改任务" + task.quotedTitle() + "经" + how + "确认整改到位。" + comment + task.facts()
                    + review;
            notices.issue(task.leadAudience(), NoticeKind.VERIFICATION_RESULT, NoticeSeverity.INFO,
                    "核验通过：" + task.title(), body, task);
            if (verified.awaitsReview()) {
                String officeBody = "整改任务" + task.quotedTitle() + "经" + how + "确认整改到位，" + task.leadOrUnknown()
                        + "牵头。" + task.facts() + "请督导室复核：属实的予以销号，不属实的退回重新整改。";
                notices.issue(OFFICE, NoticeKind.VERIFICATION_REQUESTED, NoticeSeverity.INFO,
                        "待复核销号：" + task.title(), officeBody, task);
            }
        } else if (event instanceof TaskClosed closed) {
            taskClosed(notices, closed, task);
        } else if (event instanceof TaskEvent.AccountabilityRecorded record) {
            String what = record.kind().label();
            String body = "就整改任务" + task.quotedTitle() + "，" + NoticeText.date(record.date()) + "对"
                    + NoticeText.department(record.department()) + record.person() + "进行" + what + "。事由："
                    + record.reason() + "。" + (record.outcome() == null ? "" : "结果：" + record.outcome() + "。")
                    + task.facts() + task.dueDate();
            for (Audience audience : List.of(department(record.department()), LEADING_GROUP)) {
                notices.issue(audience, NoticeKind.SUPERVISION_ORDER, NoticeSeverity.CRITICAL,
                        what + "记录：" + task.title(), body, task);
            }
        } else if (event instanceof TaskDueSoon dueSoon) {
            NoticeSeverity severity = dueSoon.daysLeft() <= 7 ? NoticeSeverity.WARNING : NoticeSeverity.INFO;
            String body = NoticeText.department(dueSoon.department()) + "牵头的整改任务" + task.quotedTitle() + "将于"
                    + NoticeText.date(dueSoon.dueDate()) + "到期（剩余" + dueSoon.daysLeft() + "天），尚未通过核验。"
                    + task.facts() + "请抓紧整改并及时提交核验。";
            notices.issue(department(dueSoon.department()), NoticeKind.REMINDER, severity,
                    "临期提醒：" + task.title() + "（剩余" + dueSoon.daysLeft() + "天）", body, task);
        } else if (event instanceof TaskOverdue overdue) {
            String body = NoticeText.department(overdue.department()) + "牵头的整改任务" + task.quotedTitle() + "已于"
                    + NoticeText.date(overdue.dueDate()) + "到期，尚未通过核验，已逾期。" + task.facts()
                    + "请立即整改，确需延期的按程序申请。";
            for (Audience audience : List.of(department(overdue.department()), OFFICE)) {
                notices.issue(audience, NoticeKind.OVERDUE_WARNING, NoticeSeverity.WARNING,
                        "逾期预警：" + task.title(), body, task);
            }
        } else if (event instanceof TaskEscalated escalated) {
            // the third level: the leading group is asked to summon the unit's head (约谈)
            String interview = escalated.level() == EscalationLevel.DISTRICT_GOVERNMENT ? "鉴于任务经三级督办仍未完成，建议领导小组约谈"
                    + NoticeText.department(escalated.department()) + "主要负责人。" : "";
            String body = NoticeText.department(escalated.department()) + "牵头的整改任务" + task.quotedTitle()
                    + "升级为" + escalated.level().label() + "督办。督办理由：" + escalated.reason() + "。"
                    + task.facts() + task.dueDate() + "请责任单位主要负责人亲自研究部署，限期整改到位。" + interview;
            List<Audience> audiences = new ArrayList<>(List.of(department(escalated.department()), OFFICE));
            if (escalated.level() == EscalationLevel.LEADING_GROUP_OFFICE
                    || escalated.level() == EscalationLevel.DISTRICT_GOVERNMENT) {
                audiences.add(LEADING_GROUP);
            }
            for (Audience audience : audiences) {
                notices.issue(audience, NoticeKind.SUPERVISION_ORDER, NoticeSeverity.CRITICAL,
                        "督办通知（" + escalated.level().label() + "）：" + task.title(), body, task);
            }
        } else if (event instanceof TaskReopened reopened) {
            String body = "整改任务" + task.quotedTitle() + "重新打开。原因：" + reopened.reason() + "。" + task.facts()
                    + "请" + task.leadOrUnknown() + "重新整改，新的整改期限为" + NoticeText.date(reopened.dueDate()) + "。";
            notices.issue(task.leadAudience(), NoticeKind.REMINDER, NoticeSeverity.WARNING,
                    "整改任务重新打开：" + task.title(), body, task);
        }
    }

    /** 销号 (or closed as no longer applicable): the lead, each helping department and the school hear of it. */
    private static void taskClosed(Notices notices, TaskClosed closed, TaskView task) {
        String how = switch (closed.reason()) {
            case NO_LONGER_APPLICABLE -> "因问题不再适用而关闭";
            case DATA_SUBMITTED -> "所需数据已报送，任务关闭";
            case RECTIFIED -> "已整改销号";
        };
        String note = closed.note() == null || closed.note().isBlank() ? "" : "说明：" + closed.note() + "。";
        String body = "整改任务" + task.quotedTitle() + how + "。" + note + task.facts();
        String title = (closed.reason() == ClosureReason.RECTIFIED ? "任务销号：" : "任务关闭：") + task.title();
        List<Audience> audiences = new ArrayList<>();
        audiences.add(task.leadAudience());
        task.fact.ifPresent(fact -> {
            fact.coDepartments().forEach(co -> audiences.add(department(co)));
            if (fact.schoolCode() != null) {
                audiences.add(new Audience(AudienceKind.SCHOOL, fact.schoolCode()));
            }
        });
        for (Audience audience : audiences) {
            notices.issue(audience, NoticeKind.TASK_CLOSED, NoticeSeverity.INFO, title, body, task);
        }
    }

    private static void taskOpened(Notices notices, TaskOpened opened, TaskView task) {
        if (opened.kindOrDefault() == TaskKind.DATA_SUBMISSION) {
            dataTaskOpened(notices, opened, task);
            return;
        }
        NoticeSeverity leadSeverity = opened.severity() == Severity.VETO ? NoticeSeverity.CRITICAL
                : NoticeSeverity.WARNING;
        String lead = NoticeText.department(opened.leadDepartment());
        String due = NoticeText.date(opened.dueDate());
        // a problem found outside the evaluation says where it came from; the evaluation's own say how grave
        String nature = opened.source() != null ? "问题来源：" + opened.source().describe()
                : "问题性质：" + opened.severity().label();
        String leadBody = "现将整改任务" + task.quotedTitle() + "交由" + lead + "牵头办理。" + task.facts()
                + nature + "。配合单位：" + NoticeText.departments(opened.coDepartments())
                + "。整改期限：" + due + "。请明确责任人，制定整改方案并按期完成。";
        notices.issue(department(opened.leadDepartment()), NoticeKind.TASK_ASSIGNED, leadSeverity,
                "整改任务交办：" + task.title(), leadBody, task);
        for (Department co : opened.coDepartments()) {
            String coBody = lead + "牵头办理整改任务" + task.quotedTitle() + "，请" + NoticeText.department(co)
                    + "作为配合单位予以支持。" + task.facts() + "整改期限：" + due + "。";
            notices.issue(department(co), NoticeKind.TASK_ASSIGNED, NoticeSeverity.INFO,
                    "整改任务配合：" + task.title(), coBody, task);
        }
    }

    /** 报送任务: the unit that owes the data is asked for it; its helpers learn of it. No severity: nothing failed. */
    private static void dataTaskOpened(Notices notices, TaskOpened opened, TaskView task) {
        String lead = NoticeText.department(opened.leadDepartment());
        String due = NoticeText.date(opened.dueDate());
        String body = "评估尚缺以下数据，无法判定" + NoticeText.indicator(opened.indicator()) + "：" + opened.gap()
                + "。现将报送任务" + task.quotedTitle() + "交由" + lead + "办理，请于" + due
                + "前报送（数据报送后任务自动关闭）。配合单位：" + NoticeText.departments(opened.coDepartments()) + "。";
        notices.issue(department(opened.leadDepartment()), NoticeKind.TASK_ASSIGNED, NoticeSeverity.WARNING,
                "报送任务交办：" + task.title(), body, task);
        for (Department co : opened.coDepartments()) {
            notices.issue(department(co), NoticeKind.TASK_ASSIGNED, NoticeSeverity.INFO,
                    "报送任务配合：" + task.title(), lead + "牵头报送" + task.quotedTitle() + "，请"
                            + NoticeText.department(co) + "提供所需材料。缺少的数据：" + opened.gap() + "。报送期限：" + due + "。",
                    task);
        }
    }

    /** A unit's audience; the supervision office and the leading group's office are audiences of their own. */
    private static Audience department(Department department) {
        if (department.code().equals(Department.SUPERVISION_OFFICE.code())) {
            return OFFICE;
        }
        if (department.code().equals(Department.LEADING_GROUP_OFFICE.code())) {
            return LEADING_GROUP;
        }
        return new Audience(AudienceKind.DEPARTMENT, department.code());
    }

    private static List<String> schoolCodes(String schoolCode) {
        return schoolCode == null ? List.of() : List.of(schoolCode);
    }

    /** The notices of one event, with ids seeded by its id. */
    private static final class Notices {

        final String eventId;
        final String districtCode;
        final List<NoticeIssued> issued = new ArrayList<>();

        Notices(String eventId, String districtCode) {
            this.eventId = eventId;
            this.districtCode = districtCode;
        }

        void issue(Audience audience, NoticeKind kind, NoticeSeverity severity, String title, String body,
                   TaskView task) {
            issue(audience, kind, severity, title, body, List.of(task.findingId), List.of(task.taskId),
                    task.schoolCodes());
        }

        void issue(Audience audience, NoticeKind kind, NoticeSeverity severity, String title, String body,
                   List<UUID> findingIds, List<UUID> taskIds, List<String> schoolCodes) {
            issued.add(new NoticeIssued(NoticeIds.forEvent(eventId, audience), districtCode, audience, kind,
                    severity, title, body, null, findingIds, taskIds, schoolCodes, null));
        }
    }

    /** A task as far as it is known: the ids always, the facts when the table has them. */
    private record TaskView(UUID taskId, UUID findingId, Optional<TaskFact> fact) {

        TaskView withFact(TaskFact known) {
            return new TaskView(taskId, findingId, Optional.of(known));
        }

        String title() {
            return fact.map(TaskFact::title).orElse("整改任务（编号" + taskId + "）");
        }

        String quotedTitle() {
            return "“" + title() + "”";
        }

        /** {@code 涉及学校：…；指标：…；差距：…。}, or nothing when unknown. */
        String facts() {
            if (fact.isEmpty()) {
                return "";
            }
            TaskFact known = fact.get();
            String where = known.schoolCode() == null ? "全区"
                    : NoticeText.school(known.schoolCode(), known.schoolName()) + "（学校标识码" + known.schoolCode() + "）";
            return "涉及：" + where + "；指标：" + NoticeText.indicator(known.indicator()) + "；差距：" + known.gap() + "。";
        }

        /** {@code 整改期限：…。} from the facts, or nothing when unknown. */
        String dueDate() {
            return fact.map(known -> "整改期限：" + NoticeText.date(known.dueDate()) + "。").orElse("");
        }

        Optional<Department> lead() {
            return fact.map(TaskFact::leadDepartment);
        }

        String leadOrUnknown() {
            return lead().map(NoticeText::department).orElse("责任单位");
        }

        /** The lead department, or the supervision office when it is not known, so the notice is not lost. */
        Audience leadAudience() {
            return lead().map(NoticeRules::department).orElse(OFFICE);
        }

        List<String> schoolCodes() {
            return fact.map(TaskFact::schoolCode).map(List::of).orElse(List.of());
        }
    }
}
