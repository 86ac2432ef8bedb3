package org.junheng.rectification.lifecycle;

import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.Department;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.rectification.Accountability;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.Milestone;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;

/** What can be asked of a rectification task; people's actions carry the acting person. */
public sealed interface TaskCommand {

    /** A finding was raised (or a regression reopened it): the task starts with its departments and due date. */
    record Open(TaskOpened opened) implements TaskCommand {
    }

    /** The lead department names the person responsible (责任人). */
    record Assign(Person responsible) implements TaskCommand {
    }

    record SubmitPlan(String measures, List<Milestone> milestones, LocalDate plannedCompletion, Person by)
            implements TaskCommand {
    }

    record ReportProgress(int percentComplete, String description, Person by) implements TaskCommand {
    }

    record AttachEvidence(EvidenceReference evidence, Person uploader) implements TaskCommand {
    }

    record SubmitForVerification(String summary, Person by) implements TaskCommand {
    }

    /** A supervisor confirms the fix by judgment (督导核验). */
    record Verify(Person verifier, @Nullable String comment) implements TaskCommand {
    }

    record Reject(String reason, Person by) implements TaskCommand {
    }

    /** 销号: the supervision office signs a verified task off. */
    record Close(@Nullable String note, Person by) implements TaskCommand {
    }

    /** 约谈 or 问责 recorded by the office: who, when, why, and what came of it. */
    record RecordAccountability(@Nullable Accountability kind, @Nullable String person, @Nullable LocalDate date,
                                @Nullable String reason, @Nullable String outcome, Person by, LocalDate today)
            implements TaskCommand {
    }

    record ExtendDeadline(LocalDate newDueDate, String reason, Person approver) implements TaskCommand {
    }

    record Reassign(Department to, String reason, Person approver) implements TaskCommand {
    }

    /**
     * The finding was resolved by a new evaluation: by data or attestation, or it no longer applies. With
     * {@code review} the task waits, verified, for the supervision office to sign it off (复核销号).
     */
    record FindingResolved(ResolutionBasis basis, boolean review) implements TaskCommand {
    }

    /** A 报送 task's data arrived: the readiness no longer names its gap. */
    record DataArrived() implements TaskCommand {
    }

    /** The finding is unmet again; the task goes back to the department with a new due date. */
    record Reopen(String reason, LocalDate newDueDate) implements TaskCommand {
    }

    /** From the deadline watch. */
    record MarkDueSoon(int daysLeft) implements TaskCommand {
    }

    record MarkOverdue() implements TaskCommand {
    }

    record Escalate(EscalationLevel level, String reason) implements TaskCommand {
    }
}
