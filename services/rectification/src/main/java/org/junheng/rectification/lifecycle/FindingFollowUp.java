package org.junheng.rectification.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;

/**
 * What a finding's news asks of its task: raised → open it, with the lead and helping departments of the district's
 * matrix and the due date of its campaign (先硬件后软件); reopened → reopen it with a new due date (or open it, for a
 * regression of an earlier year's finding); resolved → verified by data, then closed by the supervision office's
 * review (复核销号) or at once where the district's campaign does without it.
 */
public final class FindingFollowUp {

    private FindingFollowUp() {
    }

    /** The commands for the task of {@code finding}, as it stands ({@code task} null: none opened yet). */
    public static List<TaskCommand> commandsFor(FindingEvent finding, @Nullable TaskState task, UUID taskId,
                                                ResponsibilityMatrix matrix, Campaign campaign, LocalDate today) {
        if (finding instanceof FindingRaised raised) {
            return List.of(new TaskCommand.Open(opened(taskId, raised.findingId(), raised.districtCode(),
                    raised.period(), raised.subject(), raised.indicator(), raised.severity(), raised.gap(), matrix,
                    campaign, today)));
        }
        if (finding instanceof FindingReopened reopened) {
            return List.of(task == null
                    ? new TaskCommand.Open(opened(taskId, reopened.findingId(), reopened.districtCode(),
                    reopened.period(), reopened.subject(), reopened.indicator(), reopened.severity(), reopened.gap(),
                    matrix, campaign, today))
                    : new TaskCommand.Reopen(reopened.reason(), campaign.dueDate(reopened.indicator(), today)));
        }
        if (task == null) {
            return List.of(); // resolved before a task was opened: nothing to close
        }
        return List.of(new TaskCommand.FindingResolved(((FindingResolved) finding).basis(),
                campaign.reviewBeforeClosing()));
    }

    /** A task's start: what it is about in words, who leads and helps, and when it is due. */
    static TaskOpened opened(UUID taskId, UUID findingId, String district, int period, Subject subject,
                             IndicatorCode indicator, Severity severity, String gap, ResponsibilityMatrix matrix,
                             Campaign campaign, LocalDate today) {
        ResponsibilityMatrix.Responsibility responsible = matrix.responsibleFor(indicator);
        String where = subject.level() == SubjectLevel.COUNTY ? "全区" : subject.schoolName()
                + (subject.section() == null ? "" : subject.section().label());
        return new TaskOpened(taskId, district, findingId, period, subject, indicator, severity,
                where + indicator.shortName() + "未达标", gap, responsible.lead(),
                List.copyOf(responsible.coDepartments()), campaign.dueDate(indicator, today));
    }
}
