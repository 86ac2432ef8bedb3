package org.junheng.notices.readmodels;

import java.util.Objects;
import java.util.OptionalDouble;
import org.junheng.contracts.Department;

/**
 * One department's rectification record for a bulletin (通报): the tasks it leads still open (overdue ones among them)
 * and closed on time or late, with the average days from opening to closing (empty while it has closed nothing); and
 * the open tasks it helps with as a co-responsible unit (配合单位), overdue ones among them.
 */
public record DepartmentScorecard(
        Department department,
        int open,
        int overdue,
        int closedOnTime,
        int closedLate,
        OptionalDouble averageDaysToClose,
        int helping,
        int helpingOverdue) {

    public DepartmentScorecard {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(averageDaysToClose, "averageDaysToClose");
        if (open < 0 || overdue < 0 || closedOnTime < 0 || closedLate < 0 || helping < 0 || helpingOverdue < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (overdue > open || helpingOverdue > helping) {
            throw new IllegalArgumentException("overdue tasks are open tasks: " + overdue + " > " + open);
        }
        // parameters, not closed(): the fields are not assigned yet in a compact constructor
        if (averageDaysToClose.isPresent() && (closedOnTime + closedLate == 0 || averageDaysToClose.getAsDouble() < 0)) {
            throw new IllegalArgumentException("an average needs closed tasks and is not negative");
        }
    }

    public int closed() {
        return closedOnTime + closedLate;
    }

    /** The tasks it leads, open or closed. */
    public int total() {
        return open + closed();
    }
}
