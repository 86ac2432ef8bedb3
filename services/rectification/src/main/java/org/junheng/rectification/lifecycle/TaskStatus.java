package org.junheng.rectification.lifecycle;

import org.junheng.contracts.Labelled;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.VerificationMethod;

/** Where a rectification task stands: open → assigned → planned → in progress → submitted → verified → closed. */
public enum TaskStatus implements Labelled {
    OPEN("待分派"),
    ASSIGNED("已分派"),
    PLANNED("已制定方案"),
    IN_PROGRESS("整改中"),
    SUBMITTED("待核验"),
    VERIFIED("已核验"),
    CLOSED("已销号");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The status in words as a person reads it: a verified task says what it waits for — the office's review of
     * data that met the standard (复核销号), or the office's 销号 after its own verification; a task closed without
     * 销号 says why (数据已报送, 不再适用).
     */
    public String describe(@Nullable VerificationMethod verification, @Nullable ClosureReason closure) {
        if (this == VERIFIED) {
            return label + (verification == VerificationMethod.DATA ? "（数据已达标，待督导室复核销号）" : "（待销号）");
        }
        if (this == CLOSED && closure != null && closure != ClosureReason.RECTIFIED) {
            return "已关闭（" + closure.label() + "）";
        }
        return label;
    }

    /** Deadlines, reminders and escalation stop once the fix is confirmed. */
    public boolean settled() {
        return this == VERIFIED || this == CLOSED;
    }
}
